package org.sijill.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.sijill.linkage.blocking.Blocker;
import org.sijill.linkage.clustering.Clusterer;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.internal.Ticker;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.model.PatternCounts;
import org.sijill.linkage.model.Patterns;
import org.sijill.linkage.pairs.PairScores;
import org.sijill.linkage.pairs.PairWork;
import org.sijill.linkage.pairs.Prepared;

/**
 * Links victim lists: one cluster per person.
 *
 * <ol>
 *   <li>prepare every field (normalise, tokenise, parse);
 *   <li>candidate pairs from several blocking keys ({@link Blocker});
 *   <li>a comparison vector per pair; m, u and λ by EM ({@link FellegiSunter}), or m from labelled
 *       pairs; a match probability per pair, adjusted by term frequency;
 *   <li>clustering that does not chain through weak links ({@link Clusterer}), honouring
 *       must-link/cannot-link decisions.
 * </ol>
 *
 * <pre>{@code
 * Settings s = Settings.read(Path.of("settings.json"));
 * List<Source> in = List.of(Source.read(a, Linker.columns(s), null), Source.read(b, Linker.columns(s), null));
 * LinkResult r = new Linker(s, Mode.LINK_AND_DEDUPE).link(in, List.of(), List.of(), System.err::println);
 * r.writeClusters(Path.of("clusters.csv"));
 * }</pre>
 */
public final class Linker {
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
  private final double[][] trainedM;
  private long progressIntervalNanos = 1_000_000_000L;

  public Linker(Settings settings, Mode mode) {
    this(settings, mode, null);
  }

  private Linker(Settings settings, Mode mode, double[][] trainedM) {
    this.settings = settings;
    this.mode = mode;
    this.trainedM = trainedM;
  }

  /**
   * A linker that takes m (the level shares among true matches) from an earlier run on other lists
   * with the same fields, typically one trained on labelled pairs, and estimates only λ and u by
   * EM. Matches look alike across lists of one kind while the non-matches and their number depend
   * on the lists, so m carries over and u does not.
   *
   * @throws LinkageException if the earlier run compared other fields
   */
  public Linker withMatchModelOf(LinkResult trained) {
    double[][] m = trained.matchShares();
    List<FieldSpec> mine = settings.fields();
    List<FieldSpec> theirs = trained.fields();
    if (!mine.equals(theirs)) {
      throw new LinkageException(
          "the trained model compared " + theirs + ", these settings compare " + mine);
    }
    return new Linker(settings, mode, m);
  }

  /**
   * How often at most the run reports progress from inside a stage (blocking, comparing, EM,
   * scoring); once a second by default. Tests use zero to see every report.
   */
  Linker progressEvery(java.time.Duration interval) {
    this.progressIntervalNanos = interval.toNanos();
    return this;
  }

  private Ticker ticker(Consumer<String> progress, String what, long total) {
    return new Ticker(progress, what, total, progressIntervalNanos);
  }

  /** The columns a source must have for these settings: the id, then each field's column. */
  public static List<String> columns(Settings s) {
    List<String> c = new ArrayList<>();
    c.add(s.id());
    for (FieldSpec f : s.fields()) {
      if (!c.contains(f.column())) {
        c.add(f.column());
      }
    }
    return c;
  }

  /**
   * Links the sources.
   *
   * @param decisions must-link / cannot-link decisions applied in clustering
   * @param training labelled pairs; when non-empty, m comes from its must-link pairs instead of EM
   * @param progress receives one line per stage (e.g. {@code System.err::println})
   */
  public LinkResult link(
      List<Source> sources,
      List<Decision> decisions,
      List<Decision> training,
      Consumer<String> progress) {
    return link(sources, decisions, training, progress, PairWork.LOCAL);
  }

  /**
   * Links the sources with the candidate pairs, comparison vectors and scores computed by {@code
   * work} (another engine: Spark); the model is fitted and the records clustered here, by the same
   * rules as {@link #link(List, List, List, Consumer)}.
   */
  public LinkResult link(
      List<Source> sources,
      List<Decision> decisions,
      List<Decision> training,
      Consumer<String> progress,
      PairWork work) {
    checkSources(sources);
    long t0 = System.nanoTime();
    Prepared prepared = Prepared.of(settings, mode, sources);
    return link(prepared, decisions, training, progress, work, t0);
  }

  /**
   * As {@link #link(List, List, List, Consumer, PairWork)} on records already prepared (with this
   * linker's settings and mode).
   */
  public LinkResult link(
      Prepared prepared,
      List<Decision> decisions,
      List<Decision> training,
      Consumer<String> progress,
      PairWork work) {
    if (!prepared.settings.equals(settings) || prepared.mode != mode) {
      throw new IllegalArgumentException("prepared with other settings or another mode");
    }
    checkSources(prepared.records.sources);
    return link(prepared, decisions, training, progress, work, System.nanoTime());
  }

  private LinkResult link(
      Prepared prepared,
      List<Decision> decisions,
      List<Decision> training,
      Consumer<String> progress,
      PairWork work,
      long t0) {
    Records records = prepared.records;
    List<FieldComparator> comps = prepared.comps;
    Laps laps = new Laps(t0);
    progress.accept(
        String.format(
            "prepared %,d records from %d sources (%s)",
            records.size, records.sources.size(), laps.lap()));

    PairWork.Candidates cand =
        work.candidates(prepared, ticker(progress, "blocking: keys blocked", -1));
    List<DecidedPair> decided = resolve(records, decisions, "decision");
    long[] pairs = withDecided(cand.pairs(), decided);
    progress.accept(String.format("%,d candidate pairs (%s)", pairs.length, laps.lap()));

    long[] patterns =
        work.patterns(prepared, pairs, ticker(progress, "comparing candidate pairs", pairs.length));
    PatternCounts candidateCounts = new PatternCounts();
    for (long p : patterns) {
      candidateCounts.add(p, 1);
    }
    Map<Long, double[]> counts = candidateCounts.toMap();
    progress.accept(String.format("compared the candidate pairs (%s)", laps.lap()));
    RandomSample sample = sampleRandom(records, comps, pairs);
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
    FellegiSunter model = new FellegiSunter(levels(comps), sample.u);
    Ticker em = ticker(progress, "fitting the model: EM iteration", settings.emIterations());
    model.onIteration = em::accept;
    List<DecidedPair> labelled = resolve(records, training, "training pair");
    if (trainedM != null && training.isEmpty()) {
      for (int f = 0; f < trainedM.length; f++) {
        System.arraycopy(trainedM[f], 0, model.m[f], 0, trainedM[f].length);
      }
      model.fit(counts, settings.emIterations(), false, true);
    } else if (!training.isEmpty()) {
      List<Long> matches = new ArrayList<>();
      for (DecidedPair l : labelled) {
        if (l.same()) {
          matches.add(pattern(comps, l.left(), l.right()));
        }
      }
      if (matches.size() < 10) {
        throw new LinkageException(
            "training needs at least 10 must-link pairs, found " + matches.size());
      }
      model.fitLabelled(matches, counts, settings.emIterations());
    } else {
      double fitted = pairs.length + effectiveOutside;
      model.lambda = Math.min(0.1, Math.max(1e-9, records.size / Math.max(1, fitted)));
      // A record has at most a few true duplicates, so at most ~3 matching pairs per record:
      // without this bound EM can take "shares a given name, hence a sex" for the match class.
      model.maxLambda = Math.min(0.5, 3.0 * records.size / Math.max(1, fitted));
      model.maxM = new double[comps.size()][];
      for (int f = 0; f < comps.size(); f++) {
        if (comps.get(f) instanceof NameComparator) {
          // levels 0-3: relatives 0.01%, different 5%, only two tokens agree 1%, similar 20%
          model.maxM[f] = new double[] {RELATIVES_MAX_M, 0.05, TWO_TOKENS_MAX_M, 0.2, 1, 1, 1};
        }
      }
      if (settings.households()) {
        startHouseholds(model, comps, counts);
        // Relative pairs are about half as many as records (a household of 1.8 on average, each
        // person on 1.24 records): without this bound the class takes every pair whose names read
        // as relatives, namesakes included (at 2x records, F1 at 300k fell 0.777 -> 0.760).
        model.maxLambdaH = Math.min(0.5, 0.5 * records.size / Math.max(1, fitted));
        model.lambdaH = Math.min(model.lambdaH, model.maxLambdaH);
      }
      model.fit(counts, settings.emIterations(), true, true);
      model.lambda = model.lambda * (pairs.length + effectiveOutside) / (pairs.length + outside);
      model.lambdaH = model.lambdaH * (pairs.length + effectiveOutside) / (pairs.length + outside);
    }
    progress.accept(
        String.format(
            "model: %d distinct comparison vectors, λ=%.4g, %d EM iterations%s (%s)",
            counts.size(),
            model.lambda,
            model.iterations,
            model.converged ? "" : " (not converged)",
            laps.lap()));

    float[] logit =
        work.score(
            prepared,
            pairs,
            patterns,
            new PairScores(model, counts.keySet(), settings.termFrequency()),
            ticker(progress, "scoring candidate pairs", pairs.length));
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
    progress.accept(String.format("scored and clustered (%s)", laps.lap()));
    return new LinkResult(
        settings, records, comps, pairs, logit, cluster, model, cand.perKey(), decided);
  }

  private void checkSources(List<Source> sources) {
    if (sources.isEmpty()) {
      throw new LinkageException("no input");
    }
    if (mode == Mode.DEDUPE && sources.size() != 1) {
      throw new LinkageException("mode dedupe takes one input, got " + sources.size());
    }
    if (mode == Mode.LINK && sources.size() < 2) {
      throw new LinkageException("mode link needs at least two inputs");
    }
    Set<String> names = new HashSet<>();
    for (Source s : sources) {
      if (!names.add(s.name())) {
        throw new LinkageException(
            "two inputs have the source name \"" + s.name() + "\"; rename one file");
      }
    }
  }

  public static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private static long[] withDecided(long[] pairs, List<DecidedPair> decided) {
    if (decided.isEmpty()) {
      return pairs;
    }
    LongList l = new LongList(pairs.length + decided.size());
    for (long p : pairs) {
      l.add(p);
    }
    for (DecidedPair d : decided) {
      l.add(d.key());
    }
    return l.sortedDistinct();
  }

  /** Decisions on record indexes; unsure ones and a record paired with itself are left out. */
  private static List<DecidedPair> resolve(Records records, List<Decision> ds, String what) {
    if (ds.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> byKey = new HashMap<>();
    for (int i = 0; i < records.size; i++) {
      byKey.put(records.sourceName(i) + '\u0000' + records.id(i), i);
    }
    List<DecidedPair> out = new ArrayList<>();
    for (Decision d : ds) {
      Integer a = byKey.get(d.sourceL() + '\u0000' + d.recordIdL());
      Integer b = byKey.get(d.sourceR() + '\u0000' + d.recordIdR());
      if (a == null || b == null) {
        boolean left = a == null;
        throw new LinkageException(
            d.origin()
                + ": "
                + (left ? "record_id_l" : "record_id_r")
                + ": "
                + what
                + " names no input record \""
                + (left ? d.recordIdL() : d.recordIdR())
                + "\" in source \""
                + (left ? d.sourceL() : d.sourceR())
                + "\"");
      }
      if (a.intValue() != b.intValue() && d.verdict() != Decision.Verdict.UNSURE) {
        out.add(
            new DecidedPair(Math.min(a, b), Math.max(a, b), d.verdict() == Decision.Verdict.SAME));
      }
    }
    return out;
  }

  public static long pattern(List<FieldComparator> comps, int a, int b) {
    long p = 0;
    for (int f = 0; f < comps.size(); f++) {
      int l = comps.get(f).level(a, b);
      if (l >= 0) {
        p = Patterns.set(p, f, l);
      }
    }
    return p;
  }

  private static int[] levels(List<FieldComparator> comps) {
    int[] l = new int[comps.size()];
    for (int f = 0; f < l.length; f++) {
      l[f] = comps.get(f).levels();
    }
    return l;
  }

  /** Fewest candidate pairs read as relatives by the first name field for a relatives class. */
  static final int MIN_RELATIVE_PAIRS = 20;

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
    long n = records.size;
    if (mode != Mode.LINK) {
      return n * (n - 1) / 2;
    }
    long[] per = new long[records.sources.size()];
    for (int s : records.source) {
      per[s]++;
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
    int n = records.size;
    double[][] u = new double[comps.size()][];
    for (int f = 0; f < u.length; f++) {
      u[f] = new double[comps.get(f).levels()];
      java.util.Arrays.fill(u[f], 0.5);
    }
    Map<Long, double[]> pats = new HashMap<>();
    int taken = 0;
    long possible = allPairs(records);
    if (n >= 2 && possible > 0) {
      // The pairs are drawn in one sequence (the seed fixes them) and compared in parallel; the
      // counts are sums of whole numbers, so the result does not depend on the order.
      SplittableRandom rnd = new SplittableRandom(settings.seed());
      int samples = (int) Math.min(U_SAMPLE, possible);
      LongList drawn = new LongList(samples);
      int tries = 0;
      for (int s = 0; s < samples && tries < samples * 50; tries++) {
        int a = rnd.nextInt(n);
        int b = rnd.nextInt(n);
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
          .forEach(i -> pat[i] = pattern(comps, (int) (pairs[i] >>> 32), (int) pairs[i]));
      for (int i = 0; i < pairs.length; i++) {
        for (int f = 0; f < u.length; f++) {
          int l = Patterns.level(pat[i], f);
          if (l >= 0) {
            u[f][l] += 1;
          }
        }
        int a = (int) (pairs[i] >>> 32);
        int b = (int) pairs[i];
        if (java.util.Arrays.binarySearch(cand, key(a, b)) < 0) {
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

  /** The time since the start and since the previous step, for the progress lines (issue 19). */
  private static final class Laps {
    private final long start;
    private long last;

    Laps(long start) {
      this.start = start;
      this.last = start;
    }

    /** "at 5.3 s, step 1.8 s": seconds since the start, and since the last call. */
    String lap() {
      long now = System.nanoTime();
      String s =
          String.format(
              java.util.Locale.ROOT,
              "at %.2f s, step %.2f s",
              (now - start) / 1e9,
              (now - last) / 1e9);
      last = now;
      return s;
    }
  }
}
