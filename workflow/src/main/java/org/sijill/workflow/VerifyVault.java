package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.evidence.VaultRecords;
import org.sijill.vault.ExternalRecord;
import org.sijill.vault.Fault;
import org.sijill.vault.Vault;
import org.sijill.vault.log.CorruptLogException;

/**
 * Checks the whole evidence trail ({@code sijill vault verify}): re-hashes every blob, reports blob
 * files that no log entry names, checks every log entry and checkpoint, and every database row of
 * the mirror against the log entry it claims. Before checking, it finishes what a crash interrupted
 * (log entries not yet mirrored), unless the log is damaged; nothing else is repaired.
 */
public final class VerifyVault {
  private final Path dataDir;
  private final CaseFile caseFile;
  private final ProgressListener progress;

  public VerifyVault(Path dataDir, CaseFile caseFile, ProgressListener progress) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
    this.progress = progress;
  }

  /**
   * @param notes what was finished before checking, in words (may be empty)
   * @param faults one line per fault, each naming what is wrong ("blob 3f2a…: content changed")
   * @param items evidence items in the case file
   * @param logEntries entries in the custody log (0 when it could not be read)
   */
  public record Report(List<String> notes, List<String> faults, int items, long logEntries) {
    public Report {
      notes = List.copyOf(notes);
      faults = List.copyOf(faults);
    }

    public boolean sound() {
      return faults.isEmpty();
    }
  }

  public Report verify() {
    VaultRecords records = caseFile.vaultRecords();
    List<String> notes = new ArrayList<>();
    List<Fault> faults = new ArrayList<>();
    long logSize = -1;
    try {
      try (EvidenceVault.Lease turn = EvidenceVault.hold(dataDir);
          Vault v = Vault.open(dataDir)) {
        int caughtUp = EvidenceVault.mirror(v, records);
        if (caughtUp > 0) {
          notes.add(
              String.format(
                  "mirrored %d log entr%s that an interrupted command had not yet written to the"
                      + " database",
                  caughtUp, caughtUp == 1 ? "y" : "ies"));
        }
        if (v.recoveredBytes() > 0) {
          notes.add(
              "dropped a log record cut short by a crash ("
                  + v.recoveredBytes()
                  + " bytes, kept beside the log)");
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
      for (VaultRecords.EventRow r : records.events()) {
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
              dataDir, claims, (done, total, what) -> progress.progress(what, done, total)));
      for (long i = 0; i < logSize; i++) {
        if (!mirrored.contains(i)) {
          faults.add(new Fault("log entry " + i, "has no custody_event row in the database"));
        }
      }
      return new Report(
          notes, faults.stream().map(Fault::toString).toList(), items.size(), Math.max(logSize, 0));
    } catch (IOException e) {
      throw new EvidenceException(dataDir + ": cannot check the vault: " + e.getMessage(), e);
    }
  }
}
