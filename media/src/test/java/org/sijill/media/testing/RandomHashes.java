package org.sijill.media.testing;

import java.util.Random;
import org.sijill.media.pdq.PdqHash;

/** Random PDQ hashes and near copies of them, for index tests and benchmarks. */
public final class RandomHashes {
  private RandomHashes() {}

  /** A hash with 256 independent random bits. */
  public static PdqHash random(Random rnd) {
    return new PdqHash(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
  }

  /**
   * {@code h} with {@code bits} randomly chosen bits flipped; a bit chosen twice flips back, so the
   * distance to {@code h} is at most {@code bits}.
   */
  public static PdqHash flip(PdqHash h, int bits, Random rnd) {
    long[] w = {h.w0(), h.w1(), h.w2(), h.w3()};
    for (int i = 0; i < bits; i++) {
      int k = rnd.nextInt(256);
      w[k >>> 6] ^= 1L << (k & 63);
    }
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }
}
