package org.sijill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.evidence.VaultRecords;
import org.sijill.vault.CorruptLogException;
import org.sijill.vault.ExternalRecord;
import org.sijill.vault.Fault;
import org.sijill.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sijill vault verify}: re-hashes every blob, checks every log entry, every checkpoint and
 * every database row of the evidence trail; prints one line per fault and exits 1 on any.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Check every blob, log entry, checkpoint and database record; exit 1 on any fault.")
final class VaultVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Main main = Main.root(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Fault> faults = new ArrayList<>();
    try (CaseFile cf = main.openCaseFile()) {
      VaultRecords records = new VaultRecords(cf.jdbi());
      long logSize = -1;
      // Finish what a crash interrupted (mirror unmirrored entries) unless the log is damaged.
      try (Vault v = Vault.open(main.dataDir())) {
        int caughtUp = VaultSession.mirror(v, records);
        if (caughtUp > 0) {
          err.printf(
              "verify: mirrored %d log entr%s that an interrupted command had not yet written to"
                  + " the database%n",
              caughtUp, caughtUp == 1 ? "y" : "ies");
        }
        if (v.recoveredBytes() > 0) {
          err.printf(
              "verify: dropped a log record cut short by a crash (%d bytes, kept beside the log)%n",
              v.recoveredBytes());
        }
        logSize = v.logSize();
      } catch (CorruptLogException e) {
        // reported below by the read-only check
      }
      List<ExternalRecord> claims = new ArrayList<>();
      Set<Long> mirrored = new HashSet<>();
      List<VaultRecords.ItemRow> items = records.items();
      for (VaultRecords.ItemRow r : items) {
        if (r.logIndex() == null) {
          faults.add(
              new Fault("evidence_item " + r.id(), "no acquisition entry in the custody log"));
        } else {
          Map<String, String> c = new TreeMap<>(r.claims());
          claims.add(new ExternalRecord("evidence_item " + r.id(), r.logIndex(), null, c));
        }
      }
      List<VaultRecords.EventRow> events = records.events();
      for (VaultRecords.EventRow r : events) {
        if (r.logIndex() == null) {
          faults.add(new Fault("custody_event " + r.id(), "has no custody log index"));
          continue;
        }
        mirrored.add(r.logIndex());
        claims.add(
            new ExternalRecord("custody_event " + r.id(), r.logIndex(), r.leafHash(), r.claims()));
      }
      faults.addAll(
          Vault.verify(
              main.dataDir(), claims, (done, total, what) -> progressLine(err, done, total, what)));
      for (long i = 0; i < logSize; i++) {
        if (!mirrored.contains(i)) {
          faults.add(new Fault("log entry " + i, "has no custody_event row in the database"));
        }
      }
      if (faults.isEmpty()) {
        out.printf(
            "ok: %d items, %d custody log entries, every blob re-hashed, every checkpoint and"
                + " database row checked%n",
            items.size(), Math.max(logSize, 0));
        out.flush();
        return 0;
      }
      for (Fault f : faults) {
        out.println("FAULT " + f);
      }
      out.printf("%d fault%s found%n", faults.size(), faults.size() == 1 ? "" : "s");
      out.flush();
      return 1;
    }
  }

  private long lastProgress;

  private void progressLine(PrintWriter err, long done, long total, String what) {
    long now = System.nanoTime();
    if (total >= 1000 && now - lastProgress > 1_000_000_000L) {
      lastProgress = now;
      err.printf("verify: %s %,d of %,d%n", what, done, total);
      err.flush();
    }
  }
}
