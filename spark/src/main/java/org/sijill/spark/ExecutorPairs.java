package org.sijill.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sijill.linkage.model.PatternCounts;
import org.sijill.linkage.pairs.KeptPairs;
import org.sijill.linkage.pairs.PairScores;
import org.sijill.linkage.pairs.Prepared;
import org.sijill.spark.SparkPairWork.Chunk;

/**
 * The candidate pairs as the executors keep them: every question is a pass over the chunks on disk
 * that sends back counts or a few pairs.
 */
final class ExecutorPairs implements KeptPairs {
  private final JavaSparkContext jsc;
  private final JavaRDD<SparkPairWork.Chunk> chunks;
  private final Broadcast<SparkPairWork.Job> job;
  private final boolean reuseDriverCopy;
  private final Consumer<String> progress;
  private final Supplier<Map<String, long[]>> perKey;
  private Broadcast<PairScores> keptScores;
  private long count = -1;

  ExecutorPairs(
      JavaSparkContext jsc,
      JavaRDD<SparkPairWork.Chunk> chunks,
      Broadcast<SparkPairWork.Job> job,
      boolean reuseDriverCopy,
      Consumer<String> progress,
      Supplier<Map<String, long[]>> perKey) {
    this.jsc = jsc;
    this.chunks = chunks;
    this.job = job;
    this.reuseDriverCopy = reuseDriverCopy;
    this.progress = progress;
    this.perKey = perKey;
  }

  /** Lets go of the scores sent to the executors. */
  void release() {
    if (keptScores != null) {
      keptScores.destroy();
      keptScores = null;
    }
  }

  @Override
  public long count() {
    if (count < 0) {
      counts(null);
    }
    return count;
  }

  @Override
  public Map<String, long[]> perKey() {
    return perKey.get();
  }

  @Override
  public Counted counts(boolean[] in) {
    Broadcast<boolean[]> within = in == null ? null : jsc.broadcast(in);
    List<long[]> got =
        chunks.map(c -> countChunk(c, within == null ? null : within.value())).collect();
    // per distinct vector: its count and its first pair over all chunks
    Map<Long, long[]> all = new java.util.HashMap<>();
    long pairs = 0;
    for (long[] t : got) {
      for (int k = 0; k < t.length; k += 3) {
        long[] e = all.computeIfAbsent(t[k], x -> new long[] {0, Long.MAX_VALUE});
        e[0] += t[k + 1];
        e[1] = Math.min(e[1], t[k + 2]);
        pairs += t[k + 1];
      }
    }
    List<Map.Entry<Long, long[]>> order = new ArrayList<>(all.entrySet());
    order.sort(Comparator.comparingLong(e -> e.getValue()[1]));
    PatternCounts counts = new PatternCounts();
    for (Map.Entry<Long, long[]> e : order) {
      counts.add(e.getKey(), e.getValue()[0]);
    }
    if (within != null) {
      within.destroy();
    } else {
      count = pairs;
    }
    return new Counted(counts, pairs);
  }

  @Override
  public long[] among(long[] keys) {
    Broadcast<long[]> kb = jsc.broadcast(keys);
    List<long[]> got = chunks.map(c -> amongChunk(c, kb.value())).collect();
    kb.destroy();
    LongBuffer out = new LongBuffer();
    for (long[] g : got) {
      for (long k : g) {
        out.add(k);
      }
    }
    long[] a = out.toArray();
    Arrays.sort(a);
    return a;
  }

  @Override
  public Scored scored(PairScores scores, double atLeast) {
    long t0 = System.nanoTime();
    if (keptScores != null) {
      keptScores.destroy();
    }
    keptScores = jsc.broadcast(scores);
    final Broadcast<PairScores> sb = keptScores;
    final Broadcast<SparkPairWork.Job> jb = job;
    final boolean reuse = reuseDriverCopy;
    Scored out =
        picked(
            chunks
                .map(c -> pick(SparkPairWork.prepared(jb, reuse), sb.value(), c, atLeast, null))
                .collect());
    progress.accept(
        String.format(
            "spark: scored %,d pairs, %,d at or above log-odds %.2f back (%.1f s)",
            count(), out.pairs().length, atLeast, (System.nanoTime() - t0) / 1e9));
    return out;
  }

  @Override
  public Scored within(int[] group) {
    Broadcast<int[]> gb = jsc.broadcast(group);
    final Broadcast<PairScores> sb = keptScores;
    final Broadcast<SparkPairWork.Job> jb = job;
    final boolean reuse = reuseDriverCopy;
    Scored out =
        picked(
            chunks
                .map(
                    c ->
                        pick(
                            SparkPairWork.prepared(jb, reuse),
                            sb.value(),
                            c,
                            Double.POSITIVE_INFINITY,
                            gb.value()))
                .collect());
    gb.destroy();
    return out;
  }

  /** Distinct vectors of a chunk's pairs inside {@code in}: (vector, count, first pair) each. */
  static long[] countChunk(SparkPairWork.Chunk c, boolean[] in) {
    PatternCounts counts = new PatternCounts();
    PatternCounts first = new PatternCounts(); // index of the first pair + 1
    long[] ps = c.pairs();
    long[] pats = c.patterns();
    for (int i = 0; i < ps.length; i++) {
      if (in == null || (in[(int) (ps[i] >>> 32)] && in[(int) ps[i]])) {
        if (first.count(pats[i]) == 0) {
          first.add(pats[i], i + 1);
        }
        counts.add(pats[i], 1);
      }
    }
    Map<Long, double[]> m = counts.toMap();
    long[] out = new long[3 * m.size()];
    int k = 0;
    for (Map.Entry<Long, double[]> e : m.entrySet()) {
      out[k++] = e.getKey();
      out[k++] = (long) e.getValue()[0];
      out[k++] = ps[(int) first.count(e.getKey()) - 1];
    }
    return out;
  }

  /** The pairs of a chunk among the sorted {@code keys}. */
  static long[] amongChunk(SparkPairWork.Chunk c, long[] keys) {
    LongBuffer out = new LongBuffer();
    long[] ps = c.pairs();
    int j = 0;
    for (int i = 0; i < ps.length && j < keys.length; i++) {
      while (j < keys.length && keys[j] < ps[i]) {
        j++;
      }
      if (j < keys.length && keys[j] == ps[i]) {
        out.add(ps[i]);
      }
    }
    return out.toArray();
  }

  /**
   * The pairs of a chunk with log-odds at least {@code atLeast}, or (group not null) with both
   * records in one group.
   */
  static SparkPairWork.Picked pick(Prepared q, PairScores s, Chunk c, double atLeast, int[] group) {
    LongBuffer pairs = new LongBuffer();
    float[] logit = new float[16];
    int n = 0;
    long[] ps = c.pairs();
    long[] pats = c.patterns();
    for (int i = 0; i < ps.length; i++) {
      int a = (int) (ps[i] >>> 32);
      int b = (int) ps[i];
      if (group != null && (group[a] < 0 || group[a] != group[b])) {
        continue;
      }
      float l = s.logit(q, ps[i], pats[i]);
      if (group != null || l >= atLeast) {
        if (n == logit.length) {
          logit = Arrays.copyOf(logit, 2 * n);
        }
        pairs.add(ps[i]);
        logit[n++] = l;
      }
    }
    return new SparkPairWork.Picked(c.range(), pairs.toArray(), Arrays.copyOf(logit, n));
  }

  /** The picked pairs of every chunk, in pair order. */
  private static KeptPairs.Scored picked(List<SparkPairWork.Picked> got) {
    List<SparkPairWork.Picked> sorted = new ArrayList<>(got);
    sorted.sort(Comparator.comparingInt(SparkPairWork.Picked::range));
    int total = 0;
    for (SparkPairWork.Picked x : sorted) {
      total += x.pairs().length;
    }
    long[] pairs = new long[total];
    float[] logit = new float[total];
    int at = 0;
    for (SparkPairWork.Picked x : sorted) {
      System.arraycopy(x.pairs(), 0, pairs, at, x.pairs().length);
      System.arraycopy(x.logit(), 0, logit, at, x.logit().length);
      at += x.pairs().length;
    }
    return new KeptPairs.Scored(pairs, logit);
  }
}
