package org.sijill.workflow;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.vault.EventType;
import org.sijill.workflow.VerificationException.Kind;

/**
 * The custody-log side of a verification step ({@link VerifyEvidence}): each step's database write
 * runs with the log append it must make before it commits, in one opening of the vault, waiting
 * while another request of the process holds the vault.
 */
final class VerificationLog {
  private final Path dataDir;
  private final CaseFile caseFile;

  VerificationLog(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /** The database write of a step, given the custody log append to run before it commits. */
  interface Write {
    void run(EvidenceVault vault, Runnable log);
  }

  /**
   * Opens the vault, runs {@code write} with the log append it must run before committing, and
   * mirrors the new log entry into the case file. If the log cannot be written, the database write
   * rolls back; the log is forced to disk before the commit.
   */
  void write(EvidenceItem item, String actor, Map<String, String> details, Write write) {
    try (EvidenceVault vault = openVault()) {
      write.run(
          vault,
          () -> {
            try {
              vault.vault().record(EventType.ASSESSED, item.sha256(), actor, details);
            } catch (IOException e) {
              throw new EvidenceException(
                  "evidence item "
                      + item.id()
                      + ": the custody log could not be written, so nothing was recorded: "
                      + e.getMessage(),
                  e);
            }
          });
      vault.mirror();
    } catch (org.sijill.casefile.seal.KeyringException e) {
      // The record's free text is sealed at rest: a locked case cannot record one.
      throw new VerificationException(Kind.CONFLICT, e.getMessage());
    } catch (IOException e) {
      throw new EvidenceException(
          "evidence item "
              + item.id()
              + ": recorded, but the custody log is not yet mirrored into the case file ("
              + e.getMessage()
              + "); it will be at the next opening of the vault",
          e);
    }
  }

  /**
   * The vault, waiting while another request of this server holds it (a viewer's download, an
   * upload): one process holds its lock at a time, and a second lock from the same process is
   * refused at once rather than queued.
   */
  private EvidenceVault openVault() {
    if (dataDir == null) {
      throw new EvidenceException(
          "this case has no vault here, so no verification step can be logged", null);
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        return EvidenceVault.open(dataDir, caseFile);
      } catch (OverlappingFileLockException e) {
        if (System.nanoTime() > deadline) {
          throw new EvidenceException("the vault is busy; try again in a moment", null);
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new EvidenceException("interrupted while waiting for the vault", ie);
        }
      }
    }
  }
}
