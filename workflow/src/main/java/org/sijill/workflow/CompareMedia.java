package org.sijill.workflow;

import java.nio.file.Path;
import org.sijill.media.Comparison;
import org.sijill.media.Fingerprint;
import org.sijill.media.MediaException;
import org.sijill.media.MediaFingerprinter;

/**
 * Perceptual fingerprints of loose files ({@code sijill media hash | compare}): nothing is stored.
 * Not thread-safe (one decoder per instance).
 */
public final class CompareMedia {
  private final MediaFingerprinter fingerprinter = new MediaFingerprinter();

  /** Two files' fingerprints and how they compare. */
  public record Compared(Fingerprint a, Fingerprint b, Comparison comparison) {}

  /**
   * @throws EvidenceException naming the file when it is missing, damaged, or not an image or video
   */
  public Fingerprint fingerprint(Path file) {
    try {
      return fingerprinter.fingerprint(file);
    } catch (MediaException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
  }

  public Compared compare(Path a, Path b) {
    Fingerprint fa = fingerprint(a);
    Fingerprint fb = fingerprint(b);
    return new Compared(fa, fb, MediaFingerprinter.compare(fa, fb));
  }
}
