package org.sijill.bench.estimate;

import java.util.EnumSet;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.EstimationOptions.Method;
import org.sijill.estimate.MultipleSystemsEstimation;

/** {@code lcmcr SCENARIO REPLICATES SEED [K BURN_IN SAMPLES THIN]}: LCMCR alone on one scenario. */
final class LcmcrScenario {
  private LcmcrScenario() {}

  /**
   * LCMCR alone on one scenario (1-based, in the order of {@link Populations#scenarios()}): one
   * line per replicate (posterior median, mean, 2.5% and 97.5% quantiles, R-hat) and a summary with
   * the standard errors of coverage and bias. The data sets depend only on SEED and the scenario,
   * so runs with different chain settings compare on the same tables.
   */
  static void run(int scenario, int replicates, long seed, int[] run) {
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
}
