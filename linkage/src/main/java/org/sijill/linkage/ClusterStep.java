package org.sijill.linkage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.sijill.linkage.clustering.Clusterer;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.pairs.PairScores;
import org.sijill.linkage.pairs.PairWork;
import org.sijill.linkage.pairs.Prepared;

/**
 * The cluster step of a run: match log-odds shifted by the threshold become clustering weights,
 * mutual-best pairs below the threshold are promoted, people's decisions override the model, pairs
 * blocking never compared but clustering could join are scored, and {@link Clusterer} contracts the
 * graph.
 */
final class ClusterStep {
  /** Largest component of likely links whose uncompared pairs are scored for clustering. */
  static final int MAX_FILL = 40;

  /**
   * Clustering weight of a pair linked by the mutual-best rule: just above zero, so that any
   * disagreement among the other pairs of the two clusters outweighs it (0.5 did the same on the
   * synthetic tuning seeds, 2 lost precision).
   */
  static final float PROMOTED_WEIGHT = 0.01f;

  private final Settings settings;
  private final Mode mode;

  ClusterStep(Settings settings, Mode mode) {
    this.settings = settings;
    this.mode = mode;
  }

  /** A cluster number per record. */
  int[] cluster(
      Prepared prepared,
      long[] pairs,
      float[] logit,
      List<DecidedPair> decided,
      FellegiSunter model,
      Consumer<String> progress) {
    Records records = prepared.records;
    float[] weight = new float[pairs.length];
    double shift = Math.log(settings.threshold() / (1 - settings.threshold()));
    for (int p = 0; p < pairs.length; p++) {
      weight[p] = (float) (logit[p] - shift);
    }
    if (settings.mutualBest() && records.sources.size() > 1) {
      double floor = settings.mutualBestFloor();
      int promoted =
          Clusterer.promoteMutualBest(
              pairs,
              logit,
              weight,
              records.source,
              records.sources.size(),
              Math.log(floor / (1 - floor)),
              shift,
              settings.mutualBestMargin(),
              PROMOTED_WEIGHT,
              Clusterer.MUTUAL_BEST_MAX_FLAT);
      progress.accept(
          String.format("%,d pairs below the threshold linked as mutual best", promoted));
    }
    for (DecidedPair d : decided) {
      int p = java.util.Arrays.binarySearch(pairs, d.key());
      weight[p] = d.same() ? 1e6f : -1e6f;
    }
    // Pairs blocking never compared but that clustering could put together (same component of
    // likely links) are scored too, for clustering only: counted as neutral, they let two
    // people merge through a third record although their own records disagree.
    long[] unscored = Clusterer.uncomparedWithinComponents(records.size, pairs, weight, MAX_FILL);
    // few (components of at most MAX_FILL records): compared here whatever the engine
    long[] extraPatterns = PairWork.LOCAL.patterns(prepared, unscored);
    Set<Long> extraDistinct = new HashSet<>();
    for (long p : extraPatterns) {
      extraDistinct.add(p);
    }
    float[] extraLogit =
        PairWork.LOCAL.score(
            prepared,
            unscored,
            extraPatterns,
            new PairScores(model, extraDistinct, settings.termFrequency()));
    long[] allPairs = java.util.Arrays.copyOf(pairs, pairs.length + unscored.length);
    float[] allWeight = java.util.Arrays.copyOf(weight, pairs.length + unscored.length);
    for (int p = 0; p < unscored.length; p++) {
      allPairs[pairs.length + p] = unscored[p];
      allWeight[pairs.length + p] = (float) (extraLogit[p] - shift);
    }
    int[] cluster =
        Clusterer.cluster(records.size, allPairs, allWeight, records.source, mode == Mode.LINK);
    return cluster;
  }
}
