package org.sijill.media.pdq;

/**
 * PDQ's box filter along every row, four rows at a time.
 *
 * <p>Why: along a row the running sum is one long dependency chain (add, subtract, divide, next
 * element), so a single row runs at the latency of float addition, not its throughput. Four
 * independent rows interleaved keep the floating-point units busy. Each row still sees exactly the
 * reference's operations in the reference's order, so the output is bit-identical. With {@code
 * sampleCols} only those columns are written (the last row pass feeds only the 64 sampled columns
 * of the final column pass), which also skips most divisions.
 */
final class RowBox {
  private RowBox() {}

  /** Every output of every row, into {@code out} (same layout as {@code in}). */
  static void apply(float[] in, float[] out, int rows, int cols, int window) {
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      four(in, out, i * cols, cols, window, null, 0, 0);
    }
    for (; i < rows; i++) {
      BoxFilter.apply(in, i * cols, out, i * cols, cols, 1, window);
    }
  }

  /**
   * Only the outputs at columns {@code sampleCols} (ascending, repeats allowed), into {@code out}
   * as rows of {@code sampleCols.length}.
   */
  static void sampled(float[] in, float[] out, int rows, int cols, int window, int[] sampleCols) {
    int k = sampleCols.length;
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      four(in, out, i * cols, cols, window, sampleCols, i * k, k);
    }
    float[] row = new float[cols];
    for (; i < rows; i++) {
      BoxFilter.apply(in, i * cols, row, 0, cols, 1, window);
      for (int j = 0; j < k; j++) {
        out[i * k + j] = row[sampleCols[j]];
      }
    }
  }

  private static void four(
      float[] in, float[] out, int b0, int cols, int window, int[] sc, int ob0, int k) {
    int b1 = b0 + cols;
    int b2 = b1 + cols;
    int b3 = b2 + cols;
    boolean all = sc == null;
    int o0 = all ? b0 : ob0;
    int o1 = all ? b1 : ob0 + k;
    int o2 = all ? b2 : ob0 + 2 * k;
    int o3 = all ? b3 : ob0 + 3 * k;
    int half = (window + 2) / 2;
    int p1 = half - 1;
    int p2 = window - half + 1;
    int p3 = cols - window;
    int p4 = half - 1;
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int ri = 0;
    int li = 0;
    int oi = 0;
    int n = 0;
    int next = 0;
    for (int i = 0; i < p1; i++, ri++) {
      s0 += in[b0 + ri];
      s1 += in[b1 + ri];
      s2 += in[b2 + ri];
      s3 += in[b3 + ri];
      n++;
    }
    for (int i = 0; i < p2; i++, ri++, oi++) {
      s0 += in[b0 + ri];
      s1 += in[b1 + ri];
      s2 += in[b2 + ri];
      s3 += in[b3 + ri];
      n++;
      if (all) {
        float nf = n;
        out[o0 + oi] = s0 / nf;
        out[o1 + oi] = s1 / nf;
        out[o2 + oi] = s2 / nf;
        out[o3 + oi] = s3 / nf;
      } else {
        next = emit(out, o0, o1, o2, o3, s0, s1, s2, s3, n, oi, sc, next);
      }
    }
    for (int i = 0; i < p3; i++, ri++, li++, oi++) {
      s0 += in[b0 + ri];
      s0 -= in[b0 + li];
      s1 += in[b1 + ri];
      s1 -= in[b1 + li];
      s2 += in[b2 + ri];
      s2 -= in[b2 + li];
      s3 += in[b3 + ri];
      s3 -= in[b3 + li];
      if (all) {
        float nf = n;
        out[o0 + oi] = s0 / nf;
        out[o1 + oi] = s1 / nf;
        out[o2 + oi] = s2 / nf;
        out[o3 + oi] = s3 / nf;
      } else {
        next = emit(out, o0, o1, o2, o3, s0, s1, s2, s3, n, oi, sc, next);
      }
    }
    for (int i = 0; i < p4; i++, li++, oi++) {
      s0 -= in[b0 + li];
      s1 -= in[b1 + li];
      s2 -= in[b2 + li];
      s3 -= in[b3 + li];
      n--;
      if (all) {
        float nf = n;
        out[o0 + oi] = s0 / nf;
        out[o1 + oi] = s1 / nf;
        out[o2 + oi] = s2 / nf;
        out[o3 + oi] = s3 / nf;
      } else {
        next = emit(out, o0, o1, o2, o3, s0, s1, s2, s3, n, oi, sc, next);
      }
    }
  }

  private static int emit(
      float[] out,
      int o0,
      int o1,
      int o2,
      int o3,
      float s0,
      float s1,
      float s2,
      float s3,
      int n,
      int col,
      int[] sc,
      int next) {
    while (next < sc.length && sc[next] == col) {
      float nf = n;
      out[o0 + next] = s0 / nf;
      out[o1 + next] = s1 / nf;
      out[o2 + next] = s2 / nf;
      out[o3 + next] = s3 / nf;
      next++;
    }
    return next;
  }
}
