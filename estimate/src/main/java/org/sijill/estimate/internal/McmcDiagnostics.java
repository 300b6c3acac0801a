package org.sijill.estimate.internal;

/** Convergence diagnostics and quantiles for MCMC output. */
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

  /** Effective sample size summed over chains, by Geyer's initial positive sequence. */
  public static double ess(long[][] draws) {
    double total = 0;
    for (long[] chain : draws) {
      total += ess(chain);
    }
    return total;
  }

  public static double ess(long[] x) {
    int n = x.length;
    double mean = 0;
    for (long v : x) {
      mean += v;
    }
    mean /= n;
    double var = 0;
    for (long v : x) {
      var += (v - mean) * (v - mean);
    }
    var /= n;
    if (var == 0) {
      return n;
    }
    double sum = 0;
    for (int lag = 0; lag + 1 < n; lag += 2) {
      double pair = autocorrelation(x, mean, var, lag) + autocorrelation(x, mean, var, lag + 1);
      if (pair <= 0) {
        break;
      }
      sum += pair;
    }
    double tau = Math.max(1, 2 * sum - 1);
    return n / tau;
  }

  private static double autocorrelation(long[] x, double mean, double var, int lag) {
    double s = 0;
    for (int i = 0; i + lag < x.length; i++) {
      s += (x[i] - mean) * (x[i + lag] - mean);
    }
    return s / x.length / var;
  }
}
