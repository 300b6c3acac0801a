package org.sijill.bench.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one scorer for every tool: reads a CLUSTERS.csv ({@code cluster_id,source,record_id}) and
 * prints pairwise precision, recall and F1 of the pairs the clusters imply (transitive closure)
 * against the FEBRL truth (the entity number in {@code rec-N-...}). With {@code link}, only pairs
 * of records from different sources count, as in Sijill's own benchmark.
 *
 * <p>Usage: {@code Score link|dedupe CLUSTERS.csv} → {@code P R F1 clusters}.
 */
public final class Score {
  private static final Pattern ENTITY = Pattern.compile("^rec-(\\d+)-");

  private Score() {}

  public static void main(String[] args) throws IOException {
    boolean crossOnly = args[0].equals("link");
    List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    // counts per cluster, per (cluster, entity), per entity; each split by source for link mode
    Map<String, Map<String, Long>> byCluster = new HashMap<>();
    Map<String, Map<String, Long>> byClusterEntity = new HashMap<>();
    Map<String, Map<String, Long>> byEntity = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Matcher m = ENTITY.matcher(f[2]);
      if (!m.find()) {
        throw new IllegalArgumentException("no entity in record id " + f[2]);
      }
      String source = crossOnly ? f[1] : "";
      add(byCluster, f[0], source);
      add(byClusterEntity, f[0] + "\u0000" + m.group(1), source);
      add(byEntity, m.group(1), source);
    }
    long predicted = pairs(byCluster);
    long correct = pairs(byClusterEntity);
    long truth = pairs(byEntity);
    double p = predicted == 0 ? 1 : (double) correct / predicted;
    double r = truth == 0 ? 1 : (double) correct / truth;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    System.out.printf(Locale.ROOT, "%.4f %.4f %.4f %d%n", p, r, f1, byCluster.size());
  }

  private static void add(Map<String, Map<String, Long>> m, String key, String source) {
    m.computeIfAbsent(key, k -> new HashMap<>()).merge(source, 1L, Long::sum);
  }

  /** Pairs within each group; by source, only pairs across sources (all pairs with one source). */
  private static long pairs(Map<String, Map<String, Long>> groups) {
    long total = 0;
    for (Map<String, Long> bySource : groups.values()) {
      long n = 0;
      long same = 0;
      for (long c : bySource.values()) {
        n += c;
        same += c * (c - 1) / 2;
      }
      long all = n * (n - 1) / 2;
      total += bySource.size() == 1 && bySource.containsKey("") ? all : all - same;
    }
    return total;
  }
}
