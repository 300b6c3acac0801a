package org.sijill.media.video;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.sijill.media.MediaException;
import org.sijill.media.MediaLimits;

/**
 * Still frames of a video for people to look at: a strip of frames at regular times across the
 * video (the first at 0 s), each one taken from the video by seeking with FFmpeg and saved as a
 * JPEG that an analyst can download and give to a reverse image search.
 *
 * <p>Reads only as much of the file as it needs: the container's header for the times, and from the
 * key frame before a time to that time for a picture.
 */
public final class Keyframes {
  /** Longer side of a keyframe picture, in pixels. */
  public static final int MAX_SIDE = 960;

  private final MediaLimits limits;

  public Keyframes() {
    this(MediaLimits.DEFAULT);
  }

  public Keyframes(MediaLimits limits) {
    this.limits = limits;
  }

  /**
   * Up to {@code count} times, in seconds, spread evenly across the video: 0, d/count, 2d/count, …
   * (a video shorter than {@code count} seconds gets one a second).
   *
   * @throws MediaException naming the file when it is not a video we can read
   */
  public List<Double> times(Path file, int count) {
    double duration;
    try (VideoDecoder dec = VideoDecoder.open(file, limits)) {
      duration = dec.declaredDuration();
    }
    int n = Math.max(1, Math.min(count, (int) Math.floor(duration) + 1));
    double step = n == 1 ? 0 : duration / n;
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Math.round(i * step * 1000) / 1000.0);
    }
    return out;
  }

  /**
   * The frame shown at {@code seconds} as a JPEG, its longer side at most {@link #MAX_SIDE}.
   *
   * @throws MediaException naming the file when it is not a video we can read, or has no frame
   */
  public byte[] jpeg(Path file, double seconds) {
    BufferedImage[] got = {null};
    try (VideoDecoder dec = VideoDecoder.open(file, limits);
        RgbConverter rgb = new RgbConverter(MAX_SIDE)) {
      dec.frameAt(seconds, (frame, t) -> got[0] = rgb.picture(frame));
    }
    if (got[0] == null) {
      throw new MediaException(file, "has no frame that can be decoded");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(got[0], "jpeg", out)) {
        throw new IllegalStateException("this Java has no JPEG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
