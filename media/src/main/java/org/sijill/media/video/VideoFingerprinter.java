package org.sijill.media.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sijill.media.FrameHash;
import org.sijill.media.MediaException;
import org.sijill.media.MediaLimits;
import org.sijill.media.VideoFingerprint;
import org.sijill.media.pdq.ImageHash;
import org.sijill.media.pdq.Orientation;
import org.sijill.media.pdq.PdqHasher;

/**
 * Fingerprints a video as vPDQ does — RGB24 frames, area scaling, PDQ per sampled frame, frames of
 * quality below 50 dropped — sampling one frame a second, plus the first frame of every hard cut,
 * plus up to five a second while the picture moves (see {@link SceneCuts}), with letterbox bars
 * trimmed before hashing.
 *
 * <p>Not thread-safe (it reuses a {@link PdqHasher}); use one per thread.
 */
public final class VideoFingerprinter {
  /** Longer side frames are scaled down to before hashing (see {@link RgbConverter}). */
  static final int MAX_SIDE = 1024;

  /** Shortest gap between two samples taken for scene cuts, so a flashing scene is not all. */
  static final double MIN_CUT_GAP = 0.5;

  /** Shortest gap between two samples taken for motion (at most five a second). */
  static final double MIN_MOTION_GAP = 0.2;

  private final MediaLimits limits;
  private final PdqHasher hasher;
  private final boolean trimBars;

  public VideoFingerprinter() {
    this(MediaLimits.DEFAULT);
  }

  public VideoFingerprinter(MediaLimits limits) {
    this(limits, true);
  }

  /** With {@code trimBars} false, frames are hashed whole, exactly as upstream vPDQ does. */
  VideoFingerprinter(MediaLimits limits, boolean trimBars) {
    this.limits = limits;
    this.hasher = new PdqHasher(limits);
    this.trimBars = trimBars;
  }

  /**
   * @throws MediaException naming the file when it is not a decodable video, is empty, truncated,
   *     corrupt, too large or uses an unsupported codec
   */
  public VideoFingerprint fingerprint(Path file) {
    List<FrameHash> kept = new ArrayList<>();
    int[] dropped = {0};
    double[] last = {0};
    try (VideoDecoder dec = VideoDecoder.open(file, limits);
        RgbConverter rgb = new RgbConverter(MAX_SIDE)) {
      SceneCuts cuts = new SceneCuts();
      double[] next = {0};
      double[] lastSample = {Double.NEGATIVE_INFINITY};
      long decoded =
          dec.decode(
              (frame, t) -> {
                last[0] = Math.max(last[0], t);
                cuts.observe(frame);
                double gap = t - lastSample[0];
                boolean cut = cuts.isCut() && gap >= MIN_CUT_GAP;
                boolean moved = cuts.moved() && gap >= MIN_MOTION_GAP;
                if (t + 1e-6 < next[0] && !cut && !moved) {
                  return;
                }
                lastSample[0] = t;
                cuts.sampled();
                if (t + 1e-6 >= next[0]) {
                  next[0] = Math.floor(t + 1e-6) + 1;
                }
                Orientation plane = rgb.luma(frame);
                Orientation trimmed =
                    trimBars ? Letterbox.trim(plane.luma(), plane.rows(), plane.cols()) : plane;
                ImageHash h = hasher.withCrops(trimmed.luma(), trimmed.rows(), trimmed.cols(), 1);
                if (h.reliable()) {
                  kept.add(new FrameHash(round3(t), h, cut));
                } else {
                  dropped[0]++;
                }
              });
      long declaredFrames = dec.declaredFrames();
      if (declaredFrames > 30 && decoded < 0.8 * declaredFrames) {
        throw new MediaException(
            file,
            "is truncated or damaged: the container declares "
                + declaredFrames
                + " frames but only "
                + decoded
                + " could be decoded");
      }
      double declared = dec.declaredDuration();
      if (declared > 3 && last[0] < 0.8 * declared - 1) {
        throw new MediaException(
            file,
            String.format(
                java.util.Locale.ROOT,
                "is truncated or damaged: the container declares %.1f s but frames stop at %.1f s",
                declared,
                last[0]));
      }
      return new VideoFingerprint(
          file, round3(last[0]), dec.width(), dec.height(), dec.codecName(), kept, dropped[0]);
    }
  }

  private static double round3(double t) {
    return Math.round(t * 1000) / 1000.0;
  }
}
