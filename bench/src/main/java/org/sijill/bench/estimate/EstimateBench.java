package org.sijill.bench.estimate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.EstimationOptions.Method;
import org.sijill.estimate.MultipleSystemsEstimation;
import org.sijill.estimate.Report;
import org.sijill.estimate.lcmcr.SamplerSpeed;

/**
 * Benchmarks of the estimate module: {@code speed DATA_DIR} (LCMCR sweeps per second on Kosovo with
 * K = 10, exhaustive 5-list log-linear search, dga on 5 lists) and {@code simulate REPLICATES SEED}
 * (coverage and bias of each method's 95% interval on synthetic populations of known size).
 */
public final class EstimateBench {
  private EstimateBench() {}

  public static void main(String[] args) {
    if (args.length >= 2 && args[0].equals("speed")) {
      speed(Path.of(args[1]));
    } else if (args.length >= 3 && args[0].equals("simulate")) {
      simulate(Integer.parseInt(args[1]), Long.parseLong(args[2]), args.length > 3 ? args[3] : "");
    } else if (args.length >= 3 && args[0].equals("rate")) {
      // one LCMCR chain on Kosovo, K = 10, 1,000,000 timed sweeps after 200,000 untimed: what
      // bench/lcmcr-vs-r.sh interleaves with R's LCMCR
      CaptureTable kosovo =
          CaptureData.readHistories(Path.of(args[1]).resolve("kosovo_1999.csv"), null).total();
      SamplerSpeed.Rate r =
          SamplerSpeed.lcmcrSweepsPerSecond(
              kosovo, 10, 200_000, 1_000_000, Long.parseLong(args[2]));
      System.out.printf(
          Locale.ROOT,
          "Sijill LCMCR kosovo K=10 seed %s: %,.0f sweeps per CPU-second (%,.0f per wall-second)%n",
          args[2],
          r.cpu(),
          r.wall());
    } else if (args.length >= 2 && args[0].equals("linkage-overhead")) {
      LinkageErrorStudy.overhead(
          Long.parseLong(args[1]),
          args.length > 2 ? Integer.parseInt(args[2]) : 2000,
          args.length > 3 ? Integer.parseInt(args[3]) : 8);
    } else if (args.length >= 3 && args[0].equals("linkage")) {
      LinkageErrorStudy.run(
          Integer.parseInt(args[1]),
          Long.parseLong(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 2000,
          args.length > 4 ? Integer.parseInt(args[4]) : 8,
          args.length > 5 ? Integer.parseInt(args[5]) : 0);
    } else if (args.length >= 2 && args[0].equals("linkage-summary")) {
      List<Path> files = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        files.add(Path.of(args[i]));
      }
      try {
        LinkageErrorStudy.summarize(files);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else if (args.length >= 4 && args[0].equals("lcmcr")) {
      int[] run = new int[4]; // K, burn-in, samples, thin; 0 = the user-facing default
      for (int i = 0; i < run.length && 4 + i < args.length; i++) {
        run[i] = Integer.parseInt(args[4 + i]);
      }
      lcmcrScenario(
          Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), run);
    } else {
      System.err.println(
          "usage: EstimateBench speed DATA_DIR | simulate REPLICATES SEED"
              + " | linkage SIMULATIONS SEED [POPULATION REPLICATES FIRST] | linkage-summary FILE..."
              + " | lcmcr SCENARIO REPLICATES SEED [K BURN_IN SAMPLES THIN]");
      System.exit(2);
    }
  }

  static void speed(Path dataDir) {
    CaptureTable kosovo =
        CaptureData.readHistories(dataDir.resolve("kosovo_1999.csv"), null).total();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int rep = 0; rep < 5; rep++) {
      SamplerSpeed.Rate r =
          SamplerSpeed.lcmcrSweepsPerSecond(kosovo, 10, 200_000, 1_000_000, 1000 + rep);
      wall.add(r.wall());
      cpu.add(r.cpu());
    }
    wall.sort(Double::compare);
    cpu.sort(Double::compare);
    System.out.printf(
        Locale.ROOT,
        "lcmcr kosovo K=10, one chain, 5 runs of 1,000,000 sweeps: median %,.0f sweeps per"
            + " CPU-second (min %,.0f); wall clock median %,.0f (min %,.0f, max %,.0f)%n",
        cpu.get(2),
        cpu.get(0),
        wall.get(2),
        wall.get(0),
        wall.get(4));

    CaptureTable five = fiveLists();
    System.out.printf(
        Locale.ROOT, "5-list table: synthetic, %,d documented people%n", five.documented());
    EstimationOptions loglinear =
        EstimationOptions.defaults(1).withMethods(EnumSet.of(Method.LOGLINEAR));
    EstimationOptions dga = EstimationOptions.defaults(1).withMethods(EnumSet.of(Method.DGA));
    time("warm-up", five, loglinear, 2);
    time("warm-up", five, dga, 2);
    time(
        "loglinear 5 lists (6,893-model search + profile CIs + SparseMSE + standard)",
        five,
        loglinear,
        5);
    time("dga 5 lists (822 graphs, exact posterior on the N grid)", five, dga, 5);

    // a sparse 5-list table: empty overlaps, so the reported models also run the facial-set
    // linear programs, and dga's grid (0..30n) has 247,021 points
    Path sparse = dataDir.resolve("netherlands_trafficking_5.csv");
    if (java.nio.file.Files.exists(sparse)) {
      CaptureTable ned = CaptureData.readHistories(sparse, null).total();
      System.out.printf(
          Locale.ROOT,
          "5-list table: Netherlands trafficking (sparse), %,d documented people%n",
          ned.documented());
      time("warm-up", ned, loglinear, 1);
      time(
          "loglinear 5 lists, sparse (search + profile CIs + SparseMSE + standard)",
          ned,
          loglinear,
          5);
      time("dga 5 lists, sparse", ned, dga, 5);
    }
  }

  private static void time(String what, CaptureTable t, EstimationOptions o, int reps) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    List<Double> secs = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    Report last = null;
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      long cpuStart = mx.getCurrentThreadCpuTime();
      last = MultipleSystemsEstimation.estimate(t, o, m -> {});
      secs.add((System.nanoTime() - start) / 1e9);
      cpu.add((mx.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
    secs.sort(Double::compare);
    cpu.sort(Double::compare);
    if (!what.equals("warm-up")) {
      System.out.printf(
          Locale.ROOT,
          "%s: median %.3f CPU-s (min %.3f); wall median %.3f s (min %.3f) over %d runs -> %s%n",
          what,
          cpu.get(cpu.size() / 2),
          cpu.get(0),
          secs.get(secs.size() / 2),
          secs.get(0),
          reps,
          last.estimates().isEmpty() ? "-" : summary(last.estimates().get(0)));
    }
  }

  /** A 5-list table with heterogeneity and one dependent pair, N = 12,000. */
  static CaptureTable fiveLists() {
    Populations p =
        new Populations(
            "five lists",
            12_000,
            new double[][] {{0.4, 0.3, 0.35, 0.25, 0.3}, {0.08, 0.1, 0.05, 0.12, 0.07}},
            new double[] {0.35, 0.65},
            0.3);
    return p.draw(new SplittableRandom(5));
  }

  /**
   * The simulation study. {@code only} picks scenarios by 1-based number ({@code "2,6,7"}; empty:
   * all). Each scenario draws from its own generator (split from SEED in scenario order), so a
   * scenario's tables do not depend on which others run.
   */
  static void simulate(int replicates, long seed, String only) {
    SplittableRandom root = new SplittableRandom(seed);
    java.util.Set<Integer> picked = new java.util.TreeSet<>();
    for (String x : only.split(",")) {
      if (!x.isBlank()) {
        picked.add(Integer.parseInt(x.trim()));
      }
    }
    // LCMCR with the user's K (0: min(2^t - 1, 15)) but a shorter chain than the user default
    // (100,000 + 20,000 x 50): on 20 paired replicates of the two-group scenario the default length
    // moved medians by 0.04% of N and 97.5% quantiles by 0.2% (docs/estimation.md).
    EstimationOptions options =
        EstimationOptions.defaults(seed).withLcmcr(0, 20_000, 10_000, 10, 2);
    int recommendedCovered = 0;
    int recommendedRuns = 0;
    int ordinaryCovered = 0;
    int ordinaryRuns = 0;
    System.out.println(
        "| scenario | N | method | coverage of 95% interval | mean relative bias | median"
            + " interval width / N | replicates |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<Populations> all = Populations.scenarios();
    for (int sc = 0; sc < all.size(); sc++) {
      Populations pop = all.get(sc);
      SplittableRandom rng = root.split();
      if (!picked.isEmpty() && !picked.contains(sc + 1)) {
        continue;
      }
      Map<String, double[]> stats = new LinkedHashMap<>(); // covered, bias sum, width list size
      Map<String, List<Double>> widths = new LinkedHashMap<>();
      Map<String, Integer> verdicts = new java.util.TreeMap<>();
      for (int r = 0; r < replicates; r++) {
        CaptureTable t = pop.draw(rng);
        Report rep = MultipleSystemsEstimation.estimate(t, options, m -> {});
        Map<String, Interval> byKey = new LinkedHashMap<>();
        for (Estimate e : rep.estimates()) {
          byKey.putIfAbsent(key(e), Interval.of(e));
        }
        if (rep.standardModels() != null) {
          for (Estimate s : rep.standardModels()) {
            if (s.model().equals("Mt") || s.model().equals("Mth Chao (LB)")) {
              byKey.put("standard " + s.model(), Interval.of(s));
            }
          }
        }
        if (rep.recommended() != null) {
          Estimate rec = rep.recommended();
          byKey.put("recommended", Interval.of(rec));
          Map<String, Object> d = rec.details() == null ? Map.of() : rec.details();
          // the recommended method's own interval, before the rule widened it
          byKey.put(
              "recommended, own interval",
              d.containsKey("ownUpper")
                  ? new Interval(
                      rec.total(), (Double) d.get("ownLower"), (Double) d.get("ownUpper"))
                  : Interval.of(rec));
        }
        String verdict = rep.details() == null ? "?" : String.valueOf(rep.details().get("verdict"));
        verdicts.merge(verdict, 1, Integer::sum);
        if (rep.spread() != null && rep.spread().lower() != null && rep.spread().upper() != null) {
          // the envelope of the credible estimates' intervals (RESULT.json spread.lower/upper)
          byKey.put(
              "spread envelope",
              new Interval(
                  rep.recommended() == null ? rep.spread().lowest() : rep.recommended().total(),
                  rep.spread().lower(),
                  rep.spread().upper()));
        }
        for (Map.Entry<String, Interval> e : byKey.entrySet()) {
          Interval est = e.getValue();
          double[] s = stats.computeIfAbsent(e.getKey(), k -> new double[3]);
          boolean covered =
              est.lower() != null
                  && est.upper() != null
                  && est.lower() <= pop.size()
                  && pop.size() <= est.upper();
          s[0] += covered ? 1 : 0;
          s[1] += (est.total() - pop.size()) / pop.size();
          s[2] += 1;
          if (est.lower() != null && est.upper() != null) {
            widths
                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add((est.upper() - est.lower()) / pop.size());
          }
        }
        double[] sofar = stats.getOrDefault("recommended", new double[3]);
        double[] own = stats.getOrDefault("recommended, own interval", new double[3]);
        System.err.printf(
            "%s: replicate %d of %d; recommended covers %d of %d (own interval %d); %s%n",
            pop.name(), r + 1, replicates, (int) sofar[0], (int) sofar[2], (int) own[0], verdicts);
      }
      double[] rec = stats.get("recommended");
      if (rec != null) {
        recommendedCovered += (int) rec[0];
        recommendedRuns += (int) rec[2];
        if (!pop.name().startsWith("hard")) {
          ordinaryCovered += (int) rec[0];
          ordinaryRuns += (int) rec[2];
        }
      }
      for (Map.Entry<String, double[]> e : stats.entrySet()) {
        double[] s = e.getValue();
        List<Double> w = widths.getOrDefault(e.getKey(), List.of());
        w.sort(Double::compare);
        System.out.printf(
            Locale.ROOT,
            "| %s | %,d | %s | %.1f%% | %+.1f%% | %s | %d |%n",
            pop.name(),
            pop.size(),
            e.getKey(),
            100 * s[0] / s[2],
            100 * s[1] / s[2],
            w.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", w.get(w.size() / 2)),
            (int) s[2]);
      }
      System.out.printf(
          Locale.ROOT,
          "verdicts (%s): %s; refused replicates count in no coverage%n",
          pop.name(),
          verdicts);
    }
    System.out.println();
    System.out.println(pooled("recommended, ordinary scenarios", ordinaryCovered, ordinaryRuns));
    System.out.println(pooled("recommended, all scenarios", recommendedCovered, recommendedRuns));
  }

  private static String pooled(String what, int covered, int runs) {
    double p = (double) covered / runs;
    return String.format(
        Locale.ROOT,
        "%s: coverage %.1f%% (standard error %.1f points), %d of %d replicates",
        what,
        100 * p,
        100 * Math.sqrt(p * (1 - p) / runs),
        covered,
        runs);
  }

  /**
   * LCMCR alone on one scenario (1-based, in the order of {@link Populations#scenarios()}): one
   * line per replicate (posterior median, mean, 2.5% and 97.5% quantiles, R-hat) and a summary with
   * the standard errors of coverage and bias. The data sets depend only on SEED and the scenario,
   * so runs with different chain settings compare on the same tables.
   */
  static void lcmcrScenario(int scenario, int replicates, long seed, int[] run) {
    Populations pop = Populations.scenarios().get(scenario - 1);
    EstimationOptions d = EstimationOptions.defaults(seed);
    EstimationOptions options =
        d.withMethods(EnumSet.of(Method.LCMCR))
            .withLcmcr(
                run[0],
                run[1] > 0 ? run[1] : d.lcmcrBurnIn(),
                run[2] > 0 ? run[2] : d.lcmcrSamples(),
                run[3] > 0 ? run[3] : d.lcmcrThin(),
                d.lcmcrChains());
    System.out.printf(
        Locale.ROOT,
        "# %s, N = %d, seed %d, K = %s, burn-in %d, %d draws thinned by %d, %d chains%n",
        pop.name(),
        pop.size(),
        seed,
        run[0] > 0 ? Integer.toString(run[0]) : "default",
        options.lcmcrBurnIn(),
        options.lcmcrSamples(),
        options.lcmcrThin(),
        options.lcmcrChains());
    System.out.println("replicate\tdocumented\tmedian\tmean\tlower\tupper\trhat");
    SplittableRandom rng = new SplittableRandom(seed);
    double[] medianBias = new double[replicates];
    double[] meanBias = new double[replicates];
    int covered = 0;
    long start = System.nanoTime();
    for (int r = 0; r < replicates; r++) {
      CaptureTable t = pop.draw(rng);
      Estimate e = MultipleSystemsEstimation.estimate(t, options, m -> {}).estimates().get(0);
      double mean = ((Number) e.details().get("mean")).doubleValue();
      medianBias[r] = (e.total() - pop.size()) / pop.size();
      meanBias[r] = (mean - pop.size()) / pop.size();
      boolean in = e.lower() != null && e.lower() <= pop.size() && pop.size() <= e.upper();
      covered += in ? 1 : 0;
      System.out.printf(
          Locale.ROOT,
          "%d\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%.3f%n",
          r + 1,
          t.documented(),
          e.total(),
          mean,
          e.lower(),
          e.upper(),
          ((Number) e.details().get("rhat")).doubleValue());
    }
    double cov = (double) covered / replicates;
    System.out.printf(
        Locale.ROOT,
        "# coverage %.1f%% (SE %.1f) | relative bias of median %+.2f%% (SE %.2f), of mean %+.2f%%"
            + " (SE %.2f) | %d replicates, %.0f s%n",
        100 * cov,
        100 * Math.sqrt(cov * (1 - cov) / replicates),
        100 * mean(medianBias),
        100 * se(medianBias),
        100 * mean(meanBias),
        100 * se(meanBias),
        replicates,
        (System.nanoTime() - start) / 1e9);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double se(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1) / x.length);
  }

  /** A total and its interval, whatever gave them (an estimate, or the spread's envelope). */
  private record Interval(double total, Double lower, Double upper) {
    static Interval of(Estimate e) {
      return new Interval(e.total(), e.lower(), e.upper());
    }
  }

  private static String key(Estimate e) {
    if (e.method() != EstimationOptions.Method.LOGLINEAR) {
      return e.method().key();
    }
    String sel = e.selection() == null ? "" : e.selection();
    if (sel.startsWith("lowest BIC")) {
      return "loglinear BIC-best";
    }
    if (sel.startsWith("lowest AIC")) {
      return "loglinear AIC-best";
    }
    if (sel.startsWith("SparseMSE")) {
      return "loglinear SparseMSE";
    }
    return "loglinear " + e.model();
  }

  private static String summary(Estimate e) {
    return String.format(
        Locale.ROOT,
        "%s %s %.0f [%s, %s]",
        e.method().key(),
        e.model(),
        e.total(),
        e.lower() == null ? "?" : String.format(Locale.ROOT, "%.0f", e.lower()),
        e.upper() == null ? "?" : String.format(Locale.ROOT, "%.0f", e.upper()));
  }
}
