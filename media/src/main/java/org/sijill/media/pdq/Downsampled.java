package org.sijill.media.pdq;

/** The 64x64 stage of PDQ: quality metric and the 64-to-16 DCT, shared by both pipelines. */
final class Downsampled {
  private Downsampled() {}

  /**
   * PDQ's heuristic quality: the sum of quantised neighbour differences (percent of full scale,
   * truncated), divided by 90 and capped at 100. Flat images score low.
   */
  static int quality(float[] a) {
    int sum = 0;
    for (int i = 0; i < 63; i++) {
      for (int j = 0; j < 64; j++) {
        int d = (int) (((a[i * 64 + j] - a[(i + 1) * 64 + j]) * 100) / 255);
        sum += Math.abs(d);
      }
    }
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 63; j++) {
        int d = (int) (((a[i * 64 + j] - a[i * 64 + j + 1]) * 100) / 255);
        sum += Math.abs(d);
      }
    }
    return Math.min(100, sum / 90);
  }

  /** B = D A D^T for the 16x64 matrix D, accumulating in float in index order. */
  static float[] dct(float[] d, float[] a) {
    float[] t = new float[16 * 64];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        float s = 0f;
        for (int k = 0; k < 64; k++) {
          s += d[i * 64 + k] * a[k * 64 + j];
        }
        t[i * 64 + j] = s;
      }
    }
    float[] b = new float[256];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float s = 0f;
        for (int k = 0; k < 64; k++) {
          s += t[i * 64 + k] * d[j * 64 + k];
        }
        b[i * 16 + j] = s;
      }
    }
    return b;
  }
}
