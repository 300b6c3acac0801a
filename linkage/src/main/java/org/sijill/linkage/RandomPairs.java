package org.sijill.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
    double[][] u = new double[comps.size()][];
    for (int f = 0; f < u.length; f++) {
      u[f] = new double[comps.get(f).levels()];
      Arrays.fill(u[f], 0.5);
    }
    Map<Long, double[]> pats = new HashMap<>();
    int taken = 0;
    long[] pairs = draw(records, sub);
    if (pairs.length > 0) {
      long[] pat = new long[pairs.length];
      int[] order = byFirst(pairs, records.size);
      IntStream.range(0, pairs.length)
          .parallel()
          .forEach(
              k -> {
                int i = order[k];
                pat[i] = Linker.pattern(comps, (int) (pairs[i] >>> 32), (int) pairs[i]);
              });
      for (int i = 0; i < pairs.length; i++) {
        for (int f = 0; f < u.length; f++) {
          int l = Patterns.level(pat[i], f);
          if (l >= 0) {
            u[f][l] += 1;
          }
        }
        int a = (int) (pairs[i] >>> 32);
        int b = (int) pairs[i];
        if (Arrays.binarySearch(cand, Linker.key(a, b)) < 0) {
          pats.computeIfAbsent(pat[i], k -> new double[1])[0]++;
          taken++;
        }
      }
    }
    return new Sample(normalise(u), pats, taken);
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
