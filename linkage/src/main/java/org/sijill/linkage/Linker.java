package org.sijill.linkage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.sijill.linkage.blocking.Blocker;
import org.sijill.linkage.clustering.Clusterer;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.internal.Ticker;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.model.Patterns;
import org.sijill.linkage.pairs.KeptPairs;
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

  private final Settings settings;
  private final Mode mode;
  private final double[][] trainedM;
  private long progressIntervalNanos = 1_000_000_000L;
  private int denseRecords = DateWindows.DENSE_RECORDS;

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

  /**
   * Lists larger than twice this many records have m fitted on about this many, chosen by date
   * windows ({@link DateWindows#DENSE_RECORDS}); tests use fewer (the Spark engine's, to check that
   * path at 10k records).
   */
  public Linker denseRecords(int records) {
    this.denseRecords = records;
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

    KeptPairs kept = decisions.isEmpty() ? work.keep(prepared) : null;
    if (kept != null) {
      return linkKept(prepared, kept, training, progress, laps);
    }
    ModelFit fitStep = modelFit(progress);
    if (work == PairWork.LOCAL) {
      // EM's random pairs do not depend on the candidates: compared while blocking runs
      fitStep.compareAhead(prepared);
    }
    PairWork.Candidates cand =
        work.candidates(prepared, ticker(progress, "blocking: keys blocked", -1));
    List<DecidedPair> decided = DecidedPair.resolve(records, decisions, "decision");
    long[] pairs = DecidedPair.withDecided(cand.pairs(), decided);
    progress.accept(String.format("%,d candidate pairs (%s)", pairs.length, laps.lap()));

    long[] patterns =
        work.patterns(prepared, pairs, ticker(progress, "comparing candidate pairs", pairs.length));
    ModelFit.Fitted fit = fitStep.fit(prepared, pairs, patterns, training, progress, laps);
    FellegiSunter model = fit.model();
    float[] logit =
        work.score(
            prepared,
            pairs,
            patterns,
            new PairScores(model, fit.counts().keySet(), settings.termFrequency()),
            ticker(progress, "scoring candidate pairs", pairs.length));
    ClusterStep.Clustering clustering =
        new ClusterStep(settings, mode).cluster(prepared, pairs, logit, decided, model, progress);
    progress.accept(String.format("scored and clustered (%s)", laps.lap()));
    return new LinkResult(
        settings, records, comps, pairs, logit, clustering, model, cand.perKey(), decided);
  }

  /** The model's fit for this run, reporting its EM iterations to {@code progress}. */
  private ModelFit modelFit(Consumer<String> progress) {
    return new ModelFit(
        settings,
        mode,
        trainedM,
        ticker(progress, "fitting the model: EM iteration", settings.emIterations()),
        denseRecords);
  }

  /**
   * The run with the candidate pairs kept by the engine: the model from counts of their vectors,
   * then only the pairs that can matter come here — those at or above {@link ClusterStep#keptFrom}
   * and, once their positive links group the records, every pair inside a group — and the
   * clustering runs on them. It gives what it would give on all pairs: each rule that reads a lower
   * pair reads only pairs inside one group (contraction, the uncompared pairs, the review list's
   * merged pairs), and no lower pair is written.
   */
  private LinkResult linkKept(
      Prepared prepared,
      KeptPairs kept,
      List<Decision> training,
      Consumer<String> progress,
      Laps laps) {
    Records records = prepared.records;
    progress.accept(String.format("%,d candidate pairs (%s)", kept.count(), laps.lap()));
    ModelFit.Fitted fit =
        modelFit(progress).fit(prepared, ModelFit.Candidates.of(kept), training, progress, laps);
    FellegiSunter model = fit.model();
    KeptPairs.Scored likely =
        kept.scored(
            new PairScores(model, fit.counts().keySet(), settings.termFrequency()),
            ClusterStep.keptFrom(settings));
    ClusterStep step = new ClusterStep(settings, mode);
    float[] weight =
        step.weights(
            prepared, likely.pairs(), likely.logit(), List.of(), s -> {}, new java.util.BitSet());
    KeptPairs.Scored inside = kept.within(ClusterStep.groups(records.size, likely.pairs(), weight));
    KeptPairs.Scored pairs = union(likely, inside);
    progress.accept(
        String.format(
            "%,d pairs likely enough to matter, %,d inside groups of linked records, %,d in all",
            likely.pairs().length, inside.pairs().length, pairs.pairs().length));
    ClusterStep.Clustering clustering =
        step.cluster(prepared, pairs.pairs(), pairs.logit(), List.of(), model, progress);
    progress.accept(String.format("scored and clustered (%s)", laps.lap()));
    return new LinkResult(
        settings,
        records,
        prepared.comps,
        pairs.pairs(),
        pairs.logit(),
        clustering,
        model,
        kept.perKey(),
        List.of());
  }

  /** The pairs of both, sorted and distinct (a pair in both has the same log-odds in both). */
  private static KeptPairs.Scored union(KeptPairs.Scored x, KeptPairs.Scored y) {
    long[] a = x.pairs();
    long[] b = y.pairs();
    long[] pairs = new long[a.length + b.length];
    float[] logit = new float[pairs.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j == b.length || (i < a.length && a[i] <= b[j])) {
        if (j < b.length && a[i] == b[j]) {
          j++;
        }
        pairs[n] = a[i];
        logit[n++] = x.logit()[i++];
      } else {
        pairs[n] = b[j];
        logit[n++] = y.logit()[j++];
      }
    }
    return new KeptPairs.Scored(
        java.util.Arrays.copyOf(pairs, n), java.util.Arrays.copyOf(logit, n));
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

  /** As {@link #pattern(List, int, int)}, the comparators in an array (the same vector). */
  public static long pattern(FieldComparator[] comps, int a, int b) {
    long p = 0;
    for (int f = 0; f < comps.length; f++) {
      int l = comps[f].level(a, b);
      if (l >= 0) {
        p = Patterns.set(p, f, l);
      }
    }
    return p;
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
}
