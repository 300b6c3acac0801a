package org.sijill.media.video;

import org.sijill.media.pdq.Orientation;

/**
 * Finds and trims black bars (letterbox top/bottom, pillarbox left/right) on a luma plane.
 *
 * <p>Why: a re-posted video is often padded to another aspect ratio; the bars shift and squash the
 * picture in PDQ's 64x64 grid and cost tens of bits. A bar is a run of edge rows (or columns) that
 * are uniformly dark: mean luma at most {@value #MAX_MEAN} and no pixel brighter than {@value
 * #MAX_PEAK} (compression noise stays below that). A frame that is dark almost everywhere is left
 * alone, since it has no bars to speak of, only darkness.
 */
final class Letterbox {
  static final float MAX_MEAN = 24f;
  static final float MAX_PEAK = 48f;

  private Letterbox() {}

  /** The plane without its bars (the same plane when there are none). */
  static Orientation trim(float[] luma, int rows, int cols) {
    int top = 0;
    while (top < rows && darkRow(luma, cols, top)) {
      top++;
    }
    int bottom = 0;
    while (bottom < rows - top && darkRow(luma, cols, rows - 1 - bottom)) {
      bottom++;
    }
    int left = 0;
    while (left < cols && darkCol(luma, rows, cols, left, top, rows - bottom)) {
      left++;
    }
    int right = 0;
    while (right < cols - left && darkCol(luma, rows, cols, cols - 1 - right, top, rows - bottom)) {
      right++;
    }
    int h = rows - top - bottom;
    int w = cols - left - right;
    if ((top == 0 && bottom == 0 && left == 0 && right == 0) || h < rows / 5 || w < cols / 5) {
      return new Orientation(luma, rows, cols);
    }
    float[] out = new float[h * w];
    for (int y = 0; y < h; y++) {
      System.arraycopy(luma, (y + top) * cols + left, out, y * w, w);
    }
    return new Orientation(out, h, w);
  }

  private static boolean darkRow(float[] l, int cols, int y) {
    float sum = 0;
    int base = y * cols;
    for (int x = 0; x < cols; x++) {
      float v = l[base + x];
      if (v > MAX_PEAK) {
        return false;
      }
      sum += v;
    }
    return sum / cols <= MAX_MEAN;
  }

  private static boolean darkCol(float[] l, int rows, int cols, int x, int from, int to) {
    float sum = 0;
    for (int y = from; y < to; y++) {
      float v = l[y * cols + x];
      if (v > MAX_PEAK) {
        return false;
      }
      sum += v;
    }
    return to > from && sum / (to - from) <= MAX_MEAN;
  }
}
