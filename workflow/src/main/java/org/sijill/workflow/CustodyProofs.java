package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;

/**
 * The proof behind one line of an item's custody timeline: the RFC 9162 audit path from that log
 * entry to the root of the latest signed checkpoint, so a reader can check for themselves that the
 * entry is in the log the checkpoint commits to (and so cannot have been changed or removed since).
 *
 * <p>The vault is opened for the proof and closed again, taking turns with uploads and viewings of
 * this process ({@link EvidenceVault}). Nothing is logged (a proof reveals no content) and nothing
 * is written: when no stored checkpoint covers the entry yet, the smallest log that holds it is
 * signed for this answer only ({@link org.sijill.vault.Vault#proofWithoutWriting}).
 */
public final class CustodyProofs {
  private final Path dataDir;
  private final CaseFile caseFile;

  public CustodyProofs(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /**
   * The proof of log entry {@code logIndex}, when that entry is about item {@code evidenceId}.
   *
   * @param withEntry false for an asker who may not see the item: the entry's bytes (its details)
   *     are left out, the leaf hash and path stay
   * @return empty when there is no such item, or the entry is not one of its own
   * @throws EvidenceException when the vault cannot be opened or read
   */
  public Optional<Custody.Proof> proof(long evidenceId, long logIndex, boolean withEntry) {
    Optional<EvidenceItem> item = caseFile.evidence().find(evidenceId);
    if (item.isEmpty() || logIndex < 0) {
      return Optional.empty();
    }
    String sha256 = item.get().sha256();
    try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
      if (logIndex >= vault.vault().logSize()
          || !vault.vault().event(logIndex).sha256().equals(sha256)) {
        return Optional.empty();
      }
      return Optional.of(Custody.proofAt(vault.vault(), sha256, logIndex, withEntry, false));
    } catch (IOException e) {
      throw new EvidenceException(
          "evidence item " + evidenceId + ": cannot build the proof of log entry " + logIndex, e);
    }
  }
}
