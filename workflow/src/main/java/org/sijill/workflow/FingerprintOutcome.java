package org.sijill.workflow;

/**
 * What fingerprinting made of a stored item.
 *
 * @param fingerprinted whether the item now has a perceptual fingerprint in the media index
 * @param kind {@code image} or {@code video} when fingerprinted, else null
 * @param frames hashes kept (1 for an image; sampled frames for a video)
 * @param reason why not, in words ("not an image or video", "truncated: …"), when not
 */
public record FingerprintOutcome(boolean fingerprinted, String kind, int frames, String reason) {

  static FingerprintOutcome done(String kind, int frames) {
    return new FingerprintOutcome(true, kind, frames, null);
  }

  static FingerprintOutcome notDone(String reason) {
    return new FingerprintOutcome(false, null, 0, reason);
  }

  /** One phrase: "image, 1 frame" or "not fingerprinted: REASON". */
  public String describe() {
    return fingerprinted
        ? kind + ", " + frames + (frames == 1 ? " frame" : " frames")
        : "not fingerprinted: " + reason;
  }
}
