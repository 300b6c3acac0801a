package org.sijill.bench.linkage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Source;

/** {@code -Dmisses}: the pairs the clustering got wrong, with their scores and rows. */
final class MissedPairs {
  private MissedPairs() {}

  /**
   * Every missed pair (same person, different clusters) and false pair (different persons, one
   * cluster), with the probability if the pair was scored ("-" when blocking never compared it) and
   * the field levels. {@code -Dmisses=1} prints the first 40; {@code -Dmisses=FILE} writes all as
   * tab-separated lines: kind, probability, levels, person ids, then both rows.
   */
  static void write(LinkResult r, List<Source> sources, List<String> truth, Path file)
      throws IOException {
    Map<Long, Double> prob = new java.util.HashMap<>();
    for (int k = 0; k < r.pairCount(); k++) {
      prob.put(((long) r.left(k) << 32) | r.right(k), r.probability(k));
    }
    List<String> out = new ArrayList<>();
    Map<String, List<Integer>> byPerson = new java.util.HashMap<>();
    Map<Integer, List<Integer>> byCluster = new java.util.HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byPerson.computeIfAbsent(truth.get(i), k -> new ArrayList<>()).add(i);
      byCluster.computeIfAbsent(r.cluster(i), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : byPerson.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          if (r.cluster(g.get(x)) != r.cluster(g.get(y))) {
            out.add(missLine("MISSED", r, sources, truth, prob, g.get(x), g.get(y), file));
          }
        }
      }
    }
    for (List<Integer> g : byCluster.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          if (!truth.get(g.get(x)).equals(truth.get(g.get(y)))) {
            out.add(missLine("FALSE", r, sources, truth, prob, g.get(x), g.get(y), file));
          }
        }
      }
    }
    if (file != null) {
      Files.write(file, out);
      System.out.printf(Locale.ROOT, "wrote %d missed/false pairs to %s%n", out.size(), file);
    } else {
      out.stream().limit(40).forEach(System.out::println);
    }
  }

  private static String missLine(
      String kind,
      LinkResult r,
      List<Source> sources,
      List<String> truth,
      Map<Long, Double> prob,
      int a,
      int b,
      Path file) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    Double p = prob.get(((long) lo << 32) | hi);
    String ps = p == null ? "-" : String.format(Locale.ROOT, "%.3f", p);
    String lv = java.util.Arrays.toString(r.levels(lo, hi)).replace(" ", "");
    String ra = String.join(" | ", rowOf(sources, lo));
    String rb = String.join(" | ", rowOf(sources, hi));
    if (file == null) {
      return String.format(Locale.ROOT, "%s p=%s %s%n  %s%n  %s", kind, ps, lv, ra, rb);
    }
    return String.join("\t", kind, ps, lv, truth.get(lo), truth.get(hi), ra, rb);
  }

  private static String[] rowOf(List<Source> sources, int k) {
    for (Source s : sources) {
      if (k < s.size()) {
        return s.rows().get(k);
      }
      k -= s.size();
    }
    throw new IllegalArgumentException();
  }
}
