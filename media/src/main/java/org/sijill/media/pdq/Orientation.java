package org.sijill.media.pdq;

/**
 * Applies an EXIF orientation (1–8) to a luma plane, so that the hash is that of the picture as a
 * viewer shows it. Values follow the TIFF/EXIF definition: 2 mirror left-right, 3 rotate 180°, 4
 * mirror top-bottom, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90°
 * counter-clockwise.
 */
public record Orientation(float[] luma, int rows, int cols) {

  static Orientation apply(int orientation, float[] src, int rows, int cols) {
    if (orientation <= 1 || orientation > 8) {
      return new Orientation(src, rows, cols);
    }
    boolean swap = orientation >= 5;
    int outRows = swap ? cols : rows;
    int outCols = swap ? rows : cols;
    float[] out = new float[src.length];
    for (int y = 0; y < outRows; y++) {
      for (int x = 0; x < outCols; x++) {
        int sy;
        int sx;
        switch (orientation) {
          case 2 -> {
            sy = y;
            sx = cols - 1 - x;
          }
          case 3 -> {
            sy = rows - 1 - y;
            sx = cols - 1 - x;
          }
          case 4 -> {
            sy = rows - 1 - y;
            sx = x;
          }
          case 5 -> {
            sy = x;
            sx = y;
          }
          case 6 -> {
            sy = rows - 1 - x;
            sx = y;
          }
          case 7 -> {
            sy = rows - 1 - x;
            sx = cols - 1 - y;
          }
          default -> { // 8
            sy = x;
            sx = cols - 1 - y;
          }
        }
        out[y * outCols + x] = src[sy * cols + sx];
      }
    }
    return new Orientation(out, outRows, outCols);
  }
}
