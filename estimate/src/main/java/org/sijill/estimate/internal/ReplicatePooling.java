package org.sijill.estimate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.sijill.estimate.Estimate;

/**
 * How one method's estimates over the linkage replicates become one estimate: Bayesian posteriors
 * are pooled in equal numbers of draws ({@link #mixture}), log-linear estimates are combined by
 * Rubin's rules on log N ({@link #rubin}). Each replicate is given as its estimate for the method
 * ({@code null} when the replicate has none) and, for the Bayesian methods, its posterior draws.
 */
public final class ReplicatePooling {
  static final String MIXTURE = "posterior 2.5% and 97.5% quantiles of the pooled draws of ";
  static final String RUBIN = "Rubin's rules on log N (95%, Student's t) over ";
  private static final double Z975 = 1.959963984540054;

  private ReplicatePooling() {}

  /**
   * Pools equal numbers of posterior draws from every replicate; {@code null} when a replicate has
   * no draws.
   *
   * @param plain the method's estimate on the run's own clustering
   * @param reps each replicate's estimate for the method, {@code null} where it has none
   * @param draws each replicate's posterior draws, in the order of {@code reps}
   */
  public static Estimate mixture(Estimate plain, List<Estimate> reps, List<double[]> draws) {
    int len = Integer.MAX_VALUE;
    double rhatMax = Double.NaN;
    for (int r = 0; r < reps.size(); r++) {
      double[] d = draws.get(r);
      if (d == null || d.length == 0) {
        return null;
      }
      len = Math.min(len, d.length);
      Estimate e = reps.get(r);
      if (e != null && e.details() != null && e.details().get("rhat") instanceof Number h) {
        rhatMax = Double.isNaN(rhatMax) ? h.doubleValue() : Math.max(rhatMax, h.doubleValue());
      }
    }
    double[] pool = new double[len * reps.size()];
    int at = 0;
    for (double[] d : draws) {
      // Every k-th draw, so that each chain of a replicate keeps its share.
      double step = (double) d.length / len;
      for (int i = 0; i < len; i++) {
        pool[at++] = d[(int) (i * step)];
      }
    }
    Arrays.sort(pool);
    double total = McmcDiagnostics.quantile(pool, 0.5);
    double lower = McmcDiagnostics.quantile(pool, 0.025);
    double upper = McmcDiagnostics.quantile(pool, 0.975);
    Map<String, Object> d =
        ReplicateDetails.of(plain, lower, upper, ReplicateDetails.width(reps), reps.size());
    d.put("draws", pool.length);
    List<String> w = ReplicateDetails.warnings(reps, "chains disagree");
    if (!Double.isNaN(rhatMax)) {
      d.put("rhat", Rounding.round(rhatMax));
      if (rhatMax > 1.1) {
        w.add(
            String.format(
                Locale.ROOT,
                "chains disagree in a linkage replicate (highest R-hat %.2f > 1.1)",
                rhatMax));
      }
    }
    return new Estimate(
        plain.method(),
        plain.model(),
        total,
        lower,
        upper,
        null,
        null,
        MIXTURE + reps.size() + " linkage replicates",
        plain.selection(),
        d,
        w);
  }

  /**
   * Rubin's rules on log N, each side's within variance from that side's half-width; {@code null}
   * when a replicate has no estimate with positive bounds.
   *
   * @param plain the method's estimate on the run's own clustering
   * @param reps each replicate's estimate for the method, {@code null} where it has none
   */
  public static Estimate rubin(Estimate plain, List<Estimate> reps) {
    int m = reps.size();
    double[] q = new double[m];
    double wLo = 0;
    double wHi = 0;
    List<String> models = new ArrayList<>();
    for (int r = 0; r < m; r++) {
      Estimate e = reps.get(r);
      if (e == null || e.lower() == null || e.upper() == null || e.lower() <= 0) {
        return null;
      }
      q[r] = Math.log(e.total());
      wLo += Math.pow((q[r] - Math.log(e.lower())) / Z975, 2) / m;
      wHi += Math.pow((Math.log(e.upper()) - q[r]) / Z975, 2) / m;
      if (!models.contains(e.model())) {
        models.add(e.model());
      }
    }
    double qbar = Arrays.stream(q).average().orElseThrow();
    double b = 0;
    for (double x : q) {
      b += (x - qbar) * (x - qbar) / (m - 1);
    }
    double extra = (1 + 1.0 / m) * b;
    double w = (wLo + wHi) / 2;
    double df = extra <= 0 ? Double.POSITIVE_INFINITY : (m - 1) * Math.pow(1 + w / extra, 2);
    double t =
        Double.isInfinite(df) || df > 1e6
            ? Z975
            : new TDistribution(df).inverseCumulativeProbability(0.975);
    double total = Math.exp(qbar);
    double lower = Math.exp(qbar - t * Math.sqrt(wLo + extra));
    double upper = Math.exp(qbar + t * Math.sqrt(wHi + extra));
    Map<String, Object> d =
        ReplicateDetails.of(plain, lower, upper, ReplicateDetails.width(reps), m);
    d.put("betweenVarianceShare", Rounding.round(extra / (w + extra)));
    if (Double.isFinite(df)) {
      d.put("df", Rounding.round(df));
    }
    d.put("models", models);
    return new Estimate(
        plain.method(),
        models.size() == 1 ? models.get(0) : plain.model() + " (in the run; others in replicates)",
        total,
        lower,
        upper,
        null,
        null,
        RUBIN + m + " linkage replicates",
        plain.selection(),
        d,
        ReplicateDetails.warnings(reps, null));
  }
}
