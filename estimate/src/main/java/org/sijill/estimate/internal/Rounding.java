package org.sijill.estimate.internal;

import java.util.Map;

/**
 * How numbers enter an estimate's details: to four decimals, so RESULT.json stays readable and a
 * re-run compares equal, and only when finite, so no NaN or infinity ever reaches the output.
 */
public final class Rounding {
  private Rounding() {}

  /** {@code x} to four decimals (left as it is beyond 1e12, where rounding would overflow). */
  public static double round(double x) {
    return Math.abs(x) < 1e12 ? Math.round(x * 1e4) / 1e4 : x;
  }

  /** Puts {@code v} rounded under {@code key} when it is finite; leaves the key out otherwise. */
  static void putFinite(Map<String, Object> m, String key, double v) {
    if (Double.isFinite(v)) {
      m.put(key, round(v));
    }
  }
}
