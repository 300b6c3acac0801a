package org.sijill.media;

/** PDQ's box filter along every row (contiguous memory; the reference order per row). */
final class RowBox {
  private RowBox() {}

  static void apply(float[] in, float[] out, int rows, int cols, int window) {
    for (int i = 0; i < rows; i++) {
      BoxFilter.apply(in, i * cols, out, i * cols, cols, 1, window);
    }
  }
}
