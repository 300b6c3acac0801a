package org.sijill.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.sijill.linkage.compare.DateComparator;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.internal.Ticker;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.model.PatternCounts;
import org.sijill.linkage.model.Patterns;
import org.sijill.linkage.pairs.Prepared;

/**
 * The fit step of a run: the Fellegi–Sunter model from the comparison vectors of the candidate
 * pairs plus a weighted sample of random pairs, by EM (bounded, optionally with a relatives class),
 * from labelled pairs, or with m taken from an earlier run. The bounds and their reasons live here;
 * the model itself knows nothing of names or households.
 */
final class ModelFit {
  private static final int U_SAMPLE = 200_000;
  private static final double OUTSIDE_RATIO = 100;

  /**
   * Bound on m for the "relatives" name level (a given name known to differ, father and son, given
   * names out of order): near zero, so that what a household shares besides the name — the day, the
   * town, the mother — cannot outvote it. With the earlier 1% EM reached the bound whenever the
   * date was informative: on lists spread over years (the countrywide synthetic scenario) brothers
   * killed together were merged, F1 0.937 against 0.968 with this bound; on the one-week example
   * unchanged.
   */
  static final double RELATIVES_MAX_M = 1e-4;

  /**
   * Bound on m for "two or more tokens agree" and the rest differ: the father's and family name of
   * siblings. 1% (was 5%, which EM reached on the countrywide lists): countrywide F1 +0.003 to
   * +0.008, example +0.0001 to +0.003 (tuning seeds 1-3).
   */
  static final double TWO_TOKENS_MAX_M = 0.01;

  /** Fewest candidate pairs read as relatives by the first name field for a relatives class. */
  static final int MIN_RELATIVE_PAIRS = 20;

  /** The fitted model and the distinct comparison vectors of the candidates, with their counts. */
  record Fitted(FellegiSunter model, Map<Long, double[]> counts) {}

  private final Settings settings;
  private final Mode mode;
  private final double[][] trainedM;
  private final Ticker em;

  /** Most records EM fits m on ({@link #DENSE_RECORDS} unless a test sets fewer). */
  private final int denseRecords;

  ModelFit(Settings settings, Mode mode, double[][] trainedM, Ticker em) {
    this(settings, mode, trainedM, em, DENSE_RECORDS);
  }

  ModelFit(Settings settings, Mode mode, double[][] trainedM, Ticker em, int denseRecords) {
    this.denseRecords = denseRecords;
    this.settings = settings;
    this.mode = mode;
    this.trainedM = trainedM;
    this.em = em;
  }

  Fitted fit(
      Prepared prepared,
      long[] pairs,
      long[] patterns,
      List<Decision> training,
      Consumer<String> progress,
      Laps laps) {
    Records records = prepared.records;
    List<FieldComparator> comps = prepared.comps;
    PatternCounts candidateCounts = new PatternCounts();
    for (long p : patterns) {
      candidateCounts.add(p, 1);
    }
    Map<Long, double[]> counts = candidateCounts.toMap();
    progress.accept(String.format("compared the candidate pairs (%s)", laps.lap()));
    RandomSample sample = sampleRandom(records, comps, pairs, null);
    progress.accept(
        String.format(
            "compared the random pairs for the non-match shares, %,d outside the candidates (%s)",
            sample.taken, laps.lap()));
    long outside = allPairs(records) - pairs.length;
    // The left-out pairs enter EM with at most OUTSIDE_RATIO times the weight of the candidates.
    // Their true mass grows as n² while the matches grow as n, and past ~10k records EM then finds
    // some other structure of the random pairs (shared mothers' names, places) before the matches;
    // capping keeps the mixture as well-posed at 1M records as at 10k. m and u are shares within
    // each class and do not depend on the cap; λ is rescaled to all pairs afterwards.
    double effectiveOutside = Math.min(outside, OUTSIDE_RATIO * (double) pairs.length);
    if (sample.taken > 0 && outside > 0) {
      double w = effectiveOutside / sample.taken;
      for (Map.Entry<Long, double[]> e : sample.patterns.entrySet()) {
        counts.computeIfAbsent(e.getKey(), k -> new double[1])[0] += e.getValue()[0] * w;
      }
    }
    List<DecidedPair> labelled = DecidedPair.resolve(records, training, "training pair");
    FellegiSunter model;
    if (trainedM != null && training.isEmpty()) {
      model =
          new FellegiSunter(
              levels(comps), sample.u, FellegiSunter.Config.FREE.reporting(em::accept));
      model.useMatchShares(trainedM);
      model.fit(counts, settings.emIterations(), false, true);
    } else if (!training.isEmpty()) {
      model =
          new FellegiSunter(
              levels(comps), sample.u, FellegiSunter.Config.FREE.reporting(em::accept));
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
      int[] window = dateWindow(prepared);
      FellegiSunter dense = null;
      if (window != null) {
        dense = fitUnlabelled(prepared, window, pairs, patterns);
        progress.accept(
            String.format(
                "m fitted on the %,d records of a random set of date windows (%s)",
                window.length, laps.lap()));
      }
      double fitted = pairs.length + effectiveOutside;
      model = new FellegiSunter(levels(comps), sample.u, bounded(records.size, comps, fitted));
      if (settings.households()) {
        startHouseholds(model, comps, counts);
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
      model.rescalePriors(pairs.length + effectiveOutside, pairs.length + outside);
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
   * Most records EM fits m on. On larger lists m is fitted on the records whose date of death lies
   * in a random set of 30-day windows holding about this many records, and only λ, u and h on all.
   * Why: true pairs grow as the records, but candidate pairs of namesakes who share name, mother
   * and town on another day grow as the records times their density, and past ~100k records on the
   * countrywide synthetic lists EM took them for the match class (m of "date further apart" 0.003
   * at 10k, 0.75 at 300k). Inside a set of windows a true pair (one day of death) stays with the
   * share of days kept, a pair on two different days with its square: the windows keep the density
   * of such namesakes that of a list of this size, where the match class is the same person.
   */
  static final int DENSE_RECORDS = 50_000;

  private static final int WINDOW_DAYS = 30;

  /**
   * The records whose first date field falls in a random set of {@link #WINDOW_DAYS}-day windows (a
   * partial date: any of its days) holding at least {@link #DENSE_RECORDS} records, in order; null
   * when the lists are no larger than that, have no date field, or too few dates.
   */
  private int[] dateWindow(Prepared prepared) {
    Records records = prepared.records;
    if (records.size <= 2 * denseRecords) {
      return null;
    }
    DateComparator date = null;
    for (FieldComparator c : prepared.comps) {
      if (c instanceof DateComparator d) {
        date = d;
        break;
      }
    }
    if (date == null) {
      return null;
    }
    int[][] span = new int[records.size][];
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int i = 0; i < records.size; i++) {
      span[i] = date.span(i);
      if (span[i] != null) {
        lo = Math.min(lo, span[i][0]);
        hi = Math.max(hi, span[i][1]);
      }
    }
    if (lo > hi) {
      return null;
    }
    int windows = (hi - lo) / WINDOW_DAYS + 1;
    long[] perWindow = new long[windows];
    for (int[] sp : span) {
      if (sp != null) {
        perWindow[(sp[0] - lo) / WINDOW_DAYS]++;
      }
    }
    int[] order = IntStream.range(0, windows).toArray();
    SplittableRandom rnd = new SplittableRandom(settings.seed());
    for (int i = windows - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    boolean[] kept = new boolean[windows];
    long held = 0;
    for (int k = 0; k < windows && held < denseRecords; k++) {
      kept[order[k]] = true;
      held += perWindow[order[k]];
    }
    if (held < denseRecords) {
      return null;
    }
    IntStream.Builder out = IntStream.builder();
    for (int i = 0; i < records.size; i++) {
      if (span[i] == null) {
        continue;
      }
      for (int w = (span[i][0] - lo) / WINDOW_DAYS; w <= (span[i][1] - lo) / WINDOW_DAYS; w++) {
        if (kept[w]) {
          out.add(i);
          break;
        }
      }
    }
    int[] sub = out.build().toArray();
    return sub.length > records.size / 2 ? null : sub;
  }

  /**
   * EM without labels, as on the whole lists, on the records {@code sub} alone: their candidate
   * pairs and a random sample of the pairs among them.
   */
  private FellegiSunter fitUnlabelled(Prepared prepared, int[] sub, long[] pairs, long[] patterns) {
    Records records = prepared.records;
    List<FieldComparator> comps = prepared.comps;
    boolean[] in = new boolean[records.size];
    for (int i : sub) {
      in[i] = true;
    }
    PatternCounts candidateCounts = new PatternCounts();
    long candidates = 0;
    for (int p = 0; p < pairs.length; p++) {
      if (in[(int) (pairs[p] >>> 32)] && in[(int) pairs[p]]) {
        candidateCounts.add(patterns[p], 1);
        candidates++;
      }
    }
    Map<Long, double[]> counts = candidateCounts.toMap();
    RandomSample sample = sampleRandom(records, comps, pairs, sub);
    long outside = allPairs(records, sub) - candidates;
    double effectiveOutside = Math.min(outside, OUTSIDE_RATIO * (double) candidates);
    if (sample.taken > 0 && outside > 0) {
      double w = effectiveOutside / sample.taken;
      for (Map.Entry<Long, double[]> e : sample.patterns.entrySet()) {
        counts.computeIfAbsent(e.getKey(), k -> new double[1])[0] += e.getValue()[0] * w;
      }
    }
    FellegiSunter model =
        new FellegiSunter(
            levels(comps), sample.u, bounded(sub.length, comps, candidates + effectiveOutside));
    if (settings.households()) {
      startHouseholds(model, comps, counts);
    }
    model.fit(counts, settings.emIterations(), true, true);
    return model;
  }

  /**
   * EM without labels is held in bounds, each for a reason learned on the synthetic lists: λ starts
   * at about one match per record, m of the weak name levels is capped, and the relatives class may
   * not take more than half as many pairs as there are records.
   */
  private FellegiSunter.Config bounded(int records, List<FieldComparator> comps, double fitted) {
    double startLambda = Math.min(0.1, Math.max(1e-9, records / Math.max(1, fitted)));
    // A record has at most a few true duplicates, so at most ~3 matching pairs per record:
    // without this bound EM can take "shares a given name, hence a sex" for the match class.
    double maxLambda = Math.min(0.5, 3.0 * records / Math.max(1, fitted));
    double[][] maxM = new double[comps.size()][];
    for (int f = 0; f < comps.size(); f++) {
      if (comps.get(f) instanceof NameComparator) {
        // levels 0-3: relatives 0.01%, different 5%, only two tokens agree 1%, similar 20%
        maxM[f] = new double[] {RELATIVES_MAX_M, 0.05, TWO_TOKENS_MAX_M, 0.2, 1, 1, 1};
      }
    }
    // Relative pairs are about half as many as records (a household of 1.8 on average, each
    // person on 1.24 records): without this bound the class takes every pair whose names read
    // as relatives, namesakes included (at 2x records, F1 at 300k fell 0.777 -> 0.760).
    double maxLambdaH =
        settings.households()
            ? Math.min(0.5, 0.5 * records / Math.max(1, fitted))
            : FellegiSunter.Config.FREE.maxLambdaH();
    return new FellegiSunter.Config(startLambda, maxLambda, maxM, maxLambdaH, em::accept);
  }

  private static int[] levels(List<FieldComparator> comps) {
    int[] l = new int[comps.size()];
    for (int f = 0; f < l.length; f++) {
      l[f] = comps.get(f).levels();
    }
    return l;
  }

  /**
   * Starts the relatives class of the model from the pairs whose first name field (the person's own
   * name) reads as relatives: its level probabilities in the other fields are those pairs' (what a
   * household shares and what it does not), in the name field the relatives level. Leaves the model
   * with two classes when there are too few such pairs (FEBRL-like data with no households, or no
   * name field).
   */
  private static void startHouseholds(
      FellegiSunter model, List<FieldComparator> comps, Map<Long, double[]> counts) {
    int name = -1;
    for (int f = 0; f < comps.size() && name < 0; f++) {
      if (comps.get(f) instanceof NameComparator) {
        name = f;
      }
    }
    if (name < 0) {
      return;
    }
    double[][] start = new double[comps.size()][];
    for (int f = 0; f < start.length; f++) {
      start[f] = new double[comps.get(f).levels()];
      java.util.Arrays.fill(start[f], 0.5);
    }
    double relatives = 0;
    double all = 0;
    for (Map.Entry<Long, double[]> e : counts.entrySet()) {
      long p = e.getKey();
      double c = e.getValue()[0];
      all += c;
      if (Patterns.level(p, name) != 0) {
        continue;
      }
      relatives += c;
      for (int f = 0; f < start.length; f++) {
        int l = Patterns.level(p, f);
        if (l >= 0) {
          start[f][l] += c;
        }
      }
    }
    if (relatives < MIN_RELATIVE_PAIRS) {
      return;
    }
    for (double[] row : start) {
      double sum = 0;
      for (double v : row) {
        sum += v;
      }
      for (int k = 0; k < row.length; k++) {
        row[k] /= sum;
      }
    }
    model.enableHouseholds(start, Math.max(1e-9, Math.min(0.1, relatives / all)));
  }

  /** Number of record pairs the mode allows. */
  private long allPairs(Records records) {
    return allPairs(records, null);
  }

  /** Number of pairs the mode allows among the records {@code sub} (null: all records). */
  private long allPairs(Records records, int[] sub) {
    long n = sub == null ? records.size : sub.length;
    if (mode != Mode.LINK) {
      return n * (n - 1) / 2;
    }
    long[] per = new long[records.sources.size()];
    if (sub == null) {
      for (int s : records.source) {
        per[s]++;
      }
    } else {
      for (int i : sub) {
        per[records.source[i]]++;
      }
    }
    long same = 0;
    for (long c : per) {
      same += c * (c - 1) / 2;
    }
    return n * (n - 1) / 2 - same;
  }

  /** Random pairs: u per field and level (add-half smoothed) and the vectors of non-candidates. */
  private record RandomSample(double[][] u, Map<Long, double[]> patterns, int taken) {}

  private RandomSample sampleRandom(Records records, List<FieldComparator> comps, long[] cand) {
    return sampleRandom(records, comps, cand, null);
  }

  /** As above, among the records {@code sub} (null: all records). */
  private RandomSample sampleRandom(
      Records records, List<FieldComparator> comps, long[] cand, int[] sub) {
    int n = sub == null ? records.size : sub.length;
    double[][] u = new double[comps.size()][];
    for (int f = 0; f < u.length; f++) {
      u[f] = new double[comps.get(f).levels()];
      java.util.Arrays.fill(u[f], 0.5);
    }
    Map<Long, double[]> pats = new HashMap<>();
    int taken = 0;
    long possible = allPairs(records, sub);
    if (n >= 2 && possible > 0) {
      // The pairs are drawn in one sequence (the seed fixes them) and compared in parallel; the
      // counts are sums of whole numbers, so the result does not depend on the order.
      SplittableRandom rnd = new SplittableRandom(settings.seed());
      int samples = (int) Math.min(U_SAMPLE, possible);
      LongList drawn = new LongList(samples);
      int tries = 0;
      for (int s = 0; s < samples && tries < samples * 50; tries++) {
        int a = sub == null ? rnd.nextInt(n) : sub[rnd.nextInt(n)];
        int b = sub == null ? rnd.nextInt(n) : sub[rnd.nextInt(n)];
        if (a == b || (mode == Mode.LINK && records.source[a] == records.source[b])) {
          continue;
        }
        s++;
        drawn.add(((long) a << 32) | b);
      }
      long[] pairs = drawn.toArray();
      long[] pat = new long[pairs.length];
      IntStream.range(0, pairs.length)
          .parallel()
          .forEach(i -> pat[i] = Linker.pattern(comps, (int) (pairs[i] >>> 32), (int) pairs[i]));
      for (int i = 0; i < pairs.length; i++) {
        for (int f = 0; f < u.length; f++) {
          int l = Patterns.level(pat[i], f);
          if (l >= 0) {
            u[f][l] += 1;
          }
        }
        int a = (int) (pairs[i] >>> 32);
        int b = (int) pairs[i];
        if (java.util.Arrays.binarySearch(cand, Linker.key(a, b)) < 0) {
          pats.computeIfAbsent(pat[i], k -> new double[1])[0]++;
          taken++;
        }
      }
    }
    return new RandomSample(normalise(u), pats, taken);
  }

  private static double[][] normalise(double[][] u) {
    for (double[] row : u) {
      double s = 0;
      for (double v : row) {
        s += v;
      }
      for (int k = 0; k < row.length; k++) {
        row[k] /= s;
      }
    }
    return u;
  }
}
