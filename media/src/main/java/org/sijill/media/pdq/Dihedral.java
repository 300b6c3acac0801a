package org.sijill.media.pdq;

/**
 * The eight rotations and mirror images of a picture, named as in Meta's PDQ reference.
 *
 * <p>Why they come from one DCT: mirroring a picture top-to-bottom multiplies the DCT coefficient
 * of every odd vertical frequency by -1, mirroring left-to-right does the same for horizontal
 * frequencies, and transposing the picture transposes the coefficient matrix. PDQ keeps frequencies
 * 1..16 at matrix indices 0..15, so "odd frequency" is "even index". Each variant is therefore a
 * transpose flag and two sign flags applied to the 16x16 coefficients, and all eight hashes cost
 * one DCT. (A rotated <em>file</em> hashes 0–8 bits away from the variant, because the blur is not
 * exactly rotation-symmetric; that is why queries compare all eight.)
 */
public enum Dihedral {
  ORIGINAL(false, false, false),
  ROTATE_90(true, false, true),
  ROTATE_180(false, true, true),
  ROTATE_270(true, true, false),
  FLIP_X(false, true, false),
  FLIP_Y(false, false, true),
  FLIP_PLUS_1(true, false, false),
  FLIP_MINUS_1(true, true, true);

  private final boolean transpose;
  private final boolean negateEvenRows;
  private final boolean negateEvenCols;

  Dihedral(boolean transpose, boolean negateEvenRows, boolean negateEvenCols) {
    this.transpose = transpose;
    this.negateEvenRows = negateEvenRows;
    this.negateEvenCols = negateEvenCols;
  }

  /** The 16x16 coefficients (row-major) of this variant of the picture with {@code dct}. */
  float[] apply(float[] dct) {
    float[] out = new float[256];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float v = dct[i * 16 + j];
        boolean negate = (negateEvenRows && (i & 1) == 0) ^ (negateEvenCols && (j & 1) == 0);
        out[transpose ? j * 16 + i : i * 16 + j] = negate ? -v : v;
      }
    }
    return out;
  }
}
