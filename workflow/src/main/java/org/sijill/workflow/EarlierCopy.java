package org.sijill.workflow;

import java.time.Instant;
import org.sijill.media.Comparison;

/**
 * An item seen before that matches a file: from the vault (with its evidence row) or from files
 * indexed outside the vault.
 *
 * @param key the item's content key (its SHA-256 for vault items)
 * @param evidenceId its evidence_item id, or null when it is not in the vault
 * @param acquiredAt when it was acquired (else when it was indexed): the order "first seen" is
 *     judged by
 * @param source where it came from ("" when unknown)
 * @param name the file name it arrived under
 * @param comparison how it matches: verdict, closest distance, shares and ranges
 * @param thisVeryFile whether it is the same bytes as the file asked about
 */
public record EarlierCopy(
    String key,
    Long evidenceId,
    Instant acquiredAt,
    String source,
    String name,
    Comparison comparison,
    boolean thisVeryFile) {

  /** Whether it is the same picture or footage, or a modified copy or excerpt of it. */
  public boolean related() {
    return comparison.verdict() != org.sijill.media.Verdict.DIFFERENT;
  }
}
