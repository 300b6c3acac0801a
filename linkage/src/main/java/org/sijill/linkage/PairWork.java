package org.sijill.linkage;

import java.util.Map;
import java.util.stream.IntStream;

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

  /** The comparison vector of each pair, aligned with {@code pairs}. */
  long[] patterns(Prepared p, long[] pairs);

  /** The match log-odds of each pair, aligned with {@code pairs}. */
  float[] score(Prepared p, long[] pairs, long[] patterns, PairScores scores);

  /** Releases what the engine holds (a Spark session). */
  @Override
  default void close() {}

  /** In this process, on all cores. */
  PairWork LOCAL =
      new PairWork() {
        @Override
        public Candidates candidates(Prepared p) {
          Blocker.Candidates c = p.blocker().candidates(p.records);
          return new Candidates(c.pairs(), c.perKey());
        }

        @Override
        public long[] patterns(Prepared p, long[] pairs) {
          long[] out = new long[pairs.length];
          IntStream.range(0, pairs.length)
              .parallel()
              .forEach(i -> out[i] = p.pattern((int) (pairs[i] >>> 32), (int) pairs[i]));
          return out;
        }

        @Override
        public float[] score(Prepared p, long[] pairs, long[] patterns, PairScores scores) {
          float[] out = new float[pairs.length];
          IntStream.range(0, pairs.length)
              .parallel()
              .forEach(i -> out[i] = scores.logit(p, pairs[i], patterns[i]));
          return out;
        }
      };
}
