package org.sijill.media;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Detects abrupt picture changes (hard cuts) cheaply, on every decoded frame.
 *
 * <p>Why not hash every frame: converting and hashing costs far more than decoding. Instead this
 * reads a 8x8 grid of 4x4-pixel averages straight from the decoder's 8-bit luma plane (no
 * conversion, 1,024 bytes per frame) and calls a cut when the mean absolute change of that grid
 * exceeds {@value #THRESHOLD} grey levels. Frames in other pixel formats get no cut detection and
 * are sampled once a second only.
 */
final class SceneCuts {
  static final double THRESHOLD = 30.0;
  private static final int GRID = 8;
  private double[] previous;
  private final double[] current = new double[GRID * GRID];

  /** Whether this frame starts a new shot compared with the previous frame seen. */
  boolean isCut(AVFrame frame) {
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
    boolean cut = false;
    if (previous != null) {
      double diff = 0;
      for (int i = 0; i < current.length; i++) {
        diff += Math.abs(current[i] - previous[i]);
      }
      cut = diff / current.length > THRESHOLD;
    } else {
      previous = new double[current.length];
    }
    System.arraycopy(current, 0, previous, 0, current.length);
    return cut;
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
