package org.sijill.media.pdq;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.sijill.media.MediaException;
import org.sijill.media.MediaLimits;

/**
 * PDQ, Meta's 256-bit perceptual image hash, written from its published description. With
 * javax.imageio decoding it reproduces the Java reference bit for bit.
 *
 * <p>An instance keeps scratch buffers between calls: use one per thread.
 */
public final class PdqHasher {
  private final LumaPipeline pipeline;
  private final boolean fastLuma;
  private final MediaLimits limits;

  /** The optimised hasher (same bits as the reference, several times faster). */
  public PdqHasher() {
    this(new FastPipeline(), true, MediaLimits.DEFAULT);
  }

  /** The optimised hasher with the given decoding limits. */
  public PdqHasher(MediaLimits limits) {
    this(new FastPipeline(), true, limits);
  }

  private PdqHasher(LumaPipeline pipeline, boolean fastLuma, MediaLimits limits) {
    this.pipeline = pipeline;
    this.fastLuma = fastLuma;
    this.limits = limits;
  }

  /**
   * The straightforward transcription of the specification: per-pixel {@code getRGB} and four full
   * blur passes. Kept as the oracle of the tests and the baseline of the benchmarks.
   */
  public static PdqHasher reference() {
    return new PdqHasher(new ReferencePipeline(), false, MediaLimits.DEFAULT);
  }

  /** Hashes decoded pixels as they are stored (no orientation applied). */
  public ImageHash hash(BufferedImage img) {
    float[] luma = fastLuma ? RasterLuma.of(img) : Luma.viaGetRgb(img);
    return hashLuma(luma, img.getHeight(), img.getWidth(), 1);
  }

  /**
   * Decodes and hashes an image file. The EXIF orientation is applied first, so the hash is that of
   * the picture as displayed; matching compares all eight rotations anyway.
   *
   * @throws MediaException naming the file when it cannot be decoded safely
   */
  public ImageHash hashFile(Path file) {
    ImageDecoder.Decoded d = ImageDecoder.read(file, limits);
    BufferedImage img = d.image();
    float[] luma = fastLuma ? RasterLuma.of(img) : Luma.viaGetRgb(img);
    return hashLuma(luma, img.getHeight(), img.getWidth(), d.orientation());
  }

  /**
   * Like {@link #hashFile} and also hashes the central 90% and 80% of the picture ({@link
   * ImageHash#crops()}), for matching cropped and logo-stamped copies.
   */
  public ImageHash fingerprintFile(Path file) {
    ImageDecoder.Decoded d = ImageDecoder.read(file, limits);
    BufferedImage img = d.image();
    float[] luma = fastLuma ? RasterLuma.of(img) : Luma.viaGetRgb(img);
    Orientation o = Orientation.apply(d.orientation(), luma, img.getHeight(), img.getWidth());
    return withCrops(o.luma(), o.rows(), o.cols(), d.orientation());
  }

  /** Hashes a luma plane (overwritten) and its centre crops. */
  public ImageHash withCrops(float[] luma, int rows, int cols, int orientation) {
    Orientation[] crops = CentreCrops.of(luma, rows, cols);
    ImageHash full = pipeline.run(luma, rows, cols).toImageHash(orientation);
    java.util.List<PdqHash> cropHashes = new java.util.ArrayList<>();
    for (Orientation c : crops) {
      cropHashes.add(HashBits.of(pipeline.run(c.luma(), c.rows(), c.cols()).dct()));
    }
    return new ImageHash(
        full.hash(), full.quality(), full.dihedral(), full.orientation(), cropHashes);
  }

  /** Hashes a luma plane (overwritten), after applying an EXIF orientation. */
  ImageHash hashLuma(float[] luma, int rows, int cols, int orientation) {
    Orientation o = Orientation.apply(orientation, luma, rows, cols);
    return pipeline.run(o.luma(), o.rows(), o.cols()).toImageHash(orientation);
  }
}
