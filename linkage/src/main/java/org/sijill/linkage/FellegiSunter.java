package org.sijill.linkage;

import java.util.Arrays;
import java.util.Map;

/**
 * The Fellegi–Sunter model over multi-level comparison vectors: for each field and level, m =
 * P(level | same person) and u = P(level | different people), plus λ = P(same person) among
 * candidate pairs. Fields are assumed conditionally independent given the match status; a missing
 * field contributes nothing.
 *
 * <p>{@link #fit} estimates m, u and λ by EM on the distinct comparison vectors of the candidate
 * pairs (Jaro 1989; as in fastLink), starting u from random record pairs (as Splink does) and m
 * from a prior that favours agreement. No labels are needed. {@link #fitLabelled} takes m from
 * pairs a person marked as the same and keeps EM only for λ and u.
 */
final class FellegiSunter {
  final int fields;
  final int[] levels;
  final double[][] m;
  final double[][] u;

  /** u measured on random pairs: the baseline for term-frequency adjustment. */
  final double[][] uRandom;

  double lambda = 0.1;

  /** Upper bound on λ; see {@link #fit}. */
  double maxLambda = 1.0;

  /**
   * Per field and level, an upper bound on m (null = none). For names: true matches whose names
   * disagree, or look like relatives', are rare, and without a bound EM takes households (same
   * mother, place and date, different given names) for the match class.
   */
  double[][] maxM;

  int iterations;
  boolean converged;

  FellegiSunter(int[] levels, double[][] uRandom) {
    this.fields = levels.length;
    this.levels = levels.clone();
    this.uRandom = uRandom;
    m = new double[fields][];
    u = new double[fields][];
    for (int f = 0; f < fields; f++) {
      int l = levels[f];
      m[f] = new double[l];
      double s = 0;
      for (int k = 0; k < l; k++) {
        m[f][k] = Math.pow(4, k);
        s += m[f][k];
      }
      for (int k = 0; k < l; k++) {
        m[f][k] /= s;
      }
      u[f] = uRandom[f].clone();
    }
  }

  /** log(m/u) summed over the present fields of a vector. */
  double logBayesFactor(long pattern) {
    double s = 0;
    for (int f = 0; f < fields; f++) {
      int l = Patterns.level(pattern, f);
      if (l >= 0) {
        s += Math.log(m[f][l] / u[f][l]);
      }
    }
    return s;
  }

  private double logU(long pattern) {
    double s = 0;
    for (int f = 0; f < fields; f++) {
      int l = Patterns.level(pattern, f);
      if (l >= 0) {
        s += Math.log(u[f][l]);
      }
    }
    return s;
  }

  double priorLogit() {
    return Math.log(lambda / (1 - lambda));
  }

  /** EM over distinct vectors; {@code updateM} false keeps m fixed (labelled training). */
  void fit(Map<Long, double[]> counts, int maxIterations, boolean updateM, boolean updateU) {
    long[] pats = new long[counts.size()];
    double[] cnt = new double[counts.size()];
    int i = 0;
    double total = 0;
    for (Map.Entry<Long, double[]> e : counts.entrySet()) {
      pats[i] = e.getKey();
      cnt[i] = e.getValue()[0];
      total += cnt[i];
      i++;
    }
    if (total == 0) {
      converged = true;
      return;
    }
    double previousLogLikelihood = Double.NEGATIVE_INFINITY;
    for (iterations = 1; iterations <= maxIterations; iterations++) {
      double logLikelihood = 0;
      double[][] mNum = new double[fields][];
      double[][] uNum = new double[fields][];
      for (int f = 0; f < fields; f++) {
        mNum[f] = new double[levels[f]];
        uNum[f] = new double[levels[f]];
      }
      double sumG = 0;
      for (int p = 0; p < pats.length; p++) {
        double logit = priorLogit() + logBayesFactor(pats[p]);
        double g = 1 / (1 + Math.exp(-logit));
        // log P(vector) = log((1-λ) u-product) + log(1 + e^logit)
        logLikelihood +=
            cnt[p]
                * (Math.log1p(-lambda)
                    + logU(pats[p])
                    + (logit > 30 ? logit : Math.log1p(Math.exp(logit))));
        sumG += cnt[p] * g;
        for (int f = 0; f < fields; f++) {
          int l = Patterns.level(pats[p], f);
          if (l >= 0) {
            mNum[f][l] += cnt[p] * g;
            uNum[f][l] += cnt[p] * (1 - g);
          }
        }
      }
      double newLambda = Math.min(maxLambda, clampProb(sumG / total));
      double change = Math.abs(newLambda - lambda) / lambda;
      lambda = newLambda;
      for (int f = 0; f < fields; f++) {
        if (updateM) {
          double[] before = m[f].clone();
          normaliseInto(mNum[f], m[f]);
          if (maxM != null && maxM[f] != null) {
            capInto(m[f], maxM[f]);
          }
          for (int k = 0; k < before.length; k++) {
            change = Math.max(change, Math.abs(m[f][k] - before[k]));
          }
        }
        if (updateU) {
          change = Math.max(change, normaliseInto(uNum[f], u[f]));
        }
      }
      // Parameters settled, or the likelihood (of the parameters this step started from) no
      // longer rises by a relative 1e-10: EM then creeps along a flat ridge (λ trading against a
      // rare level's m) for thousands of steps without changing any decision.
      boolean flat =
          logLikelihood - previousLogLikelihood < 1e-10 * Math.abs(logLikelihood)
              && iterations > 10;
      previousLogLikelihood = logLikelihood;
      if (change < 1e-6 || flat) {
        converged = true;
        break;
      }
    }
  }

  /** m from labelled same-person vectors (with add-half smoothing), then EM for λ and u. */
  void fitLabelled(Iterable<Long> matchPatterns, Map<Long, double[]> counts, int maxIterations) {
    for (int f = 0; f < fields; f++) {
      double[] num = new double[levels[f]];
      Arrays.fill(num, 0.5);
      for (long p : matchPatterns) {
        int l = Patterns.level(p, f);
        if (l >= 0) {
          num[l] += 1;
        }
      }
      normaliseInto(num, m[f]);
    }
    fit(counts, maxIterations, false, true);
  }

  /** Lowers the capped levels to their bound and gives the excess to the others in proportion. */
  static void capInto(double[] m, double[] cap) {
    double excess = 0;
    double free = 0;
    for (int k = 0; k < m.length; k++) {
      if (m[k] > cap[k]) {
        excess += m[k] - cap[k];
        m[k] = cap[k];
      } else if (cap[k] >= 1) {
        free += m[k];
      }
    }
    if (excess == 0 || free == 0) {
      return;
    }
    for (int k = 0; k < m.length; k++) {
      if (cap[k] >= 1) {
        m[k] += excess * m[k] / free;
      }
    }
  }

  private static double normaliseInto(double[] num, double[] target) {
    double s = 0;
    for (double v : num) {
      s += v;
    }
    double change = 0;
    if (s <= 0) {
      return 0;
    }
    for (int k = 0; k < num.length; k++) {
      double v = Math.max(1e-6, num[k] / s);
      change = Math.max(change, Math.abs(v - target[k]));
      target[k] = v;
    }
    return change;
  }

  private static double clampProb(double p) {
    return Math.min(1 - 1e-9, Math.max(1e-9, p));
  }
}
