package org.sijill.media;

import java.util.List;

/**
 * The result of comparing two fingerprints, with its method: frames match when some rotation or
 * mirror image of one is within 31 bits of the other (PDQ's threshold); for videos, as vPDQ, {@code
 * aShare} is the share of the first's frames matched in the second and {@code bShare} the reverse,
 * regardless of order.
 *
 * @param bestDistance the smallest distance between any two frames (256 when none compared)
 * @param ranges for videos, the stretches found in both, in the first's time order
 * @param notes what a reader must know (unreliable hashes, nothing to compare)
 */
public record Comparison(
    Verdict verdict,
    int bestDistance,
    double aShare,
    double bShare,
    List<MatchRange> ranges,
    List<String> notes) {

  /** Images this close are the same picture (PDQ's tolerance between two decoders). */
  public static final int SAME_IMAGE_DISTANCE = 10;

  /** Share of frames, each way, above which videos are the same (vPDQ's usual rule). */
  public static final double SAME_VIDEO_SHARE = 0.8;

  public Comparison {
    ranges = List.copyOf(ranges);
    notes = List.copyOf(notes);
  }

  /**
   * The larger of the two shares, 0–1 (for two images: 1 when they match, else 0; see {@link
   * #bestDistance()} for how close they are).
   */
  public double similarity() {
    return Math.max(aShare, bShare);
  }
}
