package org.sijill.media.pdq;

/**
 * One-dimensional running-mean box filter exactly as PDQ specifies it: the window grows from half
 * size at the start, slides, and shrinks at the end, and every output is the running float sum
 * divided by the current window size. The order of float additions and subtractions is part of the
 * specification (it decides the last bits), so every faster variant in this package keeps it.
 */
final class BoxFilter {
  private BoxFilter() {}

  /**
   * Filters {@code length} values read from {@code in} at {@code inOff + k*stride} into {@code out}
   * at {@code outOff + k*stride}.
   */
  static void apply(
      float[] in, int inOff, float[] out, int outOff, int length, int stride, int window) {
    int half = (window + 2) / 2;
    int p1 = half - 1;
    int p2 = window - half + 1;
    int p3 = length - window;
    int p4 = half - 1;
    int li = 0;
    int ri = 0;
    int oi = 0;
    float sum = 0f;
    int n = 0;
    for (int i = 0; i < p1; i++) {
      sum += in[inOff + ri];
      n++;
      ri += stride;
    }
    for (int i = 0; i < p2; i++) {
      sum += in[inOff + ri];
      n++;
      out[outOff + oi] = sum / n;
      ri += stride;
      oi += stride;
    }
    for (int i = 0; i < p3; i++) {
      sum += in[inOff + ri];
      sum -= in[inOff + li];
      out[outOff + oi] = sum / n;
      li += stride;
      ri += stride;
      oi += stride;
    }
    for (int i = 0; i < p4; i++) {
      sum -= in[inOff + li];
      n--;
      out[outOff + oi] = sum / n;
      li += stride;
      oi += stride;
    }
  }
}
