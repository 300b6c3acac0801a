package org.sijill.media.pdq;

import java.util.Arrays;

/**
 * Turns 16x16 DCT coefficients into hash bits: bit {@code i*16+j} is set when coefficient (i, j) is
 * strictly greater than the median.
 *
 * <p>The reference takes the median with Torben's algorithm, which for 256 values returns the 128th
 * smallest; sorting a copy and taking index 127 gives exactly the same value, ties included.
 */
final class HashBits {
  private HashBits() {}

  static PdqHash of(float[] dct) {
    float[] sorted = dct.clone();
    Arrays.sort(sorted);
    float median = sorted[127];
    boolean[] bits = new boolean[256];
    for (int k = 0; k < 256; k++) {
      bits[k] = dct[k] > median;
    }
    return PdqHash.fromBits(bits);
  }
}
