package org.sijill.bench.linkage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.linkage.LinkResult;

/**
 * Pairwise precision, recall and F1 of the pairs implied by the clusters (transitive closure), the
 * recall of blocking (true pairs among the candidates) and the cluster count against the truth.
 */
record PairMetrics(
    long truePairs,
    long predictedPairs,
    long correctPairs,
    long candidatePairs,
    long trueCandidatePairs,
    int clusters,
    int persons) {

  double precision() {
    return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
  }

  double recall() {
    return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  double blockingRecall() {
    return truePairs == 0 ? 1 : (double) trueCandidatePairs / truePairs;
  }

  /**
   * @param truth the true entity of each record (by result index)
   * @param crossSourceOnly count only pairs of records from different sources (mode link)
   */
  static PairMetrics of(LinkResult r, List<String> truth, boolean crossSourceOnly) {
    int n = r.size();
    Map<String, List<Integer>> byEntity = new HashMap<>();
    Map<Integer, List<Integer>> byCluster = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byEntity.computeIfAbsent(truth.get(i), k -> new java.util.ArrayList<>()).add(i);
      byCluster.computeIfAbsent(r.cluster(i), k -> new java.util.ArrayList<>()).add(i);
    }
    long truePairs = countPairs(byEntity.values(), r, crossSourceOnly);
    long predicted = countPairs(byCluster.values(), r, crossSourceOnly);
    long correct = 0;
    for (List<Integer> members : byCluster.values()) {
      Map<String, List<Integer>> sub = new HashMap<>();
      for (int i : members) {
        sub.computeIfAbsent(truth.get(i), k -> new java.util.ArrayList<>()).add(i);
      }
      correct += countPairs(sub.values(), r, crossSourceOnly);
    }
    long trueCand = 0;
    for (int k = 0; k < r.pairCount(); k++) {
      int a = r.left(k);
      int b = r.right(k);
      if (truth.get(a).equals(truth.get(b))
          && (!crossSourceOnly || !r.source(a).equals(r.source(b)))) {
        trueCand++;
      }
    }
    Set<String> persons = new HashSet<>(truth);
    return new PairMetrics(
        truePairs, predicted, correct, r.pairCount(), trueCand, r.clusterCount(), persons.size());
  }

  private static long countPairs(
      Iterable<List<Integer>> groups, LinkResult r, boolean crossSourceOnly) {
    long c = 0;
    for (List<Integer> g : groups) {
      if (!crossSourceOnly) {
        c += (long) g.size() * (g.size() - 1) / 2;
        continue;
      }
      Map<String, Integer> perSource = new HashMap<>();
      for (int i : g) {
        perSource.merge(r.source(i), 1, Integer::sum);
      }
      long all = (long) g.size() * (g.size() - 1) / 2;
      for (int s : perSource.values()) {
        all -= (long) s * (s - 1) / 2;
      }
      c += all;
    }
    return c;
  }
}
