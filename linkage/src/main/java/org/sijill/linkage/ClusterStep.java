package org.sijill.linkage;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.sijill.linkage.clustering.Clusterer;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.pairs.KeptPairs;
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

  /**
   * The most a single pair can weigh against a merge: log-odds this far below the threshold's (p ≈
   * 0.018 at a threshold of 0.5) count as this much. Between two clusters the disagreements repeat
   * (each record of one person disagrees with a record of the other for the same missing age, the
   * same typo), so summed at full weight one disagreement counts once per record and outweighs a
   * near-certain pair of the two; a name conflict between brothers still weighs this much per pair.
   * Chosen on tuning seeds 1/2/3 of the one-week example among 2, 3, 4, 6 and no floor (mean F1
   * 0.9682, 0.9686, 0.9688, 0.9686, 0.9683; docs/BENCHMARKS.md, counting desk, session 11).
   */
  static final double FLOOR = 4;

  private final Settings settings;
  private final Mode mode;

  ClusterStep(Settings settings, Mode mode) {
    this.settings = settings;
    this.mode = mode;
  }

  /**
   * The outcome of the cluster step: a cluster number per record, and the pairs (indexes into the
   * pairs clustered) the mutual-best rule linked, which {@link LinkResult#promoted} reports.
   */
  record Clustering(int[] cluster, BitSet promoted) {}

  /** A cluster number per record, and the pairs the mutual-best rule linked. */
  Clustering cluster(
      Prepared prepared,
      long[] pairs,
      float[] logit,
      List<DecidedPair> decided,
      FellegiSunter model,
      Consumer<String> progress) {
    Records records = prepared.records;
    BitSet promoted = new BitSet(pairs.length);
    float[] weight = weights(prepared, pairs, logit, decided, progress, promoted);
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
    double shift = Math.log(settings.threshold() / (1 - settings.threshold()));
    float[] extraWeight = new float[unscored.length];
    for (int p = 0; p < unscored.length; p++) {
      extraWeight[p] = weight(extraLogit[p], shift);
    }
    int[] cluster =
        Clusterer.cluster(
            records.size, pairs, weight, unscored, extraWeight, records.source, mode == Mode.LINK);
    return new Clustering(cluster, promoted);
  }

  /**
   * The clustering weights of the pairs: log-odds less the threshold's, mutual-best pairs promoted,
   * decisions binding. The pairs the mutual-best rule linked are set in {@code promoted} (decided
   * ones too: a decision overrides the weight, not the rule).
   */
  float[] weights(
      Prepared prepared,
      long[] pairs,
      float[] logit,
      List<DecidedPair> decided,
      Consumer<String> progress,
      BitSet promoted) {
    Records records = prepared.records;
    float[] weight = new float[pairs.length];
    double shift = Math.log(settings.threshold() / (1 - settings.threshold()));
    for (int p = 0; p < pairs.length; p++) {
      weight[p] = weight(logit[p], shift);
    }
    if (settings.mutualBest() && records.sources.size() > 1) {
      int count =
          promote(
              settings,
              records,
              pairs,
              logit,
              p -> {
                weight[p] = PROMOTED_WEIGHT;
                promoted.set(p);
              });
      progress.accept(String.format("%,d pairs below the threshold linked as mutual best", count));
    }
    for (DecidedPair d : decided) {
      int p = java.util.Arrays.binarySearch(pairs, d.key());
      weight[p] = d.same() ? 1e6f : -1e6f;
    }
    return weight;
  }

  /**
   * The mutual-best rule with the settings' floor, threshold and margin: tells {@code linked} every
   * pair it links; returns how many.
   */
  private static int promote(
      Settings settings, Records records, long[] pairs, float[] logit, IntConsumer linked) {
    double floor = settings.mutualBestFloor();
    double t = settings.threshold();
    return Clusterer.mutualBest(
        pairs,
        logit,
        records.source,
        records.sources.size(),
        Math.log(floor / (1 - floor)),
        Math.log(t / (1 - t)),
        settings.mutualBestMargin(),
        Clusterer.MUTUAL_BEST_MAX_FLAT,
        linked);
  }

  /** A pair's clustering weight: its log-odds less the threshold's, at least -{@link #FLOOR}. */
  static float weight(double logit, double shift) {
    return (float) Math.max(-FLOOR, logit - shift);
  }

  /**
   * The lowest log-odds at which a pair matters to the clustering and the outputs anywhere but
   * inside a group of {@link #groups}: the mutual-best floor less its margin (a lower pair can be
   * neither a promoted pair nor the runner-up that stops one), the threshold, the review band's
   * lower end and the pairs file's floor; a little lower, so rounding never drops a pair. An engine
   * that keeps the pairs returns those at or above it ({@link KeptPairs#scored}).
   */
  static double keptFrom(Settings s) {
    double low = Math.min(logit(s.threshold()), logit(s.pairsMinProbability()));
    low = Math.min(low, logit(s.reviewLow()));
    if (s.mutualBest()) {
      low = Math.min(low, logit(s.mutualBestFloor()) - s.mutualBestMargin());
    }
    return low - 1e-3;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /**
   * A group per record, the same for the records that pairs of positive weight join, -1 for a
   * record no such pair touches: the clustering contracts each group over every candidate pair
   * inside it and scores the uncompared ones, and the review list reads the pairs of one cluster
   * whatever their log-odds. Given every pair at or above {@link #keptFrom} (all positive ones),
   * the groups are those of all candidate pairs.
   */
  static int[] groups(int n, long[] pairs, float[] weight) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    boolean[] linked = new boolean[n];
    for (int p = 0; p < pairs.length; p++) {
      if (weight[p] > 0) {
        int a = (int) (pairs[p] >>> 32);
        int b = (int) pairs[p];
        linked[a] = true;
        linked[b] = true;
        int ra = root(parent, a);
        int rb = root(parent, b);
        if (ra != rb) {
          parent[ra] = rb;
        }
      }
    }
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = linked[i] ? root(parent, i) : -1;
    }
    return group;
  }

  private static int root(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
