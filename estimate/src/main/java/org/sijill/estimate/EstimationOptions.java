package org.sijill.estimate;

import java.util.EnumSet;
import java.util.Set;
import org.sijill.estimate.lcmcr.Lcmcr;

/**
 * What to estimate and how.
 *
 * @param methods the method families to run
 * @param model a hierarchical log-linear model ({@code A*B+C}) instead of model selection, or null
 * @param seed seed of the Bayesian samplers (recorded in the output)
 * @param lcmcrClasses K, or 0 for the default min(2^t - 1, 15)
 * @param lcmcrBurnIn sweeps discarded per chain
 * @param lcmcrSamples draws kept per chain
 * @param lcmcrThin sweeps per kept draw
 * @param lcmcrChains independent chains (at least 2 for R-hat)
 * @param linkageReplicates replicates of the linkage the estimate is combined over (0: none, the
 *     capture table is taken as certain); the caller draws them ({@link LinkageUncertainty})
 */
public record EstimationOptions(
    Set<Method> methods,
    String model,
    long seed,
    int lcmcrClasses,
    int lcmcrBurnIn,
    int lcmcrSamples,
    int lcmcrThin,
    int lcmcrChains,
    int linkageReplicates) {

  /** The method families of {@code --method}. */
  public enum Method {
    LOGLINEAR,
    LCMCR,
    DGA;

    /** The name an {@link Estimate} of this method carries in {@code method()}: "lcmcr". */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public EstimationOptions {
    methods = Set.copyOf(methods);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("no method chosen");
    }
    if (lcmcrChains < 2) {
      throw new IllegalArgumentException("LCMCR needs at least 2 chains, got " + lcmcrChains);
    }
    if (lcmcrSamples < 4 || lcmcrThin < 1 || lcmcrBurnIn < 0) {
      throw new IllegalArgumentException("LCMCR run too short");
    }
    if (linkageReplicates < 0 || linkageReplicates == 1 || linkageReplicates > 100) {
      throw new IllegalArgumentException(
          "linkage replicates: 0 (off) or 2 to 100, got " + linkageReplicates);
    }
  }

  /**
   * Every method, model selection, and LCMCR as long as the R reference runs: 2 chains of 100,000
   * burn-in sweeps and 20,000 draws thinned by 50 (Kosovo mixes slowly; shorter runs leave an
   * effective sample size of a few hundred).
   */
  public static EstimationOptions defaults(long seed) {
    return new EstimationOptions(
        EnumSet.allOf(Method.class), null, seed, 0, 100_000, 20_000, 50, 2, 0);
  }

  public EstimationOptions withMethods(Set<Method> m) {
    return new EstimationOptions(
        m,
        model,
        seed,
        lcmcrClasses,
        lcmcrBurnIn,
        lcmcrSamples,
        lcmcrThin,
        lcmcrChains,
        linkageReplicates);
  }

  public EstimationOptions withModel(String m) {
    return new EstimationOptions(
        methods,
        m,
        seed,
        lcmcrClasses,
        lcmcrBurnIn,
        lcmcrSamples,
        lcmcrThin,
        lcmcrChains,
        linkageReplicates);
  }

  public EstimationOptions withLcmcr(int classes, int burnIn, int samples, int thin, int chains) {
    return new EstimationOptions(
        methods, model, seed, classes, burnIn, samples, thin, chains, linkageReplicates);
  }

  /** The same options with another seed. */
  public EstimationOptions withSeed(long newSeed) {
    return new EstimationOptions(
        methods,
        model,
        newSeed,
        lcmcrClasses,
        lcmcrBurnIn,
        lcmcrSamples,
        lcmcrThin,
        lcmcrChains,
        linkageReplicates);
  }

  /** The same options over {@code replicates} replicates of the linkage (0: off). */
  public EstimationOptions withLinkageReplicates(int replicates) {
    return new EstimationOptions(
        methods,
        model,
        seed,
        lcmcrClasses,
        lcmcrBurnIn,
        lcmcrSamples,
        lcmcrThin,
        lcmcrChains,
        replicates);
  }

  /**
   * The options of replicate {@code r} of {@code m}: its own seed, and an LCMCR run whose kept
   * draws are 1/m of this one's (the replicates' draws are pooled, so the combined posterior keeps
   * about as many draws as one estimate) after half the burn-in (each replicate's chains still
   * start as the R package's do, and R-hat is checked per replicate). No further replicates.
   */
  EstimationOptions replicate(int r, int m) {
    java.util.SplittableRandom s = new java.util.SplittableRandom(seed ^ 0x6C696E6B61676531L);
    long rs = 0;
    for (int i = 0; i <= r; i++) {
      rs = s.nextLong() >>> 16;
    }
    return new EstimationOptions(
        methods,
        model,
        rs,
        lcmcrClasses,
        lcmcrBurnIn / 2,
        Math.max(250, (lcmcrSamples + m - 1) / m),
        lcmcrThin,
        lcmcrChains,
        0);
  }

  public Lcmcr.Config lcmcrConfig(int t) {
    int k = lcmcrClasses > 0 ? lcmcrClasses : Math.min((1 << t) - 1, 15);
    return new Lcmcr.Config(k, lcmcrBurnIn, lcmcrSamples, lcmcrThin, lcmcrChains, seed, 0.25, 0.25);
  }
}
