package org.sijill.estimate.internal;

/**
 * Effective sample size of MCMC draws by Geyer's initial positive sequence: autocorrelations are
 * summed in pairs of lags until a pair is no longer positive, since beyond that point the estimates
 * are noise and summing them would make the number wander.
 */
public final class EffectiveSampleSize {
  private EffectiveSampleSize() {}

  /** Summed over chains. */
  public static double of(long[][] draws) {
    double total = 0;
    for (long[] chain : draws) {
      total += of(chain);
    }
    return total;
  }

  /** Of one chain. */
  public static double of(long[] x) {
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
