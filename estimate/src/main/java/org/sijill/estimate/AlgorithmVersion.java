package org.sijill.estimate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The version of each algorithm whose numbers the input and the seed do not fix on their own: when
 * a method's numbers change by design (a faster sampler whose draws differ for the same seed, a new
 * rule for the recommended interval), its version goes up by one. RESULT.json records the versions
 * of the build that made it ({@code algorithmVersions}), so that {@code sijill report --reproduce}
 * can tell "this build's method differs from the report's" from a difference nothing explains.
 *
 * <p>Raise a version in the commit that changes the numbers, and say in {@code docs/estimation.md}
 * what changed; a version is never lowered or reused. A record without a version (RESULT.json and
 * reports made before versions were recorded) is read as version 1. {@code AlgorithmVersionTest}
 * holds a fingerprint of each seeded algorithm's draws that fails when the draws change, naming the
 * version to raise.
 */
public enum AlgorithmVersion {
  /**
   * Hierarchical log-linear models (fit, model search, profile interval). 1: unchanged since
   * reports were first published (the last change of its numbers, the extended MLE on an empty
   * overlap, came before).
   */
  LOGLINEAR("loglinear", "log-linear", "fit", 1),
  /**
   * The LCMCR Gibbs sampler. 1: before session 10; 2: from session 10 (commit 1938f0e: stick
   * weights from the gamma ratio, an empty class's capture probabilities as one uniform each),
   * which changes a seed's draws though not the posterior.
   */
  LCMCR("lcmcr", "LCMCR", "sampler", 2),
  /** dga's Bayesian model averaging, exact on a grid (no random draws). 1: unchanged. */
  DGA("dga", "dga", "model average", 1),
  /**
   * The replicates of a linkage an estimate is combined over ({@link LinkageReplicates}, {@link
   * LinkageUncertainty}). 1: contested pairs drawn one by one, the whole case only (1645468); 2:
   * each stratum combined over the replicates too (70019fc); 3: drawn as clusterings with
   * transitivity imposed (f738378); 4: undecided contested pairs drawn with probabilities
   * calibrated on the review decisions the run honoured, per kind ({@link
   * LinkageReplicates.Calibration}); 5: when no decision checked the probabilities, the recommended
   * interval also takes in the run's own ({@link LinkageUncertainty.Draw#UNCHECKED}).
   */
  LINKAGE_REPLICATES("linkageReplicates", "linkage replicate", "draw", 5),
  /**
   * How the recommended estimate and interval are chosen ({@code WidenOrRefuse}). 1: the method's
   * own interval; 2: widened to the credible estimates' envelope or refused (05b7690); 3: the upper
   * bound raised under capture heterogeneity to Darroch's Mth bound (7250001); 4: to the highest of
   * Rcapture's three Mth bounds (8253ec5).
   */
  RECOMMENDATION("recommendation", "recommendation", "rule", 4);

  private final String key;
  private final String label;
  private final String noun;
  private final int version;

  AlgorithmVersion(String key, String label, String noun, int version) {
    this.key = key;
    this.label = label;
    this.noun = noun;
    this.version = version;
  }

  /** The name in RESULT.json's {@code algorithmVersions}; a method's is its {@code method} key. */
  public String key() {
    return key;
  }

  /** What a sentence calls its numbers: "LCMCR" in "LCMCR numbers differ". */
  public String label() {
    return label;
  }

  /** What is versioned: "sampler" in "sampler version 2". */
  public String noun() {
    return noun;
  }

  /** This build's version. */
  public int version() {
    return version;
  }

  /** The algorithm of an estimate's method. */
  public static AlgorithmVersion of(EstimationOptions.Method method) {
    return switch (method) {
      case LOGLINEAR -> LOGLINEAR;
      case LCMCR -> LCMCR;
      case DGA -> DGA;
    };
  }

  /** This build's versions by key, in declaration order, as RESULT.json writes them. */
  public static Map<String, Integer> current() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (AlgorithmVersion a : values()) {
      m.put(a.key, a.version);
    }
    return Collections.unmodifiableMap(m);
  }
}
