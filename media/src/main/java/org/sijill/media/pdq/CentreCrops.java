package org.sijill.media.pdq;

/**
 * The central 90% and 80% (of each side) of a luma plane, hashed next to the whole picture.
 *
 * <p>Why: PDQ is not shift-invariant — cutting 5% off each side moves every block of its 64x64 grid
 * and changes most high-frequency signs (about 80 of 256 bits on our test footage), and a
 * broadcaster's logo near a corner costs about 30. Hashing the centre at two sizes gives the
 * matcher the same part of the picture on both sides: a copy cropped by 10–20% lines up with the
 * original's crop, and a corner logo falls outside the 80% crop of both. Costs about 1.45x the
 * hashing of the full frame.
 */
final class CentreCrops {
  static final double[] KEEP = {0.9, 0.8};

  private CentreCrops() {}

  /** The crops, each as its own plane (the input is not modified). */
  static Orientation[] of(float[] luma, int rows, int cols) {
    Orientation[] out = new Orientation[KEEP.length];
    for (int k = 0; k < KEEP.length; k++) {
      int h = Math.max(1, (int) Math.round(rows * KEEP[k]));
      int w = Math.max(1, (int) Math.round(cols * KEEP[k]));
      int top = (rows - h) / 2;
      int left = (cols - w) / 2;
      float[] c = new float[h * w];
      for (int y = 0; y < h; y++) {
        System.arraycopy(luma, (y + top) * cols + left, c, y * w, w);
      }
      out[k] = new Orientation(c, h, w);
    }
    return out;
  }
}
