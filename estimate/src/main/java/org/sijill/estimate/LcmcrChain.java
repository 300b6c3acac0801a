package org.sijill.estimate;

/**
 * One Markov chain of the Bayesian non-parametric latent-class capture-recapture model of
 * Manrique-Vallier (2016): a truncated stick-breaking prior over K classes with concentration alpha
 * ~ Gamma(a, b), list capture probabilities lambda[j][k] ~ Beta(1, 1), prior on N proportional to
 * 1/N.
 *
 * <p>The sampler works on the distinct capture patterns, not on individuals: within a pattern all
 * people are exchangeable, so the class allocations of a pattern are one multinomial draw and a
 * sweep costs O(patterns x K x lists) whatever the number of people. The unobserved people are
 * imputed each sweep: n0 ~ NegBin(n, 1 - P(unobserved)) (the 1/N prior makes this exact), then
 * allocated to classes with one multinomial draw.
 */
final class LcmcrChain {
  private final int t;
  private final int k;
  private final int[] patterns;
  private final long[] freq;
  private final long n;
  private final double aAlpha;
  private final double bAlpha;
  private final Sampling rng;

  private final double[][] lambda; // [k][j]
  private final double[] nu;
  private final double[] logNu;
  private final long[][] countMk;
  private final long[] count0k;
  private final double[] weights;
  private final long[] draw;
  private final long[] onList; // [k*t + j] people in class k on list j
  private final long[] inClass;
  private long n0;
  private double alpha;

  LcmcrChain(CaptureTable table, int k, double aAlpha, double bAlpha, long seed) {
    this.t = table.listCount();
    this.k = k;
    this.aAlpha = aAlpha;
    this.bAlpha = bAlpha;
    this.rng = new Sampling(seed);
    int cells = 0;
    for (int p = 1; p < 1 << t; p++) {
      if (table.count(p) > 0) {
        cells++;
      }
    }
    patterns = new int[cells];
    freq = new long[cells];
    int c = 0;
    for (int p = 1; p < 1 << t; p++) {
      if (table.count(p) > 0) {
        patterns[c] = p;
        freq[c++] = table.count(p);
      }
    }
    n = table.documented();
    lambda = new double[k][t];
    nu = new double[k];
    logNu = new double[k];
    countMk = new long[cells][k];
    count0k = new long[k];
    weights = new double[k];
    draw = new long[k];
    onList = new long[k * t];
    inClass = new long[k];
    for (int j = 0; j < t; j++) {
      double p = (double) table.onList(j) / n;
      for (int kk = 0; kk < k; kk++) {
        lambda[kk][j] = p;
      }
    }
    for (int kk = 0; kk < k; kk++) {
      nu[kk] = 1.0 / k;
      logNu[kk] = -Math.log(k);
    }
    alpha = 1;
    // warm-up without updating alpha, as the reference implementation does
    for (int i = 0; i < 500; i++) {
      sweep(false);
    }
  }

  /** One full Gibbs sweep; returns the current N = n + n0. */
  long sweep() {
    sweep(true);
    return n + n0;
  }

  private void sweep(boolean updateAlpha) {
    allocateObserved();
    sampleLambda();
    sampleNu();
    double probZero = 0;
    for (int kk = 0; kk < k; kk++) {
      double pr = nu[kk];
      double[] lk = lambda[kk];
      for (int j = 0; j < t; j++) {
        pr *= 1 - lk[j];
      }
      weights[kk] = pr;
      probZero += pr;
    }
    n0 = rng.negativeBinomial(n, 1 - Math.min(probZero, 1 - 1e-300));
    rng.multinomial(n0, weights, count0k);
    if (updateAlpha) {
      alpha = rng.gamma(aAlpha + k - 1) / (bAlpha - logNu[k - 1]);
    }
  }

  private void allocateObserved() {
    for (int m = 0; m < patterns.length; m++) {
      int p = patterns[m];
      for (int kk = 0; kk < k; kk++) {
        double pr = nu[kk];
        double[] lk = lambda[kk];
        for (int j = 0; j < t; j++) {
          pr *= ((p >> j) & 1) == 1 ? lk[j] : 1 - lk[j];
        }
        weights[kk] = pr;
      }
      long[] row = countMk[m];
      if (freq[m] == 1) {
        java.util.Arrays.fill(row, 0);
        row[rng.categorical(weights)] = 1;
      } else {
        rng.multinomial(freq[m], weights, row);
      }
    }
  }

  private void sampleLambda() {
    java.util.Arrays.fill(onList, 0);
    System.arraycopy(count0k, 0, inClass, 0, k);
    for (int m = 0; m < patterns.length; m++) {
      int p = patterns[m];
      long[] row = countMk[m];
      for (int kk = 0; kk < k; kk++) {
        long c = row[kk];
        if (c == 0) {
          continue;
        }
        inClass[kk] += c;
        int base = kk * t;
        for (int j = 0; j < t; j++) {
          if (((p >> j) & 1) == 1) {
            onList[base + j] += c;
          }
        }
      }
    }
    for (int kk = 0; kk < k; kk++) {
      int base = kk * t;
      for (int j = 0; j < t; j++) {
        long yes = onList[base + j];
        lambda[kk][j] = rng.beta(1 + yes, 1 + inClass[kk] - yes);
      }
    }
  }

  private void sampleNu() {
    long total = n + n0;
    long acc = 0;
    double logRest = 0;
    for (int kk = 0; kk < k - 1; kk++) {
      acc += inClass[kk];
      double g1 = rng.logGamma(1 + inClass[kk]);
      double g2 = rng.logGamma(alpha + (total - acc));
      double ls = Math.max(g1, g2) + Math.log1p(Math.exp(-Math.abs(g1 - g2)));
      logNu[kk] = g1 - ls + logRest;
      logRest += g2 - ls;
      nu[kk] = Math.exp(logNu[kk]);
    }
    logNu[k - 1] = logRest;
    nu[k - 1] = Math.exp(logRest);
  }
}
