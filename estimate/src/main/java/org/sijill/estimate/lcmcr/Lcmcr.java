package org.sijill.estimate.lcmcr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.internal.EffectiveSampleSize;
import org.sijill.estimate.internal.McmcDiagnostics;

/**
 * Runs several LCMCR chains (in parallel when cores allow) and summarises the pooled posterior of
 * N: median, 2.5% and 97.5% quantiles, split R-hat and effective sample size.
 */
public final class Lcmcr {
  private Lcmcr() {}

  /**
   * Sampler settings; {@code seed} fixes every chain (chain i uses the i-th split seed). The
   * defaults users get live in {@link EstimationOptions#defaults}.
   */
  public record Config(
      int k,
      int burnIn,
      int samples,
      int thin,
      int chains,
      long seed,
      double aAlpha,
      double bAlpha) {

    Config withK(int newK) {
      return new Config(newK, burnIn, samples, thin, chains, seed, aAlpha, bAlpha);
    }

    public long sweepsPerChain() {
      return burnIn + (long) samples * thin;
    }
  }

  /** Posterior summary. {@code draws[c]} are the retained draws of N of chain c. */
  public record Result(
      Config config,
      double median,
      double lower,
      double upper,
      double mean,
      double rhat,
      double ess,
      long[][] draws,
      double seconds) {}

  public static Result run(CaptureTable table, Config cfg) {
    SplittableRandom seeds = new SplittableRandom(cfg.seed());
    long[] chainSeeds = new long[cfg.chains()];
    for (int c = 0; c < chainSeeds.length; c++) {
      chainSeeds[c] = seeds.nextLong();
    }
    long start = System.nanoTime();
    long[][] draws = new long[cfg.chains()][];
    int threads = Math.max(1, Math.min(cfg.chains(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < cfg.chains(); c++) {
        long s = chainSeeds[c];
        futures.add(pool.submit(() -> runChain(table, cfg, s)));
      }
      for (int c = 0; c < draws.length; c++) {
        draws[c] = futures.get(c).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("LCMCR interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("LCMCR chain failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] pooled = Arrays.stream(draws).flatMapToLong(Arrays::stream).asDoubleStream().toArray();
    Arrays.sort(pooled);
    double mean = Arrays.stream(pooled).average().orElse(Double.NaN);
    return new Result(
        cfg,
        McmcDiagnostics.quantile(pooled, 0.5),
        McmcDiagnostics.quantile(pooled, 0.025),
        McmcDiagnostics.quantile(pooled, 0.975),
        mean,
        McmcDiagnostics.splitRhat(draws),
        EffectiveSampleSize.of(draws),
        draws,
        seconds);
  }

  static long[] runChain(CaptureTable table, Config cfg, long seed) {
    LcmcrChain chain = new LcmcrChain(table, cfg.k(), cfg.aAlpha(), cfg.bAlpha(), seed);
    for (int i = 0; i < cfg.burnIn(); i++) {
      chain.sweep();
    }
    long[] out = new long[cfg.samples()];
    for (int s = 0; s < out.length; s++) {
      for (int i = 0; i < cfg.thin() - 1; i++) {
        chain.sweep();
      }
      out[s] = chain.sweep();
    }
    return out;
  }
}
