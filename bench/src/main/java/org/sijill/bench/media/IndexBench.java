package org.sijill.bench.media;

import static org.sijill.media.testing.RandomHashes.flip;
import static org.sijill.media.testing.RandomHashes.random;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sijill.media.index.HammingIndex;
import org.sijill.media.pdq.PdqHash;

/**
 * Query latency of {@link HammingIndex} at radius 31, and agreement with brute force.
 *
 * <p>Usage: {@code IndexBench SIZE [QUERIES] [CHECKED]}. The stored hashes are clustered like real
 * frame hashes (groups of near copies around random centres: 1,000 hashes per 100 centres per
 * 100k); half the queries are near copies of stored hashes (0–40 flipped bits), half random. The
 * first CHECKED queries are also answered by brute force and must be identical.
 */
public final class IndexBench {
  private IndexBench() {}

  public static void main(String[] args) {
    int size = Integer.parseInt(args[0]);
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int checked = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Random rnd = new Random(20261125L);
    HammingIndex index = new HammingIndex();
    int centres = Math.max(100, size / 1000);
    PdqHash[] c = new PdqHash[centres];
    for (int i = 0; i < centres; i++) {
      c[i] = random(rnd);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < size; i++) {
      index.add(flip(c[rnd.nextInt(centres)], rnd.nextInt(48), rnd));
    }
    long t1 = System.nanoTime();
    index.reindex();
    long t2 = System.nanoTime();
    System.out.printf(
        "size %,d: generated in %.1f s, indexed in %.1f s%n",
        size, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    PdqHash[] qs = new PdqHash[queries];
    for (int i = 0; i < queries; i++) {
      qs[i] = i % 2 == 0 ? flip(index.get(rnd.nextInt(size)), rnd.nextInt(41), rnd) : random(rnd);
    }
    // warm-up
    for (int i = 0; i < Math.min(500, queries); i++) {
      index.within(qs[i], 31);
    }
    long[] ns = new long[queries];
    long[] cpu = new long[queries];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long hits = 0;
    for (int i = 0; i < queries; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      List<HammingIndex.Hit> h = index.within(qs[i], 31);
      ns[i] = System.nanoTime() - s;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      hits += h.size();
    }
    int mismatches = 0;
    for (int i = 0; i < Math.min(checked, queries); i++) {
      if (!index.within(qs[i], 31).equals(index.bruteForce(qs[i], 31))) {
        mismatches++;
      }
    }
    long bs = System.nanoTime();
    int bruteRuns = Math.min(20, queries);
    for (int i = 0; i < bruteRuns; i++) {
      index.bruteForce(qs[i], 31);
    }
    double bruteMs = (System.nanoTime() - bs) / 1e6 / bruteRuns;
    Arrays.sort(ns);
    Arrays.sort(cpu);
    System.out.printf(
        "size %,d: thread CPU time per query (excludes waiting for a core): p50 %.3f ms, p99 %.3f"
            + " ms%n",
        size, cpu[queries / 2] / 1e6, cpu[(int) (queries * 0.99)] / 1e6);
    System.out.printf(
        "size %,d: %d queries, radius 31, %.1f hits/query: wall p50 %.3f ms, p99 %.3f ms, max %.3f"
            + " ms;"
            + " brute force %.1f ms/query; %d of %d checked queries differ from brute force%n",
        size,
        queries,
        hits / (double) queries,
        ns[queries / 2] / 1e6,
        ns[(int) (queries * 0.99)] / 1e6,
        ns[queries - 1] / 1e6,
        bruteMs,
        mismatches,
        Math.min(checked, queries));
    if (mismatches > 0) {
      System.exit(1);
    }
  }
}
