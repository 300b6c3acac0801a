package org.sijill.media.pdq;

/**
 * PDQ with the same float operations as {@link ReferencePipeline}, reordered for speed: rows four
 * at a time by {@link RowBox} (the last row pass only at the 64 sampled columns), columns by {@link
 * ColumnSweepBox}, and the last column pass by {@link SampledColumnBox}. Keeps one scratch buffer
 * between calls, so an instance is not thread-safe.
 */
final class FastPipeline implements LumaPipeline {
  private final float[] dctMatrix = DctMatrix.create();
  private float[] tmp = new float[0];
  private float[] sums = new float[0];

  @Override
  public Spectrum run(float[] luma, int rows, int cols) {
    int size = rows * Math.max(cols, 64);
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
    int[] sampleCols = new int[64];
    int[] compactCols = new int[64];
    for (int k = 0; k < 64; k++) {
      sampleCols[k] = JaroszWindow.sample(k, cols);
      compactCols[k] = k;
    }
    RowBox.sampled(luma, tmp, rows, cols, alongRows, sampleCols);
    float[] a = new float[64 * 64];
    SampledColumnBox.apply(tmp, rows, 64, compactCols, alongCols, a);
    return new Spectrum(Downsampled.dct(dctMatrix, a), Downsampled.quality(a));
  }
}
