package org.sijill.media.pdq;

/**
 * PDQ's box filter down the columns, computed one image row at a time for all columns at once.
 *
 * <p>Why: the straightforward filter walks each column with a stride of a whole row, so every read
 * misses the cache, and the running sum of one column cannot be vectorised. Sweeping rows keeps one
 * running sum per column in a small array, reads memory sequentially, and lets the JIT use SIMD
 * across columns — while each column still sees exactly the same float additions, subtractions and
 * divisions in the same order, so the result is bit-identical.
 */
final class ColumnSweepBox {
  private ColumnSweepBox() {}

  static void apply(float[] in, float[] out, int rows, int cols, int window, float[] sums) {
    java.util.Arrays.fill(sums, 0, cols, 0f);
    int half = (window + 2) / 2;
    int p1 = half - 1;
    int p2 = window - half + 1;
    int p3 = rows - window;
    int p4 = half - 1;
    int li = 0;
    int ri = 0;
    int oi = 0;
    int n = 0;
    for (int i = 0; i < p1; i++, ri++) {
      int rb = ri * cols;
      for (int c = 0; c < cols; c++) {
        sums[c] += in[rb + c];
      }
      n++;
    }
    for (int i = 0; i < p2; i++, ri++, oi++) {
      n++;
      float nf = n;
      int rb = ri * cols;
      int ob = oi * cols;
      for (int c = 0; c < cols; c++) {
        float s = sums[c] + in[rb + c];
        sums[c] = s;
        out[ob + c] = s / nf;
      }
    }
    float nf = n;
    for (int i = 0; i < p3; i++, ri++, li++, oi++) {
      int rb = ri * cols;
      int lb = li * cols;
      int ob = oi * cols;
      for (int c = 0; c < cols; c++) {
        float s = sums[c] + in[rb + c];
        s = s - in[lb + c];
        sums[c] = s;
        out[ob + c] = s / nf;
      }
    }
    for (int i = 0; i < p4; i++, li++, oi++) {
      n--;
      float m = n;
      int lb = li * cols;
      int ob = oi * cols;
      for (int c = 0; c < cols; c++) {
        float s = sums[c] - in[lb + c];
        sums[c] = s;
        out[ob + c] = s / m;
      }
    }
  }
}
