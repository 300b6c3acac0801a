package org.sijill.bench.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Fault;
import org.sijill.vault.ProgressListener;
import org.sijill.vault.Vault;
import org.sijill.vault.testing.CrashRounds;

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
    CrashRounds.Outcome rounds =
        CrashRounds.run(
            data,
            scratch,
            kills,
            new Random(42),
            Duration.ofSeconds(120),
            ProcessBuilder.Redirect.INHERIT,
            (done, acknowledged) -> {
              if (done % 10 == 0) {
                System.err.printf(
                    "kills: %d of %d, acknowledged so far: %d%n", done, kills, acknowledged);
              }
            });
    Map<String, Long> acked = rounds.acknowledged();
    long recoveredTails = rounds.recoveredTails();
    int partial = CrashRounds.partialBlobs(data).size();
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
