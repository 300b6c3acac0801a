package org.sijill.estimate.internal;

import org.apache.commons.math3.special.Gamma;

/** Log-gamma with a shortcut for small integers, where it is called most. */
public final class Lgamma {
  private static final double[] SMALL = new double[256];

  static {
    for (int i = 1; i < SMALL.length; i++) {
      SMALL[i] = Gamma.logGamma(i);
    }
  }

  private Lgamma() {}

  public static double of(double x) {
    if (x < SMALL.length && x >= 1 && x == Math.rint(x)) {
      return SMALL[(int) x];
    }
    return Gamma.logGamma(x);
  }
}
