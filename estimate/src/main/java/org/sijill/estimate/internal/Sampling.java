package org.sijill.estimate.internal;

import java.util.SplittableRandom;

/**
 * Random variates for the Gibbs samplers, written for speed: a sweep of LCMCR on a few dozen
 * capture patterns draws a few hundred variates, so each must cost tens of nanoseconds. Gamma by
 * Marsaglia and Tsang (2000); binomial by inversion for small means and Hörmann's BTRS (transformed
 * rejection with squeeze, 1993) otherwise; Poisson by inversion or Hörmann's PTRS. Each instance
 * owns its generator; instances are not shared between threads.
 */
public final class Sampling {
  private static final double[] STIRLING_TAIL = {
    0.08106146679532726,
    0.04134069595540929,
    0.02767792568499834,
    0.02079067210376509,
    0.01664469118982119,
    0.01387612882307075,
    0.01189670994589177,
    0.01041126526197209,
    0.009255462182712733,
    0.008330563433362871
  };

  /** log(i!) for i below its length: the binomial's rejection test reads it instead of 8 logs. */
  private static final double[] LOG_FACTORIAL = new double[1 << 16];

  /** 1 / i, for the inversion's recurrence. */
  private static final double[] RECIPROCAL = new double[64];

  static {
    for (int i = 1; i < LOG_FACTORIAL.length; i++) {
      LOG_FACTORIAL[i] = Lgamma.of(i + 1.0);
    }
    for (int i = 1; i < RECIPROCAL.length; i++) {
      RECIPROCAL[i] = 1.0 / i;
    }
  }

  private final SplittableRandom random;

  public Sampling(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public double uniform() {
    return random.nextDouble();
  }

  /** Positive uniform in (0, 1). */
  public double uniformPositive() {
    double u;
    do {
      u = random.nextDouble();
    } while (u == 0);
    return u;
  }

  double normal() {
    return random.nextGaussian();
  }

  /** Gamma(shape, rate 1). */
  public double gamma(double shape) {
    if (shape < 1) {
      return gamma(shape + 1) * Math.pow(uniformPositive(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = uniformPositive();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** log of a Gamma(shape, 1) variate, exact even when the variate underflows (shape << 1). */
  public double logGamma(double shape) {
    if (shape < 1) {
      return Math.log(gamma(shape + 1)) + Math.log(uniformPositive()) / shape;
    }
    return Math.log(gamma(shape));
  }

  public double beta(double a, double b) {
    double x = gamma(a);
    double y = gamma(b);
    return x / (x + y);
  }

  /** Binomial(n, p). */
  long binomial(long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      double q = 1 - p;
      return n - (n * q < 10 ? binomialInversion(n, q) : binomialBtrs(n, q));
    }
    if (n * p < 10) {
      return binomialInversion(n, p);
    }
    return binomialBtrs(n, p);
  }

  private long binomialInversion(long n, double p) {
    double u = uniform();
    // P(0) = (1 - p)^n >= 1 - np: below that bound the answer is 0 without the exp and log (the
    // same answer the search below gives for this u)
    if (u <= 1 - n * p) {
      return 0;
    }
    double q = 1 - p;
    double s = p / q;
    double a = (n + 1) * s;
    // log(q), an intrinsic, not log1p(-p) (StrictMath's, several times slower): q = 1 - p is
    // exact to half an ulp, so n log(q) is off by about n ulps, far below what could move a draw
    double r = Math.exp(n * Math.log(q));
    long x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) {
        return binomialInversion(n, p); // rounding ran off the end: redraw
      }
      r *= (x < RECIPROCAL.length ? a * RECIPROCAL[(int) x] : a / x) - s;
    }
    return x;
  }

  private long binomialBtrs(long n, double p) {
    double spq = Math.sqrt(n * p * (1 - p));
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double inverseB = 1 / b;
    double vr = 0.92 - 4.2 * inverseB;
    double alpha = (2.83 + 5.1 * inverseB) * spq;
    double m = Math.floor((n + 1) * p);
    while (true) {
      double u = uniform() - 0.5;
      double v = uniform();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + c);
      if (k < 0 || k > n) {
        continue;
      }
      if (us >= 0.07 && v <= vr) {
        return (long) k;
      }
      v = Math.log(v * alpha / (a / (us * us) + b));
      double r = p / (1 - p);
      if (n < LOG_FACTORIAL.length) {
        // log(f(k) / f(m)) from log-factorials read from the table: the same bound as below
        int ni = (int) n;
        int mi = (int) m;
        int ki = (int) k;
        double exact =
            LOG_FACTORIAL[mi]
                + LOG_FACTORIAL[ni - mi]
                - LOG_FACTORIAL[ki]
                - LOG_FACTORIAL[ni - ki]
                + (k - m) * Math.log(r);
        if (v <= exact) {
          return (long) k;
        }
        continue;
      }
      double bound =
          (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1)))
              + (n + 1) * Math.log((n - m + 1) / (n - k + 1))
              + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1))
              + stirlingTail(m)
              + stirlingTail(n - m)
              - stirlingTail(k)
              - stirlingTail(n - k);
      if (v <= bound) {
        return (long) k;
      }
    }
  }

  /** log(k!) minus its Stirling approximation. */
  private static double stirlingTail(double k) {
    if (k < STIRLING_TAIL.length) {
      return STIRLING_TAIL[(int) k];
    }
    double kp1sq = (k + 1) * (k + 1);
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
  }

  /** Poisson(mean). */
  long poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 10) {
      double l = Math.exp(-mean);
      long k = 0;
      double prod = uniform();
      while (prod > l) {
        k++;
        prod *= uniform();
      }
      return k;
    }
    double slam = Math.sqrt(mean);
    double loglam = Math.log(mean);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = uniform() - 0.5;
      double v = uniform();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (long) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
          <= -mean + k * loglam - Lgamma.of(k + 1)) {
        return (long) k;
      }
    }
  }

  /**
   * Negative binomial: failures before {@code successes} successes with success probability {@code
   * p}, as a gamma-Poisson mixture.
   */
  public long negativeBinomial(long successes, double p) {
    if (p >= 1) {
      return 0;
    }
    double g = gamma(successes) * (1 - p) / p;
    return poisson(g);
  }

  /**
   * Multinomial(n, weights) into {@code out}; weights need not sum to 1. Conditional binomials in
   * class order (the order the reference implementation uses and our validation ran with).
   */
  public void multinomial(long n, double[] weights, long[] out) {
    multinomial(n, weights, 0, weights.length, out);
  }

  /** Multinomial(n, weights[from .. from + k - 1]) into {@code out[0 .. k - 1]}. */
  public void multinomial(long n, double[] weights, int from, int k, long[] out) {
    double total = 0;
    for (int c = from; c < from + k; c++) {
      total += weights[c];
    }
    long left = n;
    for (int c = 0; c < k; c++) {
      if (left == 0 || total <= 0) {
        out[c] = 0;
        continue;
      }
      if (c == k - 1) {
        out[c] = left;
        break;
      }
      double w = weights[from + c];
      double p = w / total;
      long x = p >= 1 ? left : binomial(left, p);
      out[c] = x;
      left -= x;
      total -= w;
    }
  }

  /** One categorical draw from unnormalised weights. */
  public int categorical(double[] weights) {
    return categorical(weights, 0, weights.length);
  }

  /** One categorical draw from weights[from .. from + k - 1]; returns 0 .. k - 1. */
  public int categorical(double[] weights, int from, int k) {
    double total = 0;
    for (int c = from; c < from + k; c++) {
      total += weights[c];
    }
    double u = uniform() * total;
    for (int c = 0; c < k - 1; c++) {
      u -= weights[from + c];
      if (u < 0) {
        return c;
      }
    }
    return k - 1;
  }
}
