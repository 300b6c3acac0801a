package org.sijill.bench.vault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.log.Merkle;

/**
 * Custody log speed: durable single appends (one fsync each), batched appends, reopening in the
 * same process (the kept tree), reopening from scratch (which rescans and rehashes every record),
 * and inclusion and consistency proof generation at the full size, each proof also verified once
 * outside the timing.
 *
 * <p>Usage: {@code LogBench WORK_DIR [ENTRIES [SINGLE_APPENDS [PROOFS]]]}.
 */
public final class LogBench {
  private LogBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int singles = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int proofs = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    Path file = work.resolve("bench-custody.log");
    java.nio.file.Files.deleteIfExists(file);
    try (CustodyLog log = CustodyLog.openForAppend(file)) {
      long t = System.nanoTime();
      for (int i = 0; i < singles; i++) {
        log.append(entry(i));
      }
      double s = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          "durable single appends: %d in %.2f s = %.0f entries/s%n", singles, s, singles / s);
      t = System.nanoTime();
      int batch = 1000;
      for (int i = singles; i < entries; i += batch) {
        List<byte[]> b = new ArrayList<>(batch);
        for (int j = i; j < Math.min(entries, i + batch); j++) {
          b.add(entry(j));
        }
        log.appendAll(b);
      }
      s = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          "batched appends (1000 per fsync): %d in %.2f s = %.0f entries/s%n",
          entries - singles, s, (entries - singles) / s);
    }
    // A process that opens the log again (the server, per request) takes over the tree it left.
    try (CustodyLog first = CustodyLog.openForAppendKept(file)) {
      first.size();
    }
    long[] kept = new long[100];
    for (int i = 0; i < kept.length; i++) {
      long a = System.nanoTime();
      try (CustodyLog again = CustodyLog.openForAppendKept(file)) {
        if (again.scanned()) {
          throw new IllegalStateException("the kept tree was not taken over");
        }
      }
      kept[i] = System.nanoTime() - a;
    }
    Arrays.sort(kept);
    System.out.printf(
        "reopen in the same process (kept tree, open + close) at %,d entries: median %.3f ms,"
            + " max %.3f ms%n",
        entries, kept[kept.length / 2] / 1e6, kept[kept.length - 1] / 1e6);
    long t = System.nanoTime();
    try (CustodyLog log = CustodyLog.openForAppend(file)) {
      System.out.printf(
          "reopen (scan + rehash + rebuild tree) at %,d entries: %.2f s%n",
          log.size(), (System.nanoTime() - t) / 1e9);
      long n = log.size();
      byte[] root = log.root(n);
      Random rnd = new Random(7);
      long[] idx = new long[proofs];
      for (int i = 0; i < proofs; i++) {
        idx[i] = Math.floorMod(rnd.nextLong(), n);
      }
      // warm-up
      for (int i = 0; i < Math.min(proofs, 20_000); i++) {
        log.inclusionProof(idx[i], n);
      }
      long[] ns = new long[proofs];
      for (int i = 0; i < proofs; i++) {
        long a = System.nanoTime();
        log.inclusionProof(idx[i], n);
        ns[i] = System.nanoTime() - a;
      }
      report("inclusion proof", n, ns);
      for (int i = 0; i < 1000; i++) {
        Merkle.verifyInclusion(
            idx[i], n, log.leafHash(idx[i]), log.inclusionProof(idx[i], n), root);
      }
      long[] cs = new long[Math.min(proofs, 20_000)];
      for (int i = 0; i < cs.length; i++) {
        long m = 1 + Math.floorMod(rnd.nextLong(), n);
        long a = System.nanoTime();
        List<byte[]> p = log.consistencyProof(m, n);
        cs[i] = System.nanoTime() - a;
        if (i < 200) {
          Merkle.verifyConsistency(m, n, log.root(m), root, p);
        }
      }
      report("consistency proof", n, cs);
    }
    java.nio.file.Files.deleteIfExists(file);
  }

  private static void report(String what, long n, long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElse(0) / 1000.0;
    System.out.printf(
        "%s at %,d entries: mean %.1f µs, median %.1f µs, p99 %.1f µs (%d proofs, all verified"
            + " sample ok)%n",
        what, n, mean, s[s.length / 2] / 1000.0, s[(int) (s.length * 0.99)] / 1000.0, s.length);
  }

  /** An entry about the size of a real acquisition event (~330 bytes). */
  private static byte[] entry(long i) {
    String json =
        "{\"seq\":"
            + i
            + ",\"type\":\"acquired\",\"sha256\":\""
            + "0".repeat(64)
            + "\",\"actor\":\"bench\",\"at\":\"2026-11-25T20:00:00Z\",\"details\":{\"file_name\":\"f"
            + i
            + ".jpg\",\"mime_type\":\"image/jpeg\",\"sha512\":\""
            + "1".repeat(128)
            + "\",\"size\":\"1234\"}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
