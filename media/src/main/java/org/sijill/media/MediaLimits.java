package org.sijill.media;

/**
 * What we agree to decode. A picture or video frame is refused, before any pixel is decoded, when
 * its declared size exceeds {@code maxPixels}: a few hundred bytes of PNG or JPEG can declare
 * 100,000 x 100,000 pixels (a "decompression bomb") and would otherwise exhaust memory.
 */
public record MediaLimits(long maxPixels) {

  /** 50 megapixels: above any phone camera, below what one hash buffer can hold comfortably. */
  public static final MediaLimits DEFAULT = new MediaLimits(50_000_000L);

  public MediaLimits {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive");
    }
  }

  public void check(java.nio.file.Path file, long width, long height) {
    if (width <= 0 || height <= 0) {
      throw new MediaException(file, "declares an empty picture (" + width + "x" + height + ")");
    }
    if (width * height > maxPixels) {
      throw new MediaException(
          file,
          "declares "
              + width
              + "x"
              + height
              + " pixels, more than the limit of "
              + maxPixels
              + "; refusing to decode (possible decompression bomb)");
    }
  }
}
