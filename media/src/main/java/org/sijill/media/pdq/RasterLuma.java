package org.sijill.media.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Optional;

/**
 * Luma read straight from the pixel array for the common sRGB image types.
 *
 * <p>Why: {@code getRGB(x, y)} goes through the colour model for every pixel and costs more than
 * the whole PDQ blur on a 720p frame. For {@code TYPE_3BYTE_BGR} (what the JPEG reader returns),
 * {@code TYPE_INT_RGB} and {@code TYPE_INT_ARGB} the stored bytes already are the sRGB values
 * {@code getRGB} would return, so reading them directly gives identical luma. Every other type
 * (grey, indexed, custom ICC profiles, premultiplied alpha) falls back to {@link Luma#viaGetRgb},
 * because there {@code getRGB} really converts.
 */
final class RasterLuma {
  private RasterLuma() {}

  static float[] of(BufferedImage img) {
    return direct(img).orElseGet(() -> Luma.viaGetRgb(img));
  }

  private static Optional<float[]> direct(BufferedImage img) {
    Raster raster = img.getRaster();
    if (raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
      return Optional.empty();
    }
    int w = img.getWidth();
    int h = img.getHeight();
    switch (img.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR -> {
        ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int stride = sm.getScanlineStride();
        int px = sm.getPixelStride();
        int[] off = sm.getBandOffsets(); // bands are R, G, B
        float[] luma = new float[w * h];
        for (int y = 0; y < h; y++) {
          int p = y * stride;
          int o = y * w;
          for (int x = 0; x < w; x++, p += px) {
            luma[o + x] =
                Luma.of(data[p + off[0]] & 0xff, data[p + off[1]] & 0xff, data[p + off[2]] & 0xff);
          }
        }
        return Optional.of(luma);
      }
      case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
        SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
        int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
        int stride = sm.getScanlineStride();
        float[] luma = new float[w * h];
        for (int y = 0; y < h; y++) {
          int p = y * stride;
          int o = y * w;
          for (int x = 0; x < w; x++) {
            int rgb = data[p + x];
            luma[o + x] = Luma.of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
          }
        }
        return Optional.of(luma);
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}
