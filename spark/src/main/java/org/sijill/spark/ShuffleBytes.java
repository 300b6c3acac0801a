package org.sijill.spark;

/**
 * Shuffle bytes written and read by every task since the engine started (a Spark listener), and the
 * JVM's peak heap: the figures {@link SparkPairWork} reports after a run, for benchmarks.
 */
final class ShuffleBytes extends org.apache.spark.scheduler.SparkListener {
  final java.util.concurrent.atomic.AtomicLong written =
      new java.util.concurrent.atomic.AtomicLong();
  final java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();

  @Override
  public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      written.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
      read.addAndGet(end.taskMetrics().shuffleReadMetrics().totalBytesRead());
    }
  }

  /** Sum of the peak usage of the heap's memory pools (an upper bound of the peak heap). */
  static long peakHeap() {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean p :
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == java.lang.management.MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
