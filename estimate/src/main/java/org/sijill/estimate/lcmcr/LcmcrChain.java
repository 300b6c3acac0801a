package org.sijill.estimate.lcmcr;

import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.internal.Lgamma;
import org.sijill.estimate.internal.Sampling;

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
public final class LcmcrChain {
  /** n0 is kept at most this many times the documented count (LCMCR's truncation of N's prior). */
  public static final long MAX_UNOBSERVED_PER_DOCUMENTED = 20;

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
  private final long[][] countMk;
  private final long[] count0k;
  private final long[] draw;
  private final long[] onList; // [k*t + j] people in class k on list j
  private final long[] inClass;
  private final double[] factor; // [(kk * t + j) * 2 + on list j]: 1 - lambda, lambda
  // nu[kk] * P(pattern | class kk) for every class, k values per row: row 0 is the unobserved
  // pattern, row[m] the row of cell m. Built once per sweep from the new lambda and nu (the
  // unobserved people's allocation and the next sweep's allocation of the documented share it).
  private final double[] patternWeight;
  private final int[] row;
  private final boolean allPatterns; // rows are all 2^t patterns, built by prefix products
  private long n0;
  private double alpha;
  private double logLastNu; // log of the last class's weight, for alpha's full conditional

  public LcmcrChain(CaptureTable table, int k, double aAlpha, double bAlpha, long seed) {
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
    countMk = new long[cells][k];
    count0k = new long[k];
    draw = new long[k];
    onList = new long[k * t];
    inClass = new long[k];
    factor = new double[2 * k * t];
    // All 2^t patterns by prefix products cost 2^(t+1) - 2 multiplications a class, the documented
    // cells alone t per cell: take whichever is fewer. Either way each weight is the product
    // nu * f(list 0) * ... * f(list t - 1) in list order, so both give the same numbers.
    allPatterns = (2L << t) <= (long) (cells + 1) * t;
    row = new int[cells];
    for (int m = 0; m < cells; m++) {
      row[m] = allPatterns ? patterns[m] : m + 1;
    }
    patternWeight = new double[(allPatterns ? 1 << t : cells + 1) * k];
    for (int j = 0; j < t; j++) {
      double p = (double) table.onList(j) / n;
      for (int kk = 0; kk < k; kk++) {
        lambda[kk][j] = p;
      }
    }
    // Start as the reference implementation (LCMCR 0.4.14, NPLCM_CR_Basic_Freq::Initializes)
    // does: class weights from one draw of the stick-breaking prior with Beta(1, 1) sticks, then
    // 500 warm-up sweeps with alpha held at 0.3 / K, which pushes the people into a few classes
    // before alpha is sampled. On dense tables the start does not matter; on sparse ones (the
    // 5-list Netherlands table) the posterior of N has separated modes and a start that spreads
    // people over all K classes (nu = 1/K, alpha = 1) settles in a different one.
    double logRest = 0;
    for (int kk = 0; kk < k - 1; kk++) {
      double g1 = rng.logGamma(1);
      double g2 = rng.logGamma(1);
      double ls = Math.max(g1, g2) + Math.log1p(Math.exp(-Math.abs(g1 - g2)));
      nu[kk] = Math.exp(g1 - ls + logRest);
      logRest += g2 - ls;
    }
    nu[k - 1] = Math.exp(logRest);
    alpha = 0.3 / k;
    patternWeights();
    for (int i = 0; i < 500; i++) {
      sweep(false);
    }
    largestClassesFirst();
    patternWeights();
  }

  /**
   * Renumbers the classes by decreasing weight, once, after the warm-up (as the reference
   * implementation does). The stick-breaking prior is not exchangeable: the last class gets what
   * the others leave, so a start with a large class late in the order is a different start.
   */
  private void largestClassesFirst() {
    Integer[] order = new Integer[k];
    for (int kk = 0; kk < k; kk++) {
      order[kk] = kk;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(nu[b], nu[a]));
    double[][] lambdaOld = lambda.clone();
    double[] nuOld = nu.clone();
    long[] count0Old = count0k.clone();
    for (int kk = 0; kk < k; kk++) {
      int from = order[kk];
      lambda[kk] = lambdaOld[from];
      nu[kk] = nuOld[from];
      count0k[kk] = count0Old[from];
    }
    for (long[] row : countMk) {
      long[] old = row.clone();
      for (int kk = 0; kk < k; kk++) {
        row[kk] = old[order[kk]];
      }
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
    patternWeights();
    double probZero = 0;
    for (int kk = 0; kk < k; kk++) {
      probZero += patternWeight[kk];
    }
    n0 = sampleN0(probZero);
    rng.multinomial(n0, patternWeight, 0, k, count0k);
    if (updateAlpha) {
      alpha = rng.gamma(aAlpha + k - 1) / (bAlpha - logLastNu);
    }
  }

  /** Fills {@link #patternWeight} from the current lambda and nu. */
  private void patternWeights() {
    for (int kk = 0; kk < k; kk++) {
      double[] lk = lambda[kk];
      for (int j = 0; j < t; j++) {
        factor[2 * (kk * t + j)] = 1 - lk[j];
        factor[2 * (kk * t + j) + 1] = lk[j];
      }
    }
    double[] w = patternWeight;
    if (allPatterns) {
      // after step j, w[q * k + kk] (q < 2^(j+1)) is nu * f(list 0) * ... * f(list j) for the
      // lists of prefix q; q runs down so each prefix is read before it is overwritten
      for (int kk = 0; kk < k; kk++) {
        w[kk] = nu[kk];
        int base = 2 * kk * t;
        for (int j = 0; j < t; j++) {
          double off = factor[base + 2 * j];
          double on = factor[base + 2 * j + 1];
          int high = 1 << j;
          for (int q = high - 1; q >= 0; q--) {
            double pr = w[q * k + kk];
            w[(q | high) * k + kk] = pr * on;
            w[q * k + kk] = pr * off;
          }
        }
      }
      return;
    }
    for (int kk = 0; kk < k; kk++) {
      double pr = nu[kk];
      int base = 2 * kk * t;
      for (int j = 0; j < t; j++) {
        pr *= factor[base + 2 * j];
      }
      w[kk] = pr;
    }
    for (int m = 0; m < patterns.length; m++) {
      int p = patterns[m];
      int at = row[m] * k;
      for (int kk = 0; kk < k; kk++) {
        double pr = nu[kk];
        int base = 2 * kk * t;
        for (int j = 0; j < t; j++) {
          pr *= factor[base + 2 * j + ((p >> j) & 1)]; // no branch on the pattern's bits
        }
        w[at + kk] = pr;
      }
    }
  }

  /**
   * n0 from its full conditional NegBin(n, 1 - P(unobserved)) truncated to n0 <= 20 n, as the
   * reference implementation does by rejection: the prior on N is 1/N on n..21n, not on
   * n..infinity. The truncation matters on sparse tables, where a class with capture probabilities
   * near zero can otherwise carry N far beyond anything the lists support. When rejection would be
   * slow (the untruncated mean lies far beyond the limit), n0 is drawn by inversion on 0..20n
   * instead.
   */
  private long sampleN0(double probZero) {
    double p = 1 - Math.min(probZero, 1 - 1e-300);
    long limit = MAX_UNOBSERVED_PER_DOCUMENTED * n;
    for (int attempt = 0; attempt < 32; attempt++) {
      long draw = rng.negativeBinomial(n, p);
      if (draw <= limit) {
        return draw;
      }
    }
    return truncatedNegativeBinomial(p, limit);
  }

  private long truncatedNegativeBinomial(double p, long limit) {
    // log P(n0 = x) = lgamma(n + x) - lgamma(x + 1) - lgamma(n) + n log p + x log(1 - p)
    double log1mP = Math.log1p(-p);
    double[] logPmf = new double[(int) limit + 1];
    double max = Double.NEGATIVE_INFINITY;
    for (int x = 0; x <= limit; x++) {
      logPmf[x] = Lgamma.of(n + x) - Lgamma.of(x + 1.0) + x * log1mP;
      max = Math.max(max, logPmf[x]);
    }
    double total = 0;
    for (int x = 0; x <= limit; x++) {
      logPmf[x] = Math.exp(logPmf[x] - max);
      total += logPmf[x];
    }
    double u = rng.uniform() * total;
    for (int x = 0; x <= limit; x++) {
      u -= logPmf[x];
      if (u <= 0) {
        return x;
      }
    }
    return limit;
  }

  private void allocateObserved() {
    for (int m = 0; m < patterns.length; m++) {
      long[] counts = countMk[m];
      if (freq[m] == 1) {
        java.util.Arrays.fill(counts, 0);
        counts[rng.categorical(patternWeight, row[m] * k, k)] = 1;
      } else {
        rng.multinomial(freq[m], patternWeight, row[m] * k, k, counts);
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
      double[] lk = lambda[kk];
      if (inClass[kk] == 0) {
        // an empty class's capture probabilities are Beta(1, 1), that is uniform: one uniform
        // variate each instead of two gamma variates (most of K's classes are empty or nearly so)
        for (int j = 0; j < t; j++) {
          lk[j] = rng.uniformPositive();
        }
        continue;
      }
      int base = kk * t;
      for (int j = 0; j < t; j++) {
        long yes = onList[base + j];
        lk[j] = rng.beta(1 + yes, 1 + inClass[kk] - yes);
      }
    }
  }

  /**
   * Stick-breaking weights from their full conditional: stick kk is Beta(1 + people in class kk,
   * alpha + people in later classes), drawn as the ratio of two gamma variates. While the second
   * shape is at least 1 neither variate can underflow, so the weights are formed directly from the
   * ratios; once no one is left in later classes the shape is alpha, which may be far below 1, and
   * the rest continues on the log scale (as LCMCR's own sampler does throughout).
   */
  private void sampleNu() {
    long total = n + n0;
    long acc = 0;
    double rest = 1;
    int kk = 0;
    for (; kk < k - 1; kk++) {
      acc += inClass[kk];
      double later = alpha + (total - acc);
      if (later < 1 || rest < 1e-200) {
        break;
      }
      double g1 = rng.gamma(1 + inClass[kk]);
      double g2 = rng.gamma(later);
      double sum = g1 + g2;
      nu[kk] = rest * (g1 / sum);
      rest *= g2 / sum;
    }
    double logRest = Math.log(rest);
    if (kk < k - 1) {
      acc -= inClass[kk];
    }
    for (; kk < k - 1; kk++) {
      acc += inClass[kk];
      double g1 = rng.logGamma(1 + inClass[kk]);
      double g2 = rng.logGamma(alpha + (total - acc));
      double ls = Math.max(g1, g2) + Math.log1p(Math.exp(-Math.abs(g1 - g2)));
      nu[kk] = Math.exp(g1 - ls + logRest);
      logRest += g2 - ls;
    }
    logLastNu = logRest;
    nu[k - 1] = Math.exp(logRest);
  }
}
