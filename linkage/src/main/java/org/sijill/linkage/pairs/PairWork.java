package org.sijill.linkage.pairs;

import java.util.Map;
import java.util.function.LongConsumer;
import org.sijill.linkage.Linker;
import org.sijill.linkage.blocking.Blocker;

/**
 * The pair-level work of a linkage run — candidate pairs, comparison vectors, scores — which the
 * single-machine engine does in this process ({@link #LOCAL}) and the Spark engine on executors.
 * The rest of the run (EM on counts of comparison vectors, clustering) is the {@link Linker}'s, so
 * engines that return the same arrays give the same clusters.
 */
public interface PairWork extends AutoCloseable {

  /**
   * Candidate pairs, sorted and distinct ({@code i << 32 | j}, {@code i < j}), and the pairs
   * emitted and skipped per blocking key.
   */
  record Candidates(long[] pairs, Map<String, long[]> perKey) {}

  Candidates candidates(Prepared p);

  /**
   * As {@link #candidates(Prepared)}, telling {@code done} how many blocking keys (several per
   * record) are blocked as the work goes; engines that cannot tell say nothing.
   */
  default Candidates candidates(Prepared p, LongConsumer done) {
    return candidates(p);
  }

  /** The comparison vector of each pair, aligned with {@code pairs}. */
  long[] patterns(Prepared p, long[] pairs);

  /** As {@link #patterns(Prepared, long[])}, telling {@code done} how many pairs are compared. */
  default long[] patterns(Prepared p, long[] pairs, LongConsumer done) {
    long[] out = patterns(p, pairs);
    done.accept(pairs.length);
    return out;
  }

  /** The match log-odds of each pair, aligned with {@code pairs}. */
  float[] score(Prepared p, long[] pairs, long[] patterns, PairScores scores);

  /** As {@link #score}, telling {@code done} how many pairs are scored. */
  default float[] score(
      Prepared p, long[] pairs, long[] patterns, PairScores scores, LongConsumer done) {
    float[] out = score(p, pairs, patterns, scores);
    done.accept(pairs.length);
    return out;
  }

  /**
   * The candidate pairs kept by the engine ({@link KeptPairs}) instead of returned whole; null when
   * the engine returns them whole (the single-machine engine: they are in its memory anyway).
   */
  default KeptPairs keep(Prepared p) {
    return null;
  }

  /** Pairs done between two progress reports of the local engine. */
  int CHUNK = 1 << 14;

  /** Releases what the engine holds (a Spark session). */
  @Override
  default void close() {}

  /** In this process, on all cores. */
  PairWork LOCAL =
      new PairWork() {
        @Override
        public Candidates candidates(Prepared p) {
          return candidates(p, done -> {});
        }

        @Override
        public Candidates candidates(Prepared p, LongConsumer done) {
          Blocker.Candidates c = p.blocker().candidates(p.records, done);
          return new Candidates(c.pairs(), c.perKey());
        }

        @Override
        public long[] patterns(Prepared p, long[] pairs) {
          return patterns(p, pairs, done -> {});
        }

        @Override
        public long[] patterns(Prepared p, long[] pairs, LongConsumer done) {
          long[] out = new long[pairs.length];
          // each pair's vector depends only on the pair, so the order does not change the result
          RecordOrder.forEachPair(
              p,
              pairs,
              done,
              i -> out[i] = p.pattern((int) (pairs[i] >>> 32), (int) pairs[i]),
              (from, to) -> p.touchPartners(pairs, from, to));
          return out;
        }

        @Override
        public float[] score(Prepared p, long[] pairs, long[] patterns, PairScores scores) {
          return score(p, pairs, patterns, scores, done -> {});
        }

        @Override
        public float[] score(
            Prepared p, long[] pairs, long[] patterns, PairScores scores, LongConsumer done) {
          float[] out = new float[pairs.length];
          RecordOrder.forEachPair(
              p,
              pairs,
              done,
              i -> out[i] = scores.logit(p, pairs[i], patterns[i]),
              (from, to) -> p.touchTermPartners(pairs, patterns, from, to));
          return out;
        }
      };
}
