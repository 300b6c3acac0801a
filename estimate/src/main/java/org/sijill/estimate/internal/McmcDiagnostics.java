package org.sijill.estimate.internal;

/**
 * Quantiles and the split R-hat of MCMC output; effective sample size is {@link
 * EffectiveSampleSize}.
 */
public final class McmcDiagnostics {
  private McmcDiagnostics() {}

  /** R's default (type 7) quantile of sorted values. */
  public static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Split R-hat (Gelman et al., BDA3): each chain cut in halves; the ratio of pooled to
   * within-chain variance, near 1 when chains agree. Computed on log N, whose posterior is less
   * skewed.
   */
  public static double splitRhat(long[][] draws) {
    int half = draws[0].length / 2;
    int m = draws.length * 2;
    double[] means = new double[m];
    double[] vars = new double[m];
    for (int c = 0; c < draws.length; c++) {
      for (int h = 0; h < 2; h++) {
        double s = 0;
        for (int i = 0; i < half; i++) {
          s += Math.log(draws[c][h * half + i]);
        }
        double mean = s / half;
        double v = 0;
        for (int i = 0; i < half; i++) {
          double d = Math.log(draws[c][h * half + i]) - mean;
          v += d * d;
        }
        means[2 * c + h] = mean;
        vars[2 * c + h] = v / (half - 1);
      }
    }
    double grand = 0;
    for (double x : means) {
      grand += x;
    }
    grand /= m;
    double b = 0;
    for (double x : means) {
      b += (x - grand) * (x - grand);
    }
    b = b * half / (m - 1);
    double w = 0;
    for (double v : vars) {
      w += v;
    }
    w /= m;
    if (w == 0) {
      return 1;
    }
    double varPlus = (half - 1.0) / half * w + b / half;
    return Math.sqrt(varPlus / w);
  }
}
