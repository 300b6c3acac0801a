package org.sijill.bench.linkage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Map;
import org.sijill.linkage.LinkResult;

/** What a benchmark run cost (wall, process CPU, peak heap) and its one result line. */
final class RunMeter {
  private RunMeter() {}

  static void report(String label, LinkResult r, PairMetrics m, double wall) {
    System.out.printf(
        Locale.ROOT,
        "%s: records=%d candidates=%d blocking-recall=%.4f P=%.4f R=%.4f F1=%.4f"
            + " clusters=%d persons=%d wall=%.1fs cpu=%.1fs peak-heap=%dMB%n",
        label,
        r.size(),
        m.candidatePairs(),
        m.blockingRecall(),
        m.precision(),
        m.recall(),
        m.f1(),
        m.clusters(),
        m.persons(),
        wall,
        (cpuNanos() - cpuAtStart) / 1e9,
        peakHeapMb());
    int width = r.pairsPerBlockingKey().keySet().stream().mapToInt(String::length).max().orElse(1);
    for (Map.Entry<String, long[]> e : r.pairsPerBlockingKey().entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "  key %-" + width + "s pairs %,d (skipped in oversized blocks %,d)%n",
          e.getKey(),
          e.getValue()[0],
          e.getValue()[1]);
    }
  }

  private static long cpuAtStart;

  /** Starts measuring a run: peaks reset, CPU counted from now. */
  static void start() {
    resetPeaks();
    cpuAtStart = cpuNanos();
  }

  /**
   * CPU time of this process (all threads): the machine may be shared, so wall time alone misleads.
   */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  static void log(long t0, String message) {
    // with the process CPU time since start(): on a shared machine wall time alone misleads
    System.err.printf(
        Locale.ROOT,
        "[%6.1fs cpu %6.1fs] %s%n",
        (System.nanoTime() - t0) / 1e9,
        (cpuNanos() - cpuAtStart) / 1e9,
        message);
  }

  private static void resetPeaks() {
    watchGcs();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    HEAP_BEFORE_GC.set(0);
  }

  /** Largest heap in use (all heap pools at one instant) seen just before a collection. */
  private static final java.util.concurrent.atomic.AtomicLong HEAP_BEFORE_GC =
      new java.util.concurrent.atomic.AtomicLong();

  private static boolean watching;

  /**
   * Why: the sum of each pool's own peak overstates the heap's peak (the young generation peaks
   * just before a collection empties it, the old generation later), so the figure reported is the
   * largest total over all heap pools taken at the same instant, just before a collection, when the
   * heap is fullest.
   */
  private static synchronized void watchGcs() {
    if (watching) {
      return;
    }
    watching = true;
    java.util.Set<String> heapPools = new java.util.HashSet<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof javax.management.NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, handback) -> {
              if (!com.sun.management.GarbageCollectionNotificationInfo
                  .GARBAGE_COLLECTION_NOTIFICATION
                  .equals(n.getType())) {
                return;
              }
              var info =
                  com.sun.management.GarbageCollectionNotificationInfo.from(
                      (javax.management.openmbean.CompositeData) n.getUserData());
              long used = 0;
              for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                  used += e.getValue().getUsed();
                }
              }
              HEAP_BEFORE_GC.accumulateAndGet(used, Math::max);
            },
            null,
            null);
      }
    }
  }

  /** Peak heap in MiB: the fullest the heap was at one instant (see {@link #watchGcs}). */
  private static long peakHeapMb() {
    long now = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        now += p.getUsage().getUsed();
      }
    }
    return Math.max(HEAP_BEFORE_GC.get(), now) / (1024 * 1024);
  }
}
