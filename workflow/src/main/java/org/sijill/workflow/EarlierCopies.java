package org.sijill.workflow;

import java.util.Comparator;
import org.sijill.casefile.evidence.VaultRecords;
import org.sijill.casefile.seal.Sealer;
import org.sijill.media.index.MediaItem;
import org.sijill.media.index.SeenMatch;

/** Turns index matches into {@link EarlierCopy} values, preferring what the case file knows. */
final class EarlierCopies {
  /** Oldest acquisition first; among equals, the one indexed first. */
  static final Comparator<EarlierCopy> OLDEST_FIRST =
      Comparator.comparing(EarlierCopy::acquiredAt).thenComparing(EarlierCopy::key);

  private EarlierCopies() {}

  /**
   * @param known the case file's record of the matched item, or null when it is not in the vault
   * @param self the SHA-256 of the file asked about
   */
  static EarlierCopy copy(SeenMatch m, VaultRecords.Acquired known, String self, Sealer sealer) {
    MediaItem it = m.item();
    return new EarlierCopy(
        it.key(),
        known == null ? null : known.id(),
        known != null ? known.at() : it.firstSeen(),
        sealer.reveal(
            known != null && known.source() != null ? known.source() : it.source(),
            "custody.source"),
        known != null && known.name() != null ? known.name() : it.label(),
        m.comparison(),
        it.key().equals(self));
  }
}
