package org.sijill.bench.vault;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Fault;
import org.sijill.vault.ProgressListener;
import org.sijill.vault.Vault;

/**
 * kill -9 during ingest, many times over one vault: counts acknowledged items, then checks that
 * none is lost, that every blob at an address hashes to it (nothing partial visible), and that the
 * vault verifies after recovery. Exit status 1 on any loss or fault.
 *
 * <p>Usage: {@code CrashBench WORK_DIR [KILLS]}.
 */
public final class CrashBench {
  private CrashBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int kills = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path data = work.resolve("crash-data");
    Path scratch = work.resolve("crash-scratch");
    IngestBench.deleteTree(data);
    IngestBench.deleteTree(scratch);
    Files.createDirectories(scratch);
    Map<String, Long> acked = new LinkedHashMap<>();
    Random rnd = new Random(42);
    long recoveredTails = 0;
    for (int k = 0; k < kills; k++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  data.toString(),
                  scratch.toString(),
                  Integer.toString(k))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String ready = r.readLine();
      if (ready == null || !ready.startsWith("READY ")) {
        throw new IllegalStateException("child " + k + " did not start: " + ready);
      }
      if (!ready.endsWith(" 0")) {
        recoveredTails++;
      }
      java.util.concurrent.CountDownLatch firstAck = new java.util.concurrent.CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try {
                  String line;
                  while ((line = r.readLine()) != null) {
                    String[] f = line.split(" ");
                    synchronized (acked) {
                      acked.put(f[1], Long.parseLong(f[2]));
                    }
                    firstAck.countDown();
                  }
                } catch (java.io.IOException died) {
                  // killed
                }
              });
      reader.start();
      // Kill at a random moment once the child has got going, whatever the machine's load.
      if (!firstAck.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("child " + k + " acknowledged nothing in 120 s");
      }
      Thread.sleep(rnd.nextInt(400));
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
      if ((k + 1) % 10 == 0) {
        System.err.printf("kills: %d of %d, acknowledged so far: %d%n", k + 1, kills, acked.size());
      }
    }
    int partial = 0;
    try (Stream<Path> s = Files.walk(data.resolve("vault/blobs/sha256"))) {
      for (Path b : s.filter(Files::isRegularFile).toList()) {
        byte[] c = Files.readAllBytes(b);
        String h =
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c));
        if (!h.equals(b.getFileName().toString())) {
          partial++;
        }
      }
    }
    int lost = 0;
    long logSize;
    try (Vault v = Vault.open(data)) {
      logSize = v.logSize();
      for (Map.Entry<String, Long> a : acked.entrySet()) {
        boolean ok = v.store().contains(a.getKey()) && a.getValue() < v.logSize();
        if (ok) {
          CustodyEvent e = v.event(a.getValue());
          ok = e.sha256().equals(a.getKey());
        }
        if (!ok) {
          lost++;
        }
      }
      v.checkpoint();
    }
    List<Fault> faults = Vault.verify(data, List.of(), ProgressListener.NONE);
    System.out.printf(
        "kills: %d, acknowledged items: %d, lost: %d, partial blobs visible: %d, torn log tails"
            + " recovered on restart: %d, log entries: %d, verify faults: %d%n",
        kills, acked.size(), lost, partial, recoveredTails, logSize, faults.size());
    faults.forEach(f -> System.out.println("FAULT " + f));
    IngestBench.deleteTree(data);
    IngestBench.deleteTree(scratch);
    System.exit(lost == 0 && partial == 0 && faults.isEmpty() ? 0 : 1);
  }
}
