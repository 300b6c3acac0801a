package org.sijill.media;

import org.sijill.media.pdq.ImageHash;
import org.sijill.media.pdq.PdqHash;

/**
 * The PDQ fingerprint of one sampled video frame (or of a still image, at 0 seconds).
 *
 * @param seconds presentation time of the frame
 * @param image its hash, quality and dihedral variants, after letterbox bars were trimmed
 * @param sceneCut whether the frame was sampled because the picture changed abruptly
 */
public record FrameHash(double seconds, ImageHash image, boolean sceneCut) {
  public PdqHash hash() {
    return image.hash();
  }

  public int quality() {
    return image.quality();
  }
}
