package org.sijill.media;

import java.nio.file.Path;
import java.util.List;

/**
 * The fingerprint of a video: one PDQ hash per sampled frame (one a second, plus scene cuts),
 * frames of quality below 50 left out as vPDQ does.
 *
 * @param durationSeconds time of the last decoded frame
 * @param droppedLowQuality sampled frames left out for quality below 50 (dark, flat, blank)
 */
public record VideoFingerprint(
    Path file,
    double durationSeconds,
    int width,
    int height,
    String codec,
    List<FrameHash> frames,
    int droppedLowQuality)
    implements Fingerprint {
  public VideoFingerprint {
    frames = List.copyOf(frames);
  }
}
