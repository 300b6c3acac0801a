package org.sijill.workflow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.model.RunTruth;
import org.sijill.linkage.LinkResult;

/**
 * Scores a linkage run against a ground truth its lists carry: the column {@value #COLUMN} names
 * each record's true person (generated lists written with {@code --truth-column}; linkage never
 * compares it). Over the records with a value there: blocking recall (true pairs among the
 * candidate pairs the linker scored), and precision, recall and F1 of the pairs the persons imply.
 * In mode {@code link} only pairs across lists count, as only those are linked.
 */
final class GroundTruth {
  /** The column of a generated list that names the record's true person. */
  static final String COLUMN = "true_person_id";

  private GroundTruth() {}

  /**
   * @param truth per result index, the true person, or null when the record has none
   * @return the score, or null when no record has a true person
   */
  static RunTruth score(LinkResult result, String[] truth, boolean crossListOnly) {
    int n = result.size();
    int records = 0;
    Map<String, int[]> byPerson = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (truth[i] != null) {
        records++;
        byPerson.computeIfAbsent(truth[i], k -> new int[1])[0]++;
      }
    }
    if (records == 0) {
      return null;
    }
    long truePairs = 0;
    long linked = 0;
    long linkedTrue = 0;
    if (!crossListOnly) {
      for (int[] c : byPerson.values()) {
        truePairs += pairs(c[0]);
      }
      Map<Integer, int[]> byCluster = new HashMap<>();
      Map<String, int[]> byCell = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (truth[i] != null) {
          byCluster.computeIfAbsent(result.cluster(i), k -> new int[1])[0]++;
          byCell.computeIfAbsent(result.cluster(i) + "\u0000" + truth[i], k -> new int[1])[0]++;
        }
      }
      for (int[] c : byCluster.values()) {
        linked += pairs(c[0]);
      }
      for (int[] c : byCell.values()) {
        linkedTrue += pairs(c[0]);
      }
    } else {
      // Pairs across lists only: count per group and list, then subtract the within-list pairs.
      Map<String, int[]> personList = new HashMap<>();
      Map<String, int[]> cluster = new HashMap<>();
      Map<String, int[]> clusterList = new HashMap<>();
      Map<String, int[]> cell = new HashMap<>();
      Map<String, int[]> cellList = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (truth[i] == null) {
          continue;
        }
        String list = result.source(i);
        String c = String.valueOf(result.cluster(i));
        personList.computeIfAbsent(truth[i] + "\u0000" + list, k -> new int[1])[0]++;
        cluster.computeIfAbsent(c, k -> new int[1])[0]++;
        clusterList.computeIfAbsent(c + "\u0000" + list, k -> new int[1])[0]++;
        cell.computeIfAbsent(c + "\u0000" + truth[i], k -> new int[1])[0]++;
        cellList.computeIfAbsent(c + "\u0000" + truth[i] + "\u0000" + list, k -> new int[1])[0]++;
      }
      truePairs = sum(byPerson.values()) - sum(personList.values());
      linked = sum(cluster.values()) - sum(clusterList.values());
      linkedTrue = sum(cell.values()) - sum(cellList.values());
    }
    Set<Long> compared = new HashSet<>();
    for (int k = 0; k < result.pairCount(); k++) {
      int a = result.left(k);
      int b = result.right(k);
      if (truth[a] != null
          && truth[a].equals(truth[b])
          && (!crossListOnly || !result.source(a).equals(result.source(b)))) {
        compared.add(Math.min(a, b) * (long) n + Math.max(a, b));
      }
    }
    return new RunTruth(
        COLUMN, records, byPerson.size(), truePairs, compared.size(), linked, linkedTrue);
  }

  private static long sum(java.util.Collection<int[]> counts) {
    long s = 0;
    for (int[] c : counts) {
      s += pairs(c[0]);
    }
    return s;
  }

  private static long pairs(long k) {
    return k * (k - 1) / 2;
  }
}
