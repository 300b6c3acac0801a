package org.sijill.bench.estimate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.lcmcr.SamplerSpeed;

/**
 * Benchmarks of the estimate module, one mode per argument: {@code speed DATA_DIR} ({@link
 * SpeedBench}), {@code simulate REPLICATES SEED} ({@link CoverageSimulation}), {@code lcmcr
 * SCENARIO ...} ({@link LcmcrScenario}), {@code linkage}, {@code linkage-summary} and {@code
 * linkage-overhead} ({@link LinkageErrorStudy}), {@code linkage-draws} ({@link LinkageDrawCheck}),
 * {@code linkage-null} ({@link NullReplicates}), and {@code rate DATA_DIR SEED} (one timed LCMCR
 * chain, for bench/lcmcr-vs-r.sh).
 */
public final class EstimateBench {
  private EstimateBench() {}

  public static void main(String[] args) {
    if (args.length >= 2 && args[0].equals("speed")) {
      SpeedBench.run(Path.of(args[1]));
    } else if (args.length >= 3 && args[0].equals("simulate")) {
      CoverageSimulation.run(
          Integer.parseInt(args[1]), Long.parseLong(args[2]), args.length > 3 ? args[3] : "");
    } else if (args.length >= 3 && args[0].equals("heterogeneity")) {
      HeterogeneityScan.run(Integer.parseInt(args[1]), Long.parseLong(args[2]));
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
    } else if (args.length >= 3 && args[0].equals("linkage-calibrate")) {
      ReviewCalibrationCheck.run(
          Integer.parseInt(args[1]),
          Long.parseLong(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 2000,
          args.length > 4 ? Integer.parseInt(args[4]) : 8,
          args.length > 5 ? Integer.parseInt(args[5]) : 0,
          args.length > 6 ? Integer.parseInt(args[6]) : 30);
    } else if (args.length >= 3 && args[0].equals("linkage-null")) {
      NullReplicates.run(
          Integer.parseInt(args[1]),
          Long.parseLong(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 2000,
          args.length > 4 ? Integer.parseInt(args[4]) : 8,
          args.length > 5 ? Integer.parseInt(args[5]) : 0);
    } else if (args.length >= 3 && args[0].equals("linkage-draws")) {
      LinkageDrawCheck.run(
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
      LcmcrScenario.run(
          Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), run);
    } else {
      System.err.println(
          "usage: EstimateBench speed DATA_DIR | simulate REPLICATES SEED"
              + " | linkage SIMULATIONS SEED [POPULATION REPLICATES FIRST] | linkage-summary FILE..."
              + " | linkage-draws SIMULATIONS SEED [POPULATION REPLICATES FIRST]"
              + " | linkage-null SIMULATIONS SEED [POPULATION REPLICATES FIRST]"
              + " | lcmcr SCENARIO REPLICATES SEED [K BURN_IN SAMPLES THIN]");
      System.exit(2);
    }
  }
}
