package org.sijill.media.pdq;

import java.util.List;

/**
 * The PDQ fingerprint of one picture: its hash, its quality (0–100) and the hashes of its eight
 * rotations and mirror images ({@link Dihedral} order; index 0 is {@link #hash()}).
 *
 * @param orientation the EXIF orientation (1–8) that was applied before hashing, 1 when none
 * @param crops hashes of the central 90% and 80% of the picture (see {@link CentreCrops}), or empty
 *     when not computed
 */
public record ImageHash(
    PdqHash hash, int quality, List<PdqHash> dihedral, int orientation, List<PdqHash> crops) {

  /** Below this quality PDQ's authors advise not to trust a match (flat or featureless images). */
  public static final int MIN_RELIABLE_QUALITY = 50;

  /** A hash without centre crops. */
  public ImageHash(PdqHash hash, int quality, List<PdqHash> dihedral, int orientation) {
    this(hash, quality, dihedral, orientation, List.of());
  }

  public ImageHash {
    dihedral = List.copyOf(dihedral);
    crops = List.copyOf(crops);
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

  /**
   * The smallest distance to a stored picture given by its hash and centre-crop hashes: any
   * rotation or mirror image of this picture against the stored hash, or any of this picture's
   * full/crop hashes against any of the stored full/crop hashes. A copy cut down by up to about a
   * fifth, or with a logo near an edge, is then compared with the matching part of the other.
   */
  public int distanceTo(PdqHash other, List<PdqHash> otherCrops) {
    int best = distanceAnyVariant(other);
    for (PdqHash c : crops) {
      best = Math.min(best, c.distance(other));
      for (PdqHash oc : otherCrops) {
        best = Math.min(best, c.distance(oc));
      }
    }
    for (PdqHash oc : otherCrops) {
      best = Math.min(best, hash.distance(oc));
    }
    return best;
  }
}
