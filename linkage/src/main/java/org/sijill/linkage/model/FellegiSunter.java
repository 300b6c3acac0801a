package org.sijill.linkage.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The Fellegi–Sunter model over multi-level comparison vectors: for each field and level, m =
 * P(level | same person) and u = P(level | different people), plus λ = P(same person) among
 * candidate pairs. Fields are assumed conditionally independent given the match status; a missing
 * field contributes nothing.
 *
 * <p>{@link #fit} estimates m, u and λ by EM on the distinct comparison vectors of the candidate
 * pairs (Jaro 1989; as in fastLink), starting u from random record pairs (as Splink does) and m
 * from a prior that favours agreement. No labels are needed. {@link #fitLabelled} takes m from
 * pairs a person marked as the same and keeps EM only for λ and u. {@link #enableHouseholds} adds a
 * third class, relatives of one household, with its own level probabilities h and prior.
 */
public final class FellegiSunter {
  /**
   * How EM starts and what it may not exceed; {@link #FREE} starts λ at 0.1 and bounds nothing.
   *
   * @param startLambda λ before the first iteration
   * @param maxLambda upper bound on λ (a record has few true duplicates, so λ cannot be large)
   * @param maxM per field and level, an upper bound on m, or null (none; a null row: none for that
   *     field). For names: true matches whose names disagree, or look like relatives', are rare,
   *     and without a bound EM takes households (same mother, place and date, different given
   *     names) for the match class.
   * @param maxLambdaH upper bound on the prior of the relatives class
   * @param onIteration told the number of each EM iteration as it starts (progress of a long fit)
   */
  public record Config(
      double startLambda,
      double maxLambda,
      double[][] maxM,
      double maxLambdaH,
      IntConsumer onIteration) {
    public static final Config FREE = new Config(0.1, 1.0, null, 0.5, it -> {});

    /** This configuration, telling {@code listener} of each iteration. */
    public Config reporting(IntConsumer listener) {
      return new Config(startLambda, maxLambda, maxM, maxLambdaH, listener);
    }
  }

  final int fields;
  final int[] levels;
  final double[][] m;
  final double[][] u;

  /** u measured on random pairs: the baseline for term-frequency adjustment. */
  private final double[][] uRandom;

  private double lambda;
  private final double maxLambda;
  private final double[][] maxM;
  private final IntConsumer onIteration;
  private int iterations;
  private boolean converged;

  /**
   * Level probabilities of a third class, relatives (pairs of one household: siblings, a father and
   * his son), or null when the model has two classes. They share what a household shares (family
   * and father's name, mother, town, day) and differ in given name and age; without a class of
   * their own, EM can only put them with the matches or with the strangers, and the independence of
   * fields makes a shared day and town look like one person.
   */
  private double[][] h;

  /** Prior of the relatives class among the pairs EM sees. */
  private double lambdaH;

  private final double maxLambdaH;

  /**
   * Adds the relatives class with starting level probabilities and prior (held to the configured
   * bound).
   */
  public void enableHouseholds(double[][] start, double prior) {
    h = new double[fields][];
    for (int f = 0; f < fields; f++) {
      h[f] = start[f].clone();
    }
    lambdaH = Math.min(prior, maxLambdaH);
  }

  /** Takes the relatives' level shares from an earlier fit (same fields and levels) as a start. */
  public void useHouseholdShares(double[][] trained) {
    if (h == null) {
      return;
    }
    for (int f = 0; f < trained.length; f++) {
      System.arraycopy(trained[f], 0, h[f], 0, trained[f].length);
    }
  }

  /**
   * Takes m from an earlier fit (same fields and levels): the level shares among true matches carry
   * over between lists of one kind.
   */
  public void useMatchShares(double[][] trained) {
    for (int f = 0; f < trained.length; f++) {
      System.arraycopy(trained[f], 0, m[f], 0, trained[f].length);
    }
  }

  /**
   * Multiplies both priors by {@code seen / all}: EM saw a capped share of the non-candidate pairs,
   * and the priors are rescaled to all pairs afterwards.
   */
  public void rescalePriors(double seen, double all) {
    lambda = lambda * seen / all;
    lambdaH = lambdaH * seen / all;
  }

  public FellegiSunter(int[] levels, double[][] uRandom, Config config) {
    this.fields = levels.length;
    this.levels = levels.clone();
    this.uRandom = uRandom;
    this.lambda = config.startLambda();
    this.maxLambda = config.maxLambda();
    this.maxM = config.maxM();
    this.maxLambdaH = config.maxLambdaH();
    this.onIteration = config.onIteration();
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

  /** m per field and level (shares among true matches); read only. */
  public double[][] m() {
    return m;
  }

  /** u per field and level (shares among non-matches); read only. */
  public double[][] u() {
    return u;
  }

  /** h per field and level (shares among relatives), or null without the relatives class. */
  public double[][] h() {
    return h;
  }

  /** u measured on random pairs, the baseline for term-frequency adjustment; read only. */
  public double[][] uRandom() {
    return uRandom;
  }

  /** λ, the prior of a match among the pairs. */
  public double lambda() {
    return lambda;
  }

  /** The prior of the relatives class. */
  public double lambdaH() {
    return lambdaH;
  }

  /** EM iterations the last fit ran. */
  public int iterations() {
    return iterations;
  }

  /** Whether the last fit converged before its iteration limit. */
  public boolean converged() {
    return converged;
  }

  /** log(m/u) summed over the present fields of a vector. */
  public double logBayesFactor(long pattern) {
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

  /**
   * Log-odds prior of a match against the strangers (against all non-matches without relatives).
   */
  public double priorLogit() {
    return Math.log(lambda / (1 - lambda - (h == null ? 0 : lambdaH)));
  }

  /**
   * Log of P(vector, relatives) / P(vector, strangers) for a vector, or negative infinity without
   * the relatives class. The match log-odds of a pair are then {@code A - log(1 + e^B)} with A the
   * prior plus the log Bayes factor against strangers and B this value.
   */
  public double householdLogRatio(long pattern) {
    if (h == null) {
      return Double.NEGATIVE_INFINITY;
    }
    double s = Math.log(lambdaH / (1 - lambda - lambdaH));
    for (int f = 0; f < fields; f++) {
      int l = Patterns.level(pattern, f);
      if (l >= 0) {
        s += Math.log(h[f][l] / u[f][l]);
      }
    }
    return s;
  }

  /** Softplus, log(1 + e^x), without overflow. */
  public static double softplus(double x) {
    return x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x));
  }

  /** EM over distinct vectors; {@code updateM} false keeps m fixed (labelled training). */
  public void fit(Map<Long, double[]> counts, int maxIterations, boolean updateM, boolean updateU) {
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
      onIteration.accept(iterations);
      double logLikelihood = 0;
      double[][] mNum = new double[fields][];
      double[][] uNum = new double[fields][];
      for (int f = 0; f < fields; f++) {
        mNum[f] = new double[levels[f]];
        uNum[f] = new double[levels[f]];
      }
      double[][] hNum = h == null ? null : new double[fields][];
      if (h != null) {
        for (int f = 0; f < fields; f++) {
          hNum[f] = new double[levels[f]];
        }
      }
      double sumG = 0;
      double sumH = 0;
      for (int p = 0; p < pats.length; p++) {
        // log-odds of match and of relatives, each against strangers
        double a = priorLogit() + logBayesFactor(pats[p]);
        double b = householdLogRatio(pats[p]);
        double norm = h == null ? softplus(a) : LevelShares.logSumExp3(a, b);
        double g = Math.exp(a - norm);
        double gh = h == null ? 0 : Math.exp(b - norm);
        // log P(vector) = log(P(strangers) u-product) + log(1 + e^a + e^b)
        logLikelihood +=
            cnt[p] * (Math.log1p(-lambda - (h == null ? 0 : lambdaH)) + logU(pats[p]) + norm);
        sumG += cnt[p] * g;
        sumH += cnt[p] * gh;
        for (int f = 0; f < fields; f++) {
          int l = Patterns.level(pats[p], f);
          if (l >= 0) {
            mNum[f][l] += cnt[p] * g;
            uNum[f][l] += cnt[p] * (1 - g - gh);
            if (h != null) {
              hNum[f][l] += cnt[p] * gh;
            }
          }
        }
      }
      double newLambda = Math.min(maxLambda, LevelShares.clampProb(sumG / total));
      double change = Math.abs(newLambda - lambda) / lambda;
      lambda = newLambda;
      if (h != null) {
        // the three priors must leave the strangers a share, even on a handful of records
        double newH =
            Math.min(Math.min(maxLambdaH, 0.99 - lambda), LevelShares.clampProb(sumH / total));
        change = Math.max(change, Math.abs(newH - lambdaH) / lambdaH);
        lambdaH = newH;
        if (updateU) {
          for (int f = 0; f < fields; f++) {
            change = Math.max(change, LevelShares.normaliseInto(hNum[f], h[f]));
          }
        }
      }
      for (int f = 0; f < fields; f++) {
        if (updateM) {
          double[] before = m[f].clone();
          LevelShares.normaliseInto(mNum[f], m[f]);
          if (maxM != null && maxM[f] != null) {
            LevelShares.capInto(m[f], maxM[f]);
          }
          for (int k = 0; k < before.length; k++) {
            change = Math.max(change, Math.abs(m[f][k] - before[k]));
          }
        }
        if (updateU) {
          change = Math.max(change, LevelShares.normaliseInto(uNum[f], u[f]));
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
  public void fitLabelled(
      Iterable<Long> matchPatterns, Map<Long, double[]> counts, int maxIterations) {
    for (int f = 0; f < fields; f++) {
      double[] num = new double[levels[f]];
      Arrays.fill(num, 0.5);
      for (long p : matchPatterns) {
        int l = Patterns.level(p, f);
        if (l >= 0) {
          num[l] += 1;
        }
      }
      LevelShares.normaliseInto(num, m[f]);
    }
    fit(counts, maxIterations, false, true);
  }
}
