package org.sijill.media.video;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Watches every decoded frame cheaply for hard cuts and for motion since the last sample.
 *
 * <p>Why not hash every frame: converting and hashing costs far more than decoding. Instead this
 * reads an 8x8 grid of 4x4-pixel averages straight from the decoder's 8-bit luma plane (no
 * conversion, 1,024 bytes per frame). A <em>cut</em> is a mean absolute change of that grid above
 * {@value #CUT} grey levels from the previous frame; <em>motion</em> is a change above {@value
 * #MOTION} since the last sampled frame. Sampling on motion matters for clips: a clip cut at an
 * arbitrary instant has its one-a-second samples up to half a second away from the original's, and
 * in a moving scene half a second is more than 31 bits of PDQ; denser samples where the picture
 * moves keep the two sample sets close. Frames in other pixel formats get neither.
 */
final class SceneCuts {
  static final double CUT = 30.0;
  static final double MOTION = 8.0;
  private static final int GRID = 8;
  private double[] previous;
  private double[] sampled;
  private final double[] current = new double[GRID * GRID];
  private boolean valid;

  /** Reads this frame's grid; false when the frame's format or size gives none. */
  boolean observe(AVFrame frame) {
    if (valid) {
      if (previous == null) {
        previous = new double[current.length];
      }
      System.arraycopy(current, 0, previous, 0, current.length);
    }
    valid = read(frame);
    if (!valid) {
      previous = null;
    }
    return valid;
  }

  /** Whether the frame just observed starts a new shot. */
  boolean isCut() {
    return valid && previous != null && change(previous) > CUT;
  }

  /** Whether the picture has moved enough since the last {@link #sampled()} frame. */
  boolean moved() {
    return valid && sampled != null && change(sampled) > MOTION;
  }

  /** Records the frame just observed as sampled. */
  void sampled() {
    if (valid) {
      if (sampled == null) {
        sampled = new double[current.length];
      }
      System.arraycopy(current, 0, sampled, 0, current.length);
    }
  }

  private double change(double[] ref) {
    double diff = 0;
    for (int i = 0; i < current.length; i++) {
      diff += Math.abs(current[i] - ref[i]);
    }
    return diff / current.length;
  }

  private boolean read(AVFrame frame) {
    if (!hasLumaPlane(frame.format())) {
      return false;
    }
    int w = frame.width();
    int h = frame.height();
    if (w < GRID * 4 || h < GRID * 4) {
      return false;
    }
    int stride = frame.linesize(0);
    ByteBuffer plane = frame.data(0).capacity((long) stride * h).asByteBuffer();
    for (int gy = 0; gy < GRID; gy++) {
      int y0 = (2 * gy + 1) * h / (2 * GRID) - 2;
      for (int gx = 0; gx < GRID; gx++) {
        int x0 = (2 * gx + 1) * w / (2 * GRID) - 2;
        int sum = 0;
        for (int dy = 0; dy < 4; dy++) {
          int row = (y0 + dy) * stride + x0;
          for (int dx = 0; dx < 4; dx++) {
            sum += plane.get(row + dx) & 0xff;
          }
        }
        current[gy * GRID + gx] = sum / 16.0;
      }
    }
    return true;
  }

  private static boolean hasLumaPlane(int format) {
    return format == AV_PIX_FMT_YUV420P
        || format == AV_PIX_FMT_YUVJ420P
        || format == AV_PIX_FMT_YUV422P
        || format == AV_PIX_FMT_YUVJ422P
        || format == AV_PIX_FMT_YUV444P
        || format == AV_PIX_FMT_YUVJ444P
        || format == AV_PIX_FMT_NV12
        || format == AV_PIX_FMT_NV21
        || format == AV_PIX_FMT_GRAY8;
  }
}
