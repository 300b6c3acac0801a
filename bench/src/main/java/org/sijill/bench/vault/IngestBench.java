package org.sijill.bench.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sijill.vault.Acquisition;
import org.sijill.vault.Vault;

/**
 * Ingest throughput of {@code Vault.add} (SHA-256 + SHA-512, copy, fsync, rename, log append) as a
 * ratio to {@code sha256sum} over the same files in the same run, alternating the two so both see
 * the same page cache and machine load.
 *
 * <p>Usage: {@code IngestBench WORK_DIR [COUNT [SIZE_MB [ROUNDS]]]}; files are random bytes.
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int sizeMb = args.length > 2 ? Integer.parseInt(args[2]) : 128;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path in = work.resolve("in");
    Files.createDirectories(in);
    List<Path> files = new ArrayList<>();
    Random rnd = new Random(1);
    byte[] chunk = new byte[1 << 20];
    for (int i = 0; i < count; i++) {
      Path f = in.resolve("file-" + i + ".bin");
      try (var out = Files.newOutputStream(f)) {
        for (int m = 0; m < sizeMb; m++) {
          rnd.nextBytes(chunk);
          out.write(chunk);
        }
      }
      files.add(f);
    }
    double total = (double) count * sizeMb * (1 << 20);
    System.out.printf(
        "files: %d x %d MiB (%.0f MiB), %d rounds, %d cores%n",
        count, sizeMb, total / (1 << 20), rounds, Runtime.getRuntime().availableProcessors());
    double[] ratios = new double[rounds];
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds; r++) {
      double[] sum = sha256sum(files);
      double tSum = sum[0];
      long cpu0 = os.getProcessCpuTime();
      double tVault = ingest(work.resolve("data-" + r), files);
      double cpuVault = (os.getProcessCpuTime() - cpu0) / 1e9;
      ratios[r] = tSum / tVault;
      System.out.printf(
          "round %d: sha256sum %.0f MB/s (%.2f CPU s/GiB), vault add %.0f MB/s (%.2f CPU s/GiB),"
              + " ratio %.2f%n",
          r + 1,
          total / tSum / 1e6,
          sum[1] / (total / (1 << 30)),
          total / tVault / 1e6,
          cpuVault / (total / (1 << 30)),
          ratios[r]);
      deleteTree(work.resolve("data-" + r));
    }
    Arrays.sort(ratios);
    System.out.printf("median ratio vault/sha256sum: %.2f%n", ratios[rounds / 2]);
    deleteTree(in);
  }

  /** Wall seconds and CPU seconds (user + system, from /usr/bin/time) of sha256sum. */
  private static double[] sha256sum(List<Path> files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "sha256sum"));
    files.forEach(f -> cmd.add(f.toString()));
    long t = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String times =
        new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .strip();
    if (p.waitFor() != 0) {
      throw new IOException("sha256sum failed: " + times);
    }
    double wall = (System.nanoTime() - t) / 1e9;
    String[] last = times.lines().reduce((a, b) -> b).orElse("0 0").split(" ");
    return new double[] {wall, Double.parseDouble(last[0]) + Double.parseDouble(last[1])};
  }

  private static double ingest(Path data, List<Path> files) throws IOException {
    long t = System.nanoTime();
    try (Vault v = Vault.open(data)) {
      for (Path f : files) {
        v.add(f, Acquisition.by("bench"));
      }
    }
    return (System.nanoTime() - t) / 1e9;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        q.toFile().setWritable(true);
        Files.delete(q);
      }
    }
  }
}
