package org.sijill.media.pdq;

/** Luma plane to PDQ spectrum: blur, decimate to 64x64, quality, DCT to 16x16. */
interface LumaPipeline {

  /**
   * Runs PDQ on a row-major luma plane of {@code rows x cols}. The plane may be overwritten (it is
   * used as a scratch buffer).
   */
  Spectrum run(float[] luma, int rows, int cols);
}
