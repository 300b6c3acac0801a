package org.sijill.bench.estimate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
 * {@code speed DATA_DIR}: LCMCR sweeps per second on Kosovo with K = 10, the exhaustive 5-list
 * log-linear search and dga on 5 lists (synthetic, and the sparse Netherlands table when present).
 */
final class SpeedBench {
  private SpeedBench() {}

  static void run(Path dataDir) {
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
