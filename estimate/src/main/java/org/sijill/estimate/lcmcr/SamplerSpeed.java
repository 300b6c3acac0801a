package org.sijill.estimate.lcmcr;

import org.sijill.estimate.CaptureTable;

/**
 * Measures the LCMCR Gibbs sampler alone, one chain on one thread, for the speed benchmark
 * (bench/estimate.sh). Not needed to estimate anything.
 */
public final class SamplerSpeed {
  private SamplerSpeed() {}

  /**
   * Sweeps per second: by the wall clock, and by the thread's CPU time (robust to a busy machine).
   */
  public record Rate(double wall, double cpu) {}

  /** Sweeps per second of one chain with K classes, after {@code warmup} untimed sweeps. */
  public static Rate lcmcrSweepsPerSecond(
      CaptureTable table, int k, long warmup, long sweeps, long seed) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    LcmcrChain chain = new LcmcrChain(table, k, 0.25, 0.25, seed);
    long sink = 0;
    for (long i = 0; i < warmup; i++) {
      sink += chain.sweep();
    }
    long start = System.nanoTime();
    long cpuStart = mx.getCurrentThreadCpuTime();
    for (long i = 0; i < sweeps; i++) {
      sink += chain.sweep();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    if (sink == Long.MIN_VALUE) {
      throw new AssertionError(); // keeps the loop from being optimised away
    }
    return new Rate(sweeps / seconds, sweeps / cpu);
  }
}
