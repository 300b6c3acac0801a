package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * work on an open one. The vault's file lock admits one holder per process, and a second lock from
 * the same process is refused at once; so every opening in this process first takes one shared lock
 * per data directory ({@link #hold}) and waits for it. Two viewers, an upload and an export of one
 * server then take turns instead of failing. A thread that already holds the vault and opens it
 * again is refused (waiting would never end).
 */
public final class EvidenceVault implements AutoCloseable {
  /** How long an opening waits for another one of this process before it gives up. */
  static final Duration PATIENCE = Duration.ofMinutes(15);

  private static final ConcurrentHashMap<Path, Turn> TURNS = new ConcurrentHashMap<>();

  private final Path dataDir;
  private final Vault vault;
  private final CaseFile caseFile;
  private final VaultRecords records;
  private final Lease lease;

  private EvidenceVault(Path dataDir, Vault vault, CaseFile caseFile, Lease lease) {
    this.dataDir = dataDir;
    this.vault = vault;
    this.caseFile = caseFile;
    this.records = caseFile.vaultRecords();
    this.lease = lease;
  }

  /** The turn of one data directory: one holder at a time in this process. */
  private static final class Turn {
    final Semaphore permit = new Semaphore(1, true);
    volatile Thread holder;
  }

  /**
   * This process's turn at the vault of a data directory, held until closed (closing twice is
   * harmless; it may be closed from another thread than the one that took it).
   */
  static final class Lease implements AutoCloseable {
    private final Turn turn;
    private boolean released;

    private Lease(Turn turn) {
      this.turn = turn;
    }

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        turn.holder = null;
        turn.permit.release();
      }
    }
  }

  /**
   * Waits for this process's turn at the vault of {@code dataDir} (every {@link #open} takes it;
   * code that opens the bare {@link Vault} must take it too).
   *
   * @throws EvidenceException when this thread holds the turn already, when another holder keeps it
   *     longer than {@link #PATIENCE}, or when the thread is interrupted while waiting
   */
  static Lease hold(Path dataDir) {
    Turn turn = TURNS.computeIfAbsent(key(dataDir), k -> new Turn());
    if (turn.holder == Thread.currentThread()) {
      throw new EvidenceException(
          dataDir + ": the vault is already open in this thread; close it first", null);
    }
    try {
      if (!turn.permit.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new EvidenceException(dataDir + ": the vault is busy; try again in a moment", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvidenceException(dataDir + ": interrupted while waiting for the vault", e);
    }
    turn.holder = Thread.currentThread();
    return new Lease(turn);
  }

  /** One key per directory, however it is spelt (relative, with "..", through a link). */
  private static Path key(Path dataDir) {
    Path abs = dataDir.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  /**
   * Opens the vault of {@code dataDir} over a case file the caller keeps open (and closes).
   *
   * @throws EvidenceException when the vault cannot be opened
   */
  public static EvidenceVault open(Path dataDir, CaseFile caseFile) {
    Lease lease = hold(dataDir);
    Vault v;
    try {
      v = Vault.open(dataDir);
    } catch (IOException | RuntimeException e) {
      lease.close();
      if (e instanceof IOException io) {
        throw new EvidenceException(dataDir + ": cannot open the vault: " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
    EvidenceVault ev = new EvidenceVault(dataDir, v, caseFile, lease);
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
    } finally {
      lease.close();
    }
  }
}
