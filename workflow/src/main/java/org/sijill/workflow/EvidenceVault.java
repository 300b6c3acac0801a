package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.evidence.LogEntryRow;
import org.sijill.casefile.evidence.NearDuplicates;
import org.sijill.casefile.evidence.VaultRecords;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Vault;

/**
 * The vault of a data directory with its case file, kept in step: every custody log entry is
 * mirrored into the database after it is durable in the log. Opening one finishes what a crash
 * interrupted: the vault drops a torn log record, stray temporaries and content it stored but never
 * logged, the embedded database recovers, and log entries not yet mirrored are mirrored now.
 *
 * <p>The evidence use cases ({@link IngestEvidence}, {@link ExportEvidence}, {@link Backfill}, …)
 * work on an open one; one process holds a vault open at a time.
 */
public final class EvidenceVault implements AutoCloseable {
  private final Path dataDir;
  private final Vault vault;
  private final CaseFile caseFile;
  private final VaultRecords records;

  private EvidenceVault(Path dataDir, Vault vault, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.vault = vault;
    this.caseFile = caseFile;
    this.records = caseFile.vaultRecords();
  }

  /**
   * Opens the vault of {@code dataDir} over a case file the caller keeps open (and closes).
   *
   * @throws EvidenceException when the vault cannot be opened
   */
  public static EvidenceVault open(Path dataDir, CaseFile caseFile) {
    Vault v;
    try {
      v = Vault.open(dataDir);
    } catch (IOException e) {
      throw new EvidenceException(dataDir + ": cannot open the vault: " + e.getMessage(), e);
    }
    EvidenceVault ev = new EvidenceVault(dataDir, v, caseFile);
    try {
      ev.mirror();
      return ev;
    } catch (IOException | RuntimeException e) {
      ev.close();
      throw e instanceof IOException io
          ? new EvidenceException(dataDir + ": cannot read the custody log: " + io.getMessage(), io)
          : (RuntimeException) e;
    }
  }

  /** Mirrors every log entry that has no database row yet; returns how many. */
  int mirror() throws IOException {
    return mirror(vault, records);
  }

  /** Mirrors into {@code records} every entry of {@code vault}'s log it does not hold yet. */
  static int mirror(Vault vault, VaultRecords records) throws IOException {
    long from = records.nextLogIndex();
    long to = vault.logSize();
    List<LogEntryRow> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      CustodyEvent e = vault.event(i);
      rows.add(
          new LogEntryRow(
              i,
              vault.leafHashHex(i),
              e.type().wireName(),
              e.sha256(),
              e.actor(),
              e.at(),
              e.details()));
    }
    if (!rows.isEmpty()) {
      records.record(rows, sha -> metadataJson(vault, sha));
    }
    return rows.size();
  }

  private static String metadataJson(Vault vault, String sha256) {
    Path f = vault.metadataFile(sha256);
    try {
      return Files.exists(f) ? Files.readString(f) : null;
    } catch (IOException e) {
      return null;
    }
  }

  Path dataDir() {
    return dataDir;
  }

  /** The media index of this data directory. */
  Path mediaDir() {
    return dataDir.resolve("media");
  }

  Vault vault() {
    return vault;
  }

  CaseFile caseFile() {
    return caseFile;
  }

  VaultRecords records() {
    return records;
  }

  NearDuplicates nearDuplicates() {
    return caseFile.nearDuplicates();
  }

  @Override
  public void close() {
    try {
      vault.close();
    } catch (IOException e) {
      // The log is forced after every append; closing has nothing left to lose.
    }
  }
}
