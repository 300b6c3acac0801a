package org.sijill.media.pdq;

/**
 * The straightforward transcription of the PDQ specification: four full box-filter passes (rows,
 * columns, rows, columns) over the whole image, then sampling. It is the oracle the optimised
 * {@link FastPipeline} is tested against, and the baseline of the benchmarks.
 */
final class ReferencePipeline implements LumaPipeline {
  private final float[] dctMatrix = DctMatrix.create();

  @Override
  public Spectrum run(float[] luma, int rows, int cols) {
    float[] tmp = new float[rows * cols];
    int alongRows = JaroszWindow.size(cols);
    int alongCols = JaroszWindow.size(rows);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < rows; i++) {
        BoxFilter.apply(luma, i * cols, tmp, i * cols, cols, 1, alongRows);
      }
      for (int j = 0; j < cols; j++) {
        BoxFilter.apply(tmp, j, luma, j, rows, cols, alongCols);
      }
    }
    float[] a = new float[64 * 64];
    for (int i = 0; i < 64; i++) {
      int r = JaroszWindow.sample(i, rows);
      for (int j = 0; j < 64; j++) {
        a[i * 64 + j] = luma[r * cols + JaroszWindow.sample(j, cols)];
      }
    }
    return new Spectrum(Downsampled.dct(dctMatrix, a), Downsampled.quality(a));
  }
}
