package org.sijill.media;

/** How two pictures or videos relate. */
public enum Verdict {
  /**
   * The same picture or footage: images within {@value Comparison#SAME_IMAGE_DISTANCE} bits (the
   * spread PDQ allows between two decoders of one file), videos with at least 80% of the frames of
   * each found in the other.
   */
  SAME,
  /**
   * A modified copy or an excerpt: images within 31 bits, videos where at least 80% of the frames
   * of one are found in the other (a clip cut from a longer video, a still taken from it).
   */
  NEAR_DUPLICATE,
  /** Nothing in common beyond chance. */
  DIFFERENT;

  /** Lower-case words for people: same, near-duplicate, different. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
