package org.sijill.media;

/**
 * PDQ with the same float operations as {@link ReferencePipeline}, reordered for speed: rows are
 * filtered in place-friendly order, columns by {@link ColumnSweepBox}, and the last column pass by
 * {@link SampledColumnBox}. Keeps one scratch buffer between calls, so an instance is not
 * thread-safe.
 */
final class FastPipeline implements LumaPipeline {
  private final float[] dctMatrix = DctMatrix.create();
  private float[] tmp = new float[0];
  private float[] sums = new float[0];

  @Override
  public Spectrum run(float[] luma, int rows, int cols) {
    int size = rows * cols;
    if (tmp.length < size) {
      tmp = new float[size];
    }
    if (sums.length < cols) {
      sums = new float[cols];
    }
    int alongRows = JaroszWindow.size(cols);
    int alongCols = JaroszWindow.size(rows);
    RowBox.apply(luma, tmp, rows, cols, alongRows);
    ColumnSweepBox.apply(tmp, luma, rows, cols, alongCols, sums);
    RowBox.apply(luma, tmp, rows, cols, alongRows);
    float[] a = new float[64 * 64];
    SampledColumnBox.apply(tmp, rows, cols, alongCols, a);
    return new Spectrum(Downsampled.dct(dctMatrix, a), Downsampled.quality(a));
  }
}
