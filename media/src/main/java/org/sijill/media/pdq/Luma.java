package org.sijill.media.pdq;

import java.awt.image.BufferedImage;

/**
 * RGB to luma as PDQ specifies it: {@code 0.299 R + 0.587 G + 0.114 B} in float, summed left to
 * right. Pixels are read through {@link BufferedImage#getRGB(int, int)}, which converts any colour
 * model to 8-bit sRGB exactly as the Java reference does.
 */
public final class Luma {
  static final float R = 0.299f;
  static final float G = 0.587f;
  static final float B = 0.114f;

  private Luma() {}

  static float of(int r, int g, int b) {
    return R * r + G * g + B * b;
  }

  static float[] viaGetRgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    float[] luma = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        luma[y * w + x] = of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
      }
    }
    return luma;
  }

  /** Luma of packed RGB24 rows (as FFmpeg's {@code AV_PIX_FMT_RGB24} gives them). */
  public static float[] fromRgb24(byte[] rgb, int w, int h, int lineSize) {
    float[] luma = new float[w * h];
    for (int y = 0; y < h; y++) {
      int p = y * lineSize;
      int o = y * w;
      for (int x = 0; x < w; x++, p += 3) {
        luma[o + x] = of(rgb[p] & 0xff, rgb[p + 1] & 0xff, rgb[p + 2] & 0xff);
      }
    }
    return luma;
  }
}
