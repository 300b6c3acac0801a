package org.sijill.media.pdq;

/**
 * Box-filter window of PDQ's downsampling: two X/Y passes of a box of {@code ceil(n/128)} pixels
 * make a tent about {@code n/64} wide, so each of the 64x64 samples sees its whole block.
 */
final class JaroszWindow {
  private JaroszWindow() {}

  static int size(int dimension) {
    return (dimension + 127) / 128;
  }

  /** Where sample {@code i} of 64 is read from in a dimension of {@code n} (block centres). */
  static int sample(int i, int n) {
    return (int) (((i + 0.5) * n) / 64);
  }
}
