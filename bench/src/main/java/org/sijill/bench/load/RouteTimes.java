package org.sijill.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a load run measured, per route: each request's latency, the errors (with the first one's
 * answer) and the workflow's refusals (409) apart; printed as count, p50, p99 and max in
 * milliseconds. Safe to add to from every simulated user's thread.
 */
final class RouteTimes {
  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, Long> errors = new ConcurrentHashMap<>();
  private final Map<String, Long> refusals = new ConcurrentHashMap<>();
  private final Map<String, String> firstError = new ConcurrentHashMap<>();

  /** One request's time; {@code error} is why it failed, or null when it did not. */
  void add(String route, long nanos, String error) {
    latencies
        .computeIfAbsent(route, k -> Collections.synchronizedList(new ArrayList<>()))
        .add(nanos);
    if (error != null) {
      errors.merge(route, 1L, Long::sum);
      firstError.putIfAbsent(route, error);
    }
  }

  /** A refusal by the workflow (409: a version of the item waits for review). */
  void refused(String route) {
    refusals.merge(route, 1L, Long::sum);
  }

  /** Refusals (409) on every route, the warm-up included. */
  long refusals() {
    return refusals.values().stream().mapToLong(Long::longValue).sum();
  }

  void report(int users, double elapsed) {
    System.out.printf(
        "%-46s %8s %8s %8s %8s %7s%n", "route", "requests", "p50 ms", "p99 ms", "max ms", "errors");
    long all = 0;
    long allErrors = 0;
    for (Map.Entry<String, List<Long>> e : new TreeMap<>(latencies).entrySet()) {
      long[] ns;
      synchronized (e.getValue()) {
        ns = e.getValue().stream().mapToLong(Long::longValue).toArray();
      }
      Arrays.sort(ns);
      long errs = errors.getOrDefault(e.getKey(), 0L);
      all += ns.length;
      allErrors += errs;
      System.out.printf(
          "%-46s %8d %8.1f %8.1f %8.1f %7d%n",
          e.getKey(), ns.length, ms(pct(ns, 0.50)), ms(pct(ns, 0.99)), ms(ns[ns.length - 1]), errs);
    }
    System.out.printf(
        "users %d: %d requests in %.0f s (%.1f/s), %d errors%n",
        users, all, elapsed, all / elapsed, allErrors);
    firstError.forEach((route, why) -> System.out.println("first error on " + route + ": " + why));
    refusals.forEach(
        (route, n) ->
            System.out.println("refused (409) on " + route + ": " + n + " (warm-up included)"));
  }

  /** The nearest-rank percentile. */
  private static long pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
