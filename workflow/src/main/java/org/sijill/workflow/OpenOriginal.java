package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.vault.EventType;

/**
 * Hands out the original bytes of an evidence item, and logs that someone looked: a {@code viewed}
 * event in the custody log (who, and whether it was a preview or a download), mirrored into the
 * case file. Opening the original is never silent, so a court can see everyone who saw it.
 *
 * <p>The vault is opened for the log entry and closed again (waiting while another request of this
 * process holds it); the bytes are then read from the vault's content file, which is never changed
 * once written.
 */
public final class OpenOriginal {
  private final Path dataDir;
  private final CaseFile caseFile;

  public OpenOriginal(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /**
   * The original of an item.
   *
   * @param content the vault's file holding its bytes (read only)
   * @param mediaType its media type as detected at acquisition
   * @param name the file name it arrived under
   * @param size its length in bytes
   */
  public record Original(Path content, String mediaType, String name, long size) {}

  /**
   * The original of {@code evidenceId}, after logging that {@code viewer} opened it.
   *
   * @param purpose {@code preview} or {@code download}, recorded with the event
   * @param log false for a further piece of the same viewing (a video player asking for a later
   *     range of bytes): then nothing is logged
   * @return empty when there is no such item, or its bytes are not in this vault
   * @throws EvidenceException when the vault cannot be opened or the event cannot be logged
   */
  public Optional<Original> open(long evidenceId, String viewer, String purpose, boolean log) {
    return openLocked(evidenceId, viewer, purpose, log);
  }

  private Optional<Original> openLocked(
      long evidenceId, String viewer, String purpose, boolean log) {
    Optional<EvidenceItem> found = caseFile.evidence().find(evidenceId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EvidenceItem item = found.get();
    try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
      Path content = vault.vault().contentPath(item.sha256());
      if (!Files.isRegularFile(content)) {
        return Optional.empty();
      }
      if (log) {
        vault.vault().record(EventType.VIEWED, item.sha256(), viewer, Map.of("purpose", purpose));
        vault.mirror();
      }
      return Optional.of(
          new Original(content, item.mediaType(), item.originalName(), Files.size(content)));
    } catch (IOException e) {
      throw new EvidenceException(
          "evidence item " + evidenceId + ": cannot log the viewing: " + e.getMessage(), e);
    }
  }

  /**
   * Logs in the custody log that {@code viewer} looked at an item's record (its page, or its record
   * through the API) without opening the original: a {@code viewed} event with {@code purpose}.
   * Viewings that arrive together are logged together: one opening of the vault and one forced
   * write for the group, each caller returning once its own event is durable ({@link Viewings}).
   *
   * @return false when there is no such item or its bytes are not in this vault (nothing logged)
   * @throws EvidenceException when the vault cannot be opened or the event cannot be logged
   */
  public boolean recordView(long evidenceId, String viewer, String purpose) {
    return recordViewLocked(evidenceId, viewer, purpose);
  }

  private boolean recordViewLocked(long evidenceId, String viewer, String purpose) {
    Optional<EvidenceItem> found = caseFile.evidence().find(evidenceId);
    if (found.isEmpty()) {
      return false;
    }
    // Written with the viewings that arrive meanwhile, in one opening of the vault (Viewings).
    return Viewings.of(dataDir).record(dataDir, caseFile, found.get().sha256(), viewer, purpose);
  }
}
