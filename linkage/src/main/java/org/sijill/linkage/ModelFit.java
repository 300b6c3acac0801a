package org.sijill.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.internal.Ticker;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.model.PatternCounts;
import org.sijill.linkage.pairs.KeptPairs;
import org.sijill.linkage.pairs.Prepared;

/**
 * The fit step of a run: the Fellegi–Sunter model from the comparison vectors of the candidate
 * pairs plus a weighted sample of random pairs ({@link RandomPairs}), by EM (bounded, optionally
 * with a relatives class: {@link EmBounds}; on large lists m from a set of date windows: {@link
 * DateWindows}), from labelled pairs, or with m taken from an earlier run.
 */
final class ModelFit {
  private static final double OUTSIDE_RATIO = 100;

  /** The fitted model and the distinct comparison vectors of the candidates, with their counts. */
  record Fitted(FellegiSunter model, Map<Long, double[]> counts) {}

  /**
   * What the fit reads of the candidate pairs: their number, counts of their comparison vectors
   * (among some records), and which random pairs are candidates. In this process's arrays, or kept
   * by an engine ({@link KeptPairs}).
   */
  interface Candidates {
    long count();

    KeptPairs.Counted counts(boolean[] in);

    /** Sorted keys holding every candidate pair among {@code keys} (sorted, distinct). */
    long[] among(Supplier<long[]> keys);

    static Candidates of(long[] pairs, long[] patterns) {
      return new Candidates() {
        @Override
        public long count() {
          return pairs.length;
        }

        @Override
        public KeptPairs.Counted counts(boolean[] in) {
          PatternCounts c = new PatternCounts();
          long n = 0;
          for (int p = 0; p < pairs.length; p++) {
            if (in == null || (in[(int) (pairs[p] >>> 32)] && in[(int) pairs[p]])) {
              c.add(patterns[p], 1);
              n++;
            }
          }
          return new KeptPairs.Counted(c, n);
        }

        @Override
        public long[] among(Supplier<long[]> keys) {
          return pairs; // all candidates: no need to draw the keys
        }
      };
    }

    static Candidates of(KeptPairs kept) {
      return new Candidates() {
        @Override
        public long count() {
          return kept.count();
        }

        @Override
        public KeptPairs.Counted counts(boolean[] in) {
          return kept.counts(in);
        }

        @Override
        public long[] among(Supplier<long[]> keys) {
          return kept.among(keys.get());
        }
      };
    }
  }

  private final Settings settings;
  private final double[][] trainedM;
  private final Ticker em;
  private final RandomPairs random;

  /** Most records EM fits m on ({@link DateWindows#DENSE_RECORDS} unless a test sets fewer). */
  private final int denseRecords;

  /** The random pairs among all records, compared ahead ({@link #compareAhead}); null: not. */
  private RandomPairs.Ahead ahead;

  private Prepared aheadOf;

  ModelFit(Settings settings, Mode mode, double[][] trainedM, Ticker em) {
    this(settings, mode, trainedM, em, DateWindows.DENSE_RECORDS);
  }

  ModelFit(Settings settings, Mode mode, double[][] trainedM, Ticker em, int denseRecords) {
    this.denseRecords = denseRecords;
    this.settings = settings;
    this.trainedM = trainedM;
    this.em = em;
    this.random = new RandomPairs(mode, settings.seed());
  }

  /**
   * Starts comparing the random pairs among all of {@code prepared}'s records now, on a thread of
   * its own, for the {@link #fit} on the same records that follows: while the candidates are found
   * and compared (docs/BENCHMARKS.md, "Session 11"). The same pairs and vectors as without.
   */
  ModelFit compareAhead(Prepared prepared) {
    this.ahead = random.ahead(prepared.records, prepared.comps);
    this.aheadOf = prepared;
    return this;
  }

  Fitted fit(
      Prepared prepared,
      long[] pairs,
      long[] patterns,
      List<Decision> training,
      Consumer<String> progress,
      Laps laps) {
    return fit(prepared, Candidates.of(pairs, patterns), training, progress, laps);
  }

  Fitted fit(
      Prepared prepared,
      Candidates pairs,
      List<Decision> training,
      Consumer<String> progress,
      Laps laps) {
    Records records = prepared.records;
    List<FieldComparator> comps = prepared.comps;
    Map<Long, double[]> counts = pairs.counts(null).counts().toMap();
    progress.accept(String.format("compared the candidate pairs (%s)", laps.lap()));
    RandomPairs.Sample sample =
        random.sample(
            records,
            comps,
            pairs.among(() -> random.drawnKeys(records, null)),
            null,
            aheadOf == prepared ? ahead : null);
    progress.accept(
        String.format(
            "compared the random pairs for the non-match shares, %,d outside the candidates (%s)",
            sample.taken(), laps.lap()));
    long outside = random.all(records, null) - pairs.count();
    // The left-out pairs enter EM with at most OUTSIDE_RATIO times the weight of the candidates.
    // Their true mass grows as n² while the matches grow as n, and past ~10k records EM then finds
    // some other structure of the random pairs (shared mothers' names, places) before the matches;
    // capping keeps the mixture as well-posed at 1M records as at 10k. m and u are shares within
    // each class and do not depend on the cap; λ is rescaled to all pairs afterwards.
    double effectiveOutside = addOutside(counts, sample, outside, pairs.count());
    List<DecidedPair> labelled = DecidedPair.resolve(records, training, "training pair");
    FellegiSunter model;
    if (trainedM != null && training.isEmpty()) {
      model =
          new FellegiSunter(
              EmBounds.levels(comps), sample.u(), FellegiSunter.Config.FREE.reporting(em::accept));
      model.useMatchShares(trainedM);
      model.fit(counts, settings.emIterations(), false, true);
    } else if (!training.isEmpty()) {
      model =
          new FellegiSunter(
              EmBounds.levels(comps), sample.u(), FellegiSunter.Config.FREE.reporting(em::accept));
      List<Long> matches = new ArrayList<>();
      for (DecidedPair l : labelled) {
        if (l.same()) {
          matches.add(Linker.pattern(comps, l.left(), l.right()));
        }
      }
      if (matches.size() < 10) {
        throw new LinkageException(
            "training needs at least 10 must-link pairs, found " + matches.size());
      }
      model.fitLabelled(matches, counts, settings.emIterations());
    } else {
      int[] window = DateWindows.sample(prepared, denseRecords, settings.seed());
      FellegiSunter dense = null;
      if (window != null) {
        dense = fitUnlabelled(prepared, window, pairs);
        progress.accept(
            String.format(
                "m fitted on the %,d records of a random set of date windows (%s)",
                window.length, laps.lap()));
      }
      double fitted = pairs.count() + effectiveOutside;
      model =
          new FellegiSunter(
              EmBounds.levels(comps),
              sample.u(),
              EmBounds.bounded(records.size, comps, fitted, settings.households(), em::accept));
      if (settings.households()) {
        EmBounds.startHouseholds(model, comps, counts);
      }
      if (dense == null) {
        model.fit(counts, settings.emIterations(), true, true);
      } else {
        model.useMatchShares(dense.m());
        if (dense.h() != null) {
          model.useHouseholdShares(dense.h());
        }
        model.fit(counts, settings.emIterations(), false, true);
      }
      model.rescalePriors(pairs.count() + effectiveOutside, pairs.count() + outside);
    }
    progress.accept(
        String.format(
            "model: %d distinct comparison vectors, λ=%.4g, %d EM iterations%s (%s)",
            counts.size(),
            model.lambda(),
            model.iterations(),
            model.converged() ? "" : " (not converged)",
            laps.lap()));

    return new Fitted(model, counts);
  }

  /**
   * Adds the sampled vectors of the {@code outside} non-candidate pairs to {@code counts}, weighted
   * to at most {@link #OUTSIDE_RATIO} times the {@code candidates}; returns the weight they carry.
   */
  private static double addOutside(
      Map<Long, double[]> counts, RandomPairs.Sample sample, long outside, long candidates) {
    double effectiveOutside = Math.min(outside, OUTSIDE_RATIO * (double) candidates);
    if (sample.taken() > 0 && outside > 0) {
      double w = effectiveOutside / sample.taken();
      for (Map.Entry<Long, double[]> e : sample.patterns().entrySet()) {
        counts.computeIfAbsent(e.getKey(), k -> new double[1])[0] += e.getValue()[0] * w;
      }
    }
    return effectiveOutside;
  }

  /**
   * EM without labels, as on the whole lists, on the records {@code sub} alone: their candidate
   * pairs and a random sample of the pairs among them.
   */
  private FellegiSunter fitUnlabelled(Prepared prepared, int[] sub, Candidates pairs) {
    Records records = prepared.records;
    List<FieldComparator> comps = prepared.comps;
    boolean[] in = new boolean[records.size];
    for (int i : sub) {
      in[i] = true;
    }
    KeptPairs.Counted within = pairs.counts(in);
    long candidates = within.pairs();
    Map<Long, double[]> counts = within.counts().toMap();
    RandomPairs.Sample sample =
        random.sample(records, comps, pairs.among(() -> random.drawnKeys(records, sub)), sub);
    long outside = random.all(records, sub) - candidates;
    double effectiveOutside = addOutside(counts, sample, outside, candidates);
    FellegiSunter model =
        new FellegiSunter(
            EmBounds.levels(comps),
            sample.u(),
            EmBounds.bounded(
                sub.length,
                comps,
                candidates + effectiveOutside,
                settings.households(),
                em::accept));
    if (settings.households()) {
      EmBounds.startHouseholds(model, comps, counts);
    }
    model.fit(counts, settings.emIterations(), true, true);
    return model;
  }
}
