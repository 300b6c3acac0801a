package org.sijill.media;

import java.util.List;

/**
 * The PDQ fingerprint of one picture: its hash, its quality (0–100) and the hashes of its eight
 * rotations and mirror images ({@link Dihedral} order; index 0 is {@link #hash()}).
 *
 * @param orientation the EXIF orientation (1–8) that was applied before hashing, 1 when none
 */
public record ImageHash(PdqHash hash, int quality, List<PdqHash> dihedral, int orientation) {

  /** Below this quality PDQ's authors advise not to trust a match (flat or featureless images). */
  public static final int MIN_RELIABLE_QUALITY = 50;

  public ImageHash {
    dihedral = List.copyOf(dihedral);
    if (dihedral.size() != 8) {
      throw new IllegalArgumentException("eight dihedral hashes expected");
    }
  }

  /** Whether the quality is high enough for a match to mean something. */
  public boolean reliable() {
    return quality >= MIN_RELIABLE_QUALITY;
  }

  /**
   * The smallest distance between any rotation or mirror image of this picture and {@code other}:
   * how a query is matched regardless of how the stored copy was turned.
   */
  public int distanceAnyVariant(PdqHash other) {
    int best = 256;
    for (PdqHash h : dihedral) {
      best = Math.min(best, h.distance(other));
    }
    return best;
  }
}
