package org.sijill.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.pairs.KeptPairs;
import org.sijill.linkage.pairs.PairScores;
import org.sijill.linkage.pairs.PairWork;
import org.sijill.linkage.pairs.Prepared;

/**
 * The pair-level work of a linkage run on Spark: blocking keys are emitted on executors and grouped
 * by a shuffle on the block key (the keyed join), each block's pairs are formed there by the
 * single-machine rules, a second shuffle on the pair brings duplicates together, and the comparison
 * vectors are computed where the pairs are. The pairs then stay there, on disk ({@link #keep},
 * {@link ExecutorPairs}): the driver gets counts of their vectors for EM and, after scoring on the
 * executors, only the pairs that can matter to the clustering and the outputs. With decisions the
 * {@link org.sijill.linkage.Linker} asks for every pair instead ({@link #candidates}): the sorted
 * distinct pairs with their vectors, then their scores, in the single-machine engine's order.
 *
 * <p>Every executor holds the prepared records ({@link Prepared}), built once per executor JVM from
 * a broadcast of the input rows; in local mode the driver's copy is reused.
 */
public final class SparkPairWork implements PairWork {
  /** Prepared records per run, one copy per JVM (driver and executors). */
  private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

  /** Pair ranges per partition of the pair shuffle: smooths the hashing of ranges to partitions. */
  private static final int RANGES_PER_PARTITION = 4;

  private final transient SparkSession spark;
  private final transient JavaSparkContext jsc;
  private final int partitions;
  private final boolean reuseDriverCopy;
  private final transient Consumer<String> progress;
  private final transient boolean ownsSession;

  private transient String runId;
  private transient Broadcast<Job> job;
  private transient JavaRDD<Chunk> chunks;
  private transient long[] candidatePairs;
  private transient long[] candidatePatterns;
  private transient Stats stats = new Stats();
  private transient CollectionAccumulator<long[]> blockStats;
  private transient LongAccumulator keyCount;
  private transient LongAccumulator pairCount;
  private transient ExecutorPairs kept;

  /** What an executor needs to prepare the records itself. */
  record Job(String id, Settings settings, Mode mode, List<Source> sources)
      implements Serializable {}

  /** Sorted distinct pairs of one pair range, with their comparison vectors. */
  record Chunk(int range, long[] pairs, long[] patterns) implements Serializable {}

  /** Scores of one chunk. */
  record Scored(int range, float[] logit) implements Serializable {}

  /** Some pairs of one chunk with their log-odds. */
  record Picked(int range, long[] pairs, float[] logit) implements Serializable {}

  /** Shuffle and pair figures of the last run, for benchmarks. */
  public static final class Stats {
    public long blockingKeys;
    public long emittedPairs;
    public long distinctPairs;
  }

  private final transient ShuffleBytes shuffle = new ShuffleBytes();

  /**
   * @param partitions partitions of the key and pair shuffles (2-4 per executor core)
   * @param reuseDriverCopy let executors in the driver's JVM (local mode) use the driver's prepared
   *     records instead of preparing their own from the broadcast
   */
  public SparkPairWork(
      SparkSession spark,
      int partitions,
      boolean reuseDriverCopy,
      Consumer<String> progress,
      boolean ownsSession) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.partitions = Math.max(1, partitions);
    this.reuseDriverCopy = reuseDriverCopy;
    this.progress = progress;
    this.ownsSession = ownsSession;
    spark.sparkContext().addSparkListener(shuffle);
  }

  /** A local or cluster session for linkage ({@code master} null: as spark-submit set it). */
  public static SparkSession session(String master) {
    // With decisions the driver collects every candidate pair (16 bytes each): past ~700k records
    // that is more than Spark's default 1 GiB of task results (a 1M-record run failed there). An
    // explicit setting (spark-submit --conf, -Dspark.driver.maxResultSize) still wins.
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("sijill link")
            .config(
                "spark.driver.maxResultSize",
                System.getProperty("spark.driver.maxResultSize", "0"));
    if (master != null) {
      b.master(master);
      if (master.startsWith("local")) {
        b.config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false");
      }
    }
    return b.getOrCreate();
  }

  public Stats stats() {
    return stats;
  }

  @Override
  public Candidates candidates(Prepared p) {
    long t0 = System.nanoTime();
    compare(p);
    List<Chunk> got = new ArrayList<>(chunks.collect());
    got.sort(Comparator.comparingInt(Chunk::range));
    int total = 0;
    for (Chunk c : got) {
      total += c.pairs().length;
    }
    long[] all = new long[total];
    long[] pats = new long[total];
    int at = 0;
    for (int k = 0; k < got.size(); k++) {
      Chunk c = got.set(k, null); // let each chunk go once copied
      System.arraycopy(c.pairs(), 0, all, at, c.pairs().length);
      System.arraycopy(c.patterns(), 0, pats, at, c.patterns().length);
      at += c.pairs().length;
    }
    stats.distinctPairs = total;
    candidatePairs = all;
    candidatePatterns = pats;
    progress.accept(
        String.format(
            "spark: %,d blocking keys, %,d pairs emitted, %,d distinct, compared (%.1f s)",
            stats.blockingKeys, stats.emittedPairs, total, (System.nanoTime() - t0) / 1e9));
    return new Candidates(all, perKey(p));
  }

  /**
   * The candidate pairs stay on the executors ({@link KeptPairs}): their comparison vectors are
   * counted there, and they are scored there, sending back only the pairs that can matter.
   */
  @Override
  public KeptPairs keep(Prepared p) {
    long t0 = System.nanoTime();
    compare(p);
    ExecutorPairs kept =
        new ExecutorPairs(jsc, chunks, job, reuseDriverCopy, progress, () -> perKey(p));
    this.kept = kept;
    KeptPairs.Counted all = kept.counts(null); // runs the pipeline; the chunks stay on disk
    stats.distinctPairs = all.pairs();
    stats.blockingKeys = keyCount.value(); // the accumulators are complete once the pipeline ran
    stats.emittedPairs = pairCount.value();
    progress.accept(
        String.format(
            "spark: %,d blocking keys, %,d pairs emitted, %,d distinct, compared and counted"
                + " (%.1f s)",
            stats.blockingKeys, stats.emittedPairs, all.pairs(), (System.nanoTime() - t0) / 1e9));
    return kept;
  }

  private Map<String, long[]> perKey(Prepared p) {
    long[] sum = p.newBlockingStats();
    for (long[] s : blockStats.value()) {
      Prepared.addBlockingStats(sum, s);
    }
    stats.blockingKeys = keyCount.value();
    stats.emittedPairs = pairCount.value();
    return p.pairsPerBlockingKey(sum);
  }

  /**
   * Builds (lazily) the executors' candidate pairs with their comparison vectors, in chunks of one
   * pair range each, kept on disk once computed.
   */
  private void compare(Prepared p) {
    release();
    runId = UUID.randomUUID().toString();
    PREPARED.put(runId, p);
    job = jsc.broadcast(new Job(runId, p.settings(), p.mode(), p.sources()));
    stats = new Stats();
    int n = p.size();
    final Broadcast<Job> jb = job;
    final boolean reuse = reuseDriverCopy;
    final int ranges = partitions * RANGES_PER_PARTITION;
    blockStats = jsc.sc().collectionAccumulator("blocking stats");
    keyCount = jsc.sc().longAccumulator("blocking keys");
    pairCount = jsc.sc().longAccumulator("emitted pairs");
    final CollectionAccumulator<long[]> blockStats = this.blockStats;
    final LongAccumulator keyCount = this.keyCount;
    final LongAccumulator pairCount = this.pairCount;

    // 1. blocking keys, on executors, one slice of record indexes per partition
    final int parts = partitions;
    Dataset<Long> keys =
        spark
            .range(0, parts, 1, parts)
            .mapPartitions(
                (MapPartitionsFunction<Long, Long>)
                    it -> {
                      Prepared q = prepared(jb, reuse);
                      LongBuffer out = new LongBuffer();
                      while (it.hasNext()) {
                        long slice = it.next();
                        int from = (int) (slice * n / parts);
                        int to = (int) ((slice + 1) * n / parts);
                        for (int r = from; r < to; r++) {
                          q.blockingKeys(r, out::add);
                        }
                      }
                      keyCount.add(out.size());
                      return out.iterator();
                    },
                Encoders.LONG());

    // 2. the keyed join: all keys of a block in one partition, sorted; pairs formed per block
    Dataset<Long> pairs =
        keys.repartition(parts, functions.shiftrightunsigned(functions.col("value"), 24))
            .sortWithinPartitions("value")
            .mapPartitions(
                (MapPartitionsFunction<Long, Long>)
                    it ->
                        new BlockPairs(
                            prepared(jb, reuse),
                            it,
                            (st, emitted) -> {
                              blockStats.add(st);
                              pairCount.add(emitted);
                            }),
                Encoders.LONG());

    // 3. a shuffle on the pair (range of its first record): duplicates meet, sorted; comparison
    // vectors on executors. Ranges are contiguous in sort order within a partition.
    Dataset<Long> byPair =
        pairs
            .repartition(
                parts,
                functions
                    .shiftrightunsigned(functions.col("value"), 32)
                    .multiply((long) ranges)
                    .divide(Math.max(1, n))
                    .cast("int"))
            .sortWithinPartitions("value");
    chunks =
        byPair
            .toJavaRDD()
            .mapPartitions((Iterator<Long> it) -> new Chunks(prepared(jb, reuse), it, ranges, n))
            // on disk: at a million records they are gigabytes, and in local mode the executors
            // share the driver's heap
            .persist(StorageLevel.DISK_ONLY());
  }

  @Override
  public long[] patterns(Prepared p, long[] pairs) {
    if (pairs == candidatePairs) {
      return candidatePatterns;
    }
    // the candidates and pairs named by decisions: only the latter are compared here
    long[] out = new long[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      int at = candidatePairs == null ? -1 : Arrays.binarySearch(candidatePairs, pairs[i]);
      out[i] = at >= 0 ? candidatePatterns[at] : p.pattern((int) (pairs[i] >>> 32), (int) pairs[i]);
    }
    return out;
  }

  @Override
  public float[] score(Prepared p, long[] pairs, long[] patterns, PairScores scores) {
    if (pairs != candidatePairs || chunks == null) {
      return PairWork.LOCAL.score(p, pairs, patterns, scores);
    }
    long t0 = System.nanoTime();
    Broadcast<PairScores> sb = jsc.broadcast(scores);
    final Broadcast<Job> jb = job;
    final boolean reuse = reuseDriverCopy;
    List<Scored> got =
        new ArrayList<>(
            chunks
                .map(
                    c -> {
                      Prepared q = prepared(jb, reuse);
                      PairScores s = sb.value();
                      float[] out = new float[c.pairs().length];
                      for (int i = 0; i < out.length; i++) {
                        out[i] = s.logit(q, c.pairs()[i], c.patterns()[i]);
                      }
                      return new Scored(c.range(), out);
                    })
                .collect());
    got.sort(Comparator.comparingInt(Scored::range));
    float[] out = new float[pairs.length];
    int at = 0;
    for (Scored s : got) {
      System.arraycopy(s.logit(), 0, out, at, s.logit().length);
      at += s.logit().length;
    }
    if (at != pairs.length) {
      throw new IllegalStateException("scored " + at + " pairs of " + pairs.length);
    }
    sb.destroy();
    progress.accept(
        String.format("spark: scored %,d pairs (%.1f s)", at, (System.nanoTime() - t0) / 1e9));
    return out;
  }

  /** The prepared records of a run in this JVM: the driver's, or built from the broadcast. */
  static Prepared prepared(Broadcast<Job> job, boolean reuseDriverCopy) {
    Job j = job.value();
    if (reuseDriverCopy) {
      Prepared p = PREPARED.get(j.id());
      if (p != null) {
        return p;
      }
    }
    String key = j.id() + (reuseDriverCopy ? "" : "/executor");
    return PREPARED.computeIfAbsent(key, k -> Prepared.of(j.settings(), j.mode(), j.sources()));
  }

  private void release() {
    if (kept != null) {
      kept.release();
      kept = null;
    }
    if (chunks != null) {
      chunks.unpersist(false);
      chunks = null;
    }
    if (job != null) {
      job.destroy();
      job = null;
    }
    if (runId != null) {
      String id = runId;
      PREPARED.keySet().removeIf(k -> k.startsWith(id));
      runId = null;
    }
    candidatePairs = null;
    candidatePatterns = null;
  }

  @Override
  public void close() {
    progress.accept(
        String.format(
            "spark: shuffle %,.1f MB written, %,.1f MB read; this JVM's peak heap %,.0f MB",
            shuffle.written.get() / 1e6, shuffle.read.get() / 1e6, ShuffleBytes.peakHeap() / 1e6));
    spark.sparkContext().removeSparkListener(shuffle);
    release();
    if (ownsSession) {
      spark.stop();
    }
  }
}
