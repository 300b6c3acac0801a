package org.sijill.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.model.Patterns;

/**
 * Random record pairs, the non-match side of the fit: how many pairs the mode allows, and a seeded
 * sample of them giving u per field and level and the comparison vectors of the pairs left out of
 * the candidates.
 */
final class RandomPairs {
  private static final int U_SAMPLE = 200_000;

  /** Random pairs: u per field and level (add-half smoothed) and the vectors of non-candidates. */
  record Sample(double[][] u, Map<Long, double[]> patterns, int taken) {}

  private final Mode mode;
  private final long seed;

  RandomPairs(Mode mode, long seed) {
    this.mode = mode;
    this.seed = seed;
  }

  /** Number of pairs the mode allows among the records {@code sub} (null: all records). */
  long all(Records records, int[] sub) {
    long n = sub == null ? records.size : sub.length;
    if (mode != Mode.LINK) {
      return n * (n - 1) / 2;
    }
    long[] per = new long[records.sources.size()];
    if (sub == null) {
      for (int s : records.source) {
        per[s]++;
      }
    } else {
      for (int i : sub) {
        per[records.source[i]]++;
      }
    }
    long same = 0;
    for (long c : per) {
      same += c * (c - 1) / 2;
    }
    return n * (n - 1) / 2 - same;
  }

  /**
   * A sample of the pairs among the records {@code sub} (null: all records); {@code cand} sorted
   * keys holding every candidate pair among the drawn ones ({@link #drawnKeys}): all candidate
   * pairs, or only those.
   */
  Sample sample(Records records, List<FieldComparator> comps, long[] cand, int[] sub) {
    return sample(records, comps, cand, sub, null);
  }

  /**
   * As {@link #sample(Records, List, long[], int[])}, taking the comparison vectors of the drawn
   * pairs from {@code ahead} when it is given (it must have been started by {@link #ahead} on the
   * same records and comparators, with {@code sub} null): the same vectors, compared earlier.
   */
  Sample sample(Records records, List<FieldComparator> comps, long[] cand, int[] sub, Ahead ahead) {
    double[][] u = new double[comps.size()][];
    for (int f = 0; f < u.length; f++) {
      u[f] = new double[comps.get(f).levels()];
      Arrays.fill(u[f], 0.5);
    }
    Map<Long, double[]> pats = new HashMap<>();
    int taken = 0;
    if (ahead != null && sub != null) {
      throw new IllegalArgumentException("pairs compared ahead are drawn among all records");
    }
    Ahead work = ahead != null ? ahead : new Ahead(draw(records, sub), records.size, comps);
    long[] pat = work.patterns();
    long[] pairs = work.pairs;
    if (pairs.length > 0) {
      // whether each drawn pair is a candidate, looked up on every core (a binary search per pair
      // was a tenth of the step's samples when it ran on one thread, in the loop below)
      boolean[] candidate = new boolean[pairs.length];
      int[] row = rows(cand, records.size, pairs.length);
      IntStream.range(0, pairs.length)
          .parallel()
          .forEach(
              i -> {
                long k = Linker.key((int) (pairs[i] >>> 32), (int) pairs[i]);
                int r = (int) (k >>> 32);
                candidate[i] =
                    row == null
                        ? Arrays.binarySearch(cand, k) >= 0
                        : Arrays.binarySearch(cand, row[r], row[r + 1], k) >= 0;
              });
      for (int i = 0; i < pairs.length; i++) {
        for (int f = 0; f < u.length; f++) {
          int l = Patterns.level(pat[i], f);
          if (l >= 0) {
            u[f][l] += 1;
          }
        }
        if (!candidate[i]) {
          pats.computeIfAbsent(pat[i], k -> new double[1])[0]++;
          taken++;
        }
      }
    }
    return new Sample(normalise(u), pats, taken);
  }

  /**
   * Where each record's keys start in the sorted {@code cand} (a key's top half is its smaller
   * record), so that a drawn pair is looked up among its record's few candidates instead of all of
   * them: FEBRL3's 200,000 searches over 104,592 keys were 13–21 ms on its critical path
   * (docs/BENCHMARKS.md, "Session 14, lane S", round 2). Null when {@code cand} is large against
   * the {@code drawn} pairs (a million records): one pass over it would then cost more than the
   * searches it shortens.
   */
  private static int[] rows(long[] cand, int records, int drawn) {
    if (cand.length > 16L * drawn) {
      return null;
    }
    int[] row = new int[records + 1];
    for (long k : cand) {
      row[(int) (k >>> 32) + 1]++;
    }
    for (int r = 0; r < records; r++) {
      row[r + 1] += row[r];
    }
    return row;
  }

  /**
   * Starts comparing the random pairs among all records on a thread of its own, so that the
   * comparison overlaps blocking and the comparison of the candidate pairs (which do not keep both
   * cores busy all the time: merging and sorting keys and pairs run on one); {@link #sample} then
   * takes what is done and compares the rest on every core. The pairs drawn and their vectors are
   * the ones {@link #sample} would compare itself: only when they are compared changes.
   */
  Ahead ahead(Records records, List<FieldComparator> comps) {
    // the pairs are drawn on that thread too: 200,000 draws and their grouping by first record
    // were a few milliseconds of cold code on the main thread, before blocking could start
    Ahead a = new Ahead(comps);
    Thread t =
        new Thread(
            () -> {
              a.start(() -> draw(records, null), records.size);
              a.work();
            },
            "sijill-random-pairs");
    t.setDaemon(true);
    t.start();
    return a;
  }

  /**
   * The comparison vectors of drawn pairs, computed in chunks (in the order of their first record,
   * {@link #byFirst}) that any thread may claim: each chunk is compared once, by whichever thread
   * claims it first.
   */
  static final class Ahead {
    private static final int CHUNK = 2048;
    private final List<FieldComparator> comps;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();
    // set once by start(), read after started.await() (which orders the writes before the reads)
    private final CountDownLatch started = new CountDownLatch(1);
    long[] pairs;
    private int[] order;
    private long[] pat;
    private int chunks;
    private CountDownLatch done;

    /** The drawn {@code pairs} among {@code records} records, to compare on any thread. */
    Ahead(long[] pairs, int records, List<FieldComparator> comps) {
      this(comps);
      start(() -> pairs, records);
    }

    /** Pairs to come ({@link #start}); until then {@link #patterns} waits. */
    private Ahead(List<FieldComparator> comps) {
      this.comps = comps;
    }

    private void start(Supplier<long[]> draw, int records) {
      try {
        long[] drawn = draw.get();
        this.order = byFirst(drawn, records);
        this.pat = new long[drawn.length];
        this.chunks = (drawn.length + CHUNK - 1) / CHUNK;
        this.done = new CountDownLatch(chunks);
        this.pairs = drawn;
      } catch (Throwable e) {
        failed.compareAndSet(null, e);
        this.pairs = new long[0];
        this.order = new int[0];
        this.pat = new long[0];
        this.done = new CountDownLatch(0);
      } finally {
        started.countDown();
      }
    }

    /**
     * Claims and compares chunks until none is left. A chunk is compared one field at a time (all
     * its pairs for the first field, then the second…), which gives each field's vector bits as
     * {@link Linker#pattern} does pair by pair. Why: one comparator's code and memo tables stay in
     * the caches for a whole chunk instead of ten comparators taking turns on every pair.
     */
    void work() {
      FieldComparator[] fields = comps.toArray(new FieldComparator[0]);
      int[] first = new int[CHUNK];
      int[] second = new int[CHUNK];
      long[] chunk = new long[CHUNK];
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        try {
          int from = c * CHUNK;
          int n = Math.min(pairs.length, from + CHUNK) - from;
          for (int k = 0; k < n; k++) {
            long p = pairs[order[from + k]];
            first[k] = (int) (p >>> 32);
            second[k] = (int) p;
            chunk[k] = 0;
          }
          for (int f = 0; f < fields.length; f++) {
            FieldComparator comp = fields[f];
            for (int k = 0; k < n; k++) {
              int l = comp.level(first[k], second[k]);
              if (l >= 0) {
                chunk[k] = Patterns.set(chunk[k], f, l);
              }
            }
          }
          for (int k = 0; k < n; k++) {
            pat[order[from + k]] = chunk[k];
          }
        } catch (Throwable e) {
          failed.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }
    }

    /**
     * The vectors, aligned with {@link #pairs}: compares what is left on every core, then waits.
     */
    long[] patterns() {
      try {
        started.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LinkageException("interrupted while drawing the random pairs");
      }
      IntStream.rangeClosed(0, ForkJoinPool.getCommonPoolParallelism())
          .parallel()
          .forEach(x -> work());
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LinkageException("interrupted while comparing the random pairs");
      }
      Throwable e = failed.get();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      if (e != null) {
        throw new LinkageException("comparing the random pairs failed", e);
      }
      return pat;
    }
  }

  /**
   * Indexes of {@code pairs} grouped by their first record, in record order (a counting sort). Why
   * the pairs are compared in this order and counted in the order drawn: the comparators' memo
   * tables (levels and token similarities of frequent values, up to 16 MB per name field) are read
   * at [first value][second value], in the order drawn at a random place each time (20 of the 34
   * JFR samples of FEBRL3's random-pair step stood in those look-ups); grouped, one record's row
   * stays cached for all its pairs: about a third fewer samples in the step (docs/BENCHMARKS.md,
   * "Session 10"). The vectors are the same, each kept at its pair's place.
   */
  static int[] byFirst(long[] pairs, int records) {
    int[] start = new int[records + 1];
    for (long p : pairs) {
      start[(int) (p >>> 32) + 1]++;
    }
    for (int r = 0; r < records; r++) {
      start[r + 1] += start[r];
    }
    int[] order = new int[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      order[start[(int) (pairs[i] >>> 32)]++] = i;
    }
    return order;
  }

  /**
   * The random pairs {@link #sample} compares ({@code a << 32 | b}, in the order drawn): one
   * sequence fixed by the seed, so drawing again gives the same pairs.
   */
  long[] draw(Records records, int[] sub) {
    int n = sub == null ? records.size : sub.length;
    long possible = all(records, sub);
    if (n < 2 || possible <= 0) {
      return new long[0];
    }
    // The pairs are drawn in one sequence (the seed fixes them) and compared in parallel; the
    // counts are sums of whole numbers, so the result does not depend on the order.
    SplittableRandom rnd = new SplittableRandom(seed);
    int samples = (int) Math.min(U_SAMPLE, possible);
    LongList drawn = new LongList(samples);
    int tries = 0;
    for (int s = 0; s < samples && tries < samples * 50; tries++) {
      int a = sub == null ? rnd.nextInt(n) : sub[rnd.nextInt(n)];
      int b = sub == null ? rnd.nextInt(n) : sub[rnd.nextInt(n)];
      if (a == b || (mode == Mode.LINK && records.source[a] == records.source[b])) {
        continue;
      }
      s++;
      drawn.add(((long) a << 32) | b);
    }
    return drawn.toArray();
  }

  /** The pairs {@link #draw} gives as candidate keys ({@link Linker#key}), sorted and distinct. */
  long[] drawnKeys(Records records, int[] sub) {
    long[] d = draw(records, sub);
    LongList keys = new LongList(d.length);
    for (long p : d) {
      keys.add(Linker.key((int) (p >>> 32), (int) p));
    }
    return keys.sortedDistinct();
  }

  private static double[][] normalise(double[][] u) {
    for (double[] row : u) {
      double s = 0;
      for (double v : row) {
        s += v;
      }
      for (int k = 0; k < row.length; k++) {
        row[k] /= s;
      }
    }
    return u;
  }
}
