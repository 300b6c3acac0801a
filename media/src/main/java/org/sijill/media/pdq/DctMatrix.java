package org.sijill.media.pdq;

/**
 * The 16x64 DCT-II basis PDQ uses: rows are frequencies 1..16 (the DC term is skipped), scaled by
 * sqrt(2/64). The scale factor is rounded to float before the product, then the product is rounded
 * to float, as in Meta's Java reference — the last bit of these constants decides whether the hash
 * is bit-exact.
 */
final class DctMatrix {
  private DctMatrix() {}

  /** A fresh 16x64 row-major matrix. */
  static float[] create() {
    float scale = (float) Math.sqrt(2.0 / 64.0);
    float[] d = new float[16 * 64];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        d[i * 64 + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
      }
    }
    return d;
  }
}
