package org.sijill.media.pdq;

/**
 * The last column pass of PDQ's blur, computed only where the 64x64 decimation will read it.
 *
 * <p>Why: after the final pass PDQ keeps 64x64 samples of the whole image, so a full last column
 * pass computes about {@code cols/64} times more columns than are ever read. The running sums must
 * still walk every row (each output depends on all earlier additions in float order), but only for
 * the 64 sampled columns; the outputs are kept only at the 64 sampled rows. Same float operations
 * per sampled column as the reference, so the samples are bit-identical.
 */
final class SampledColumnBox {
  private SampledColumnBox() {}

  /** Fills the 64x64 row-major {@code samples} from {@code in} (rows x cols). */
  static void apply(float[] in, int rows, int cols, int window, float[] samples) {
    int[] sc = new int[64];
    for (int k = 0; k < 64; k++) {
      sc[k] = JaroszWindow.sample(k, cols);
    }
    apply(in, rows, cols, sc, window, samples);
  }

  /**
   * The same from a plane whose rows are {@code cols} wide and whose sampled columns are {@code sc}
   * (for a plane already reduced to the 64 sampled columns, {@code sc} is 0..63).
   */
  static void apply(float[] in, int rows, int cols, int[] sc, int window, float[] samples) {
    int[] sr = new int[64];
    for (int k = 0; k < 64; k++) {
      sr[k] = JaroszWindow.sample(k, rows);
    }
    float[] sums = new float[64];
    int half = (window + 2) / 2;
    int p1 = half - 1;
    int p2 = window - half + 1;
    int p3 = rows - window;
    int p4 = half - 1;
    int li = 0;
    int ri = 0;
    int oi = 0;
    int n = 0;
    int next = 0; // next sample row index to fill
    for (int i = 0; i < p1; i++, ri++) {
      int rb = ri * cols;
      for (int k = 0; k < 64; k++) {
        sums[k] += in[rb + sc[k]];
      }
      n++;
    }
    for (int i = 0; i < p2; i++, ri++, oi++) {
      int rb = ri * cols;
      for (int k = 0; k < 64; k++) {
        sums[k] += in[rb + sc[k]];
      }
      n++;
      next = emit(sums, n, oi, sr, next, samples);
    }
    for (int i = 0; i < p3 && next < 64; i++, ri++, li++, oi++) {
      int rb = ri * cols;
      int lb = li * cols;
      for (int k = 0; k < 64; k++) {
        float s = sums[k] + in[rb + sc[k]];
        sums[k] = s - in[lb + sc[k]];
      }
      next = emit(sums, n, oi, sr, next, samples);
    }
    for (int i = 0; i < p4 && next < 64; i++, li++, oi++) {
      int lb = li * cols;
      for (int k = 0; k < 64; k++) {
        sums[k] -= in[lb + sc[k]];
      }
      n--;
      next = emit(sums, n, oi, sr, next, samples);
    }
  }

  private static int emit(float[] sums, int n, int row, int[] sr, int next, float[] samples) {
    while (next < 64 && sr[next] == row) {
      float nf = n;
      for (int k = 0; k < 64; k++) {
        samples[next * 64 + k] = sums[k] / nf;
      }
      next++;
    }
    return next;
  }
}
