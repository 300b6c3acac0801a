package org.sijill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.evidence.LogEntryRow;
import org.sijill.casefile.evidence.VaultRecords;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.IngestListener;
import org.sijill.vault.Vault;

/**
 * An open vault with its case file, kept in step: every custody log entry is mirrored into the
 * database after it is durable in the log. Opening one finishes what a crash interrupted: the vault
 * drops a torn log record and stray temporaries, the embedded database recovers, and log entries
 * not yet mirrored are mirrored now.
 */
final class VaultSession implements AutoCloseable {
  final Vault vault;
  final CaseFile caseFile;
  final VaultRecords records;
  private final boolean ownsCaseFile;

  private VaultSession(Vault vault, CaseFile caseFile, boolean ownsCaseFile) {
    this.vault = vault;
    this.caseFile = caseFile;
    this.records = new VaultRecords(caseFile.jdbi());
    this.ownsCaseFile = ownsCaseFile;
  }

  static VaultSession open(Main main) {
    CaseFile cf = main.openCaseFile();
    try {
      return open(main, cf, true);
    } catch (RuntimeException e) {
      cf.close();
      throw e;
    }
  }

  /** A session over a case file the caller keeps open (and closes) itself. */
  static VaultSession over(Main main, CaseFile cf) {
    return open(main, cf, false);
  }

  private static VaultSession open(Main main, CaseFile cf, boolean ownsCaseFile) {
    try {
      Vault v = Vault.open(main.dataDir());
      ServiceLoader.load(IngestListener.class).forEach(v::addListener);
      VaultSession s = new VaultSession(v, cf, ownsCaseFile);
      s.mirror();
      return s;
    } catch (IOException e) {
      throw new UserError(main.dataDir() + ": cannot open the vault: " + e.getMessage(), e);
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

  @Override
  public void close() {
    try {
      vault.close();
    } catch (IOException e) {
      // The log is forced after every append; closing has nothing left to lose.
    } finally {
      if (ownsCaseFile) {
        caseFile.close();
      }
    }
  }
}
