package org.sijill.media.pdq;

import java.util.Locale;

/**
 * A 256-bit PDQ hash. Bit {@code k} (0..255) lives in word {@code k / 64}; the hex form prints the
 * words from the highest to the lowest, so it reads as one 256-bit big-endian number whose bit
 * {@code k} is bit {@code k} of the hash — the same text the reference implementations print.
 */
public record PdqHash(long w0, long w1, long w2, long w3) {

  /** Hashes within this many differing bits are the same picture for PDQ (Meta's threshold). */
  public static final int MATCH_DISTANCE = 31;

  /** Parses 64 hexadecimal digits (either case). */
  public static PdqHash fromHex(String hex) {
    if (hex == null || hex.length() != 64) {
      throw new IllegalArgumentException(
          "a PDQ hash is 64 hexadecimal digits, got " + (hex == null ? "nothing" : hex.length()));
    }
    try {
      return new PdqHash(
          Long.parseUnsignedLong(hex.substring(48, 64), 16),
          Long.parseUnsignedLong(hex.substring(32, 48), 16),
          Long.parseUnsignedLong(hex.substring(16, 32), 16),
          Long.parseUnsignedLong(hex.substring(0, 16), 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a hexadecimal PDQ hash: " + hex, e);
    }
  }

  /** The hash whose bit {@code k} is set when {@code bits[k]}. */
  static PdqHash fromBits(boolean[] bits) {
    long[] w = new long[4];
    for (int k = 0; k < 256; k++) {
      if (bits[k]) {
        w[k >>> 6] |= 1L << (k & 63);
      }
    }
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  /** Word {@code i} (0..3) of the hash. */
  long word(int i) {
    return switch (i) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      case 3 -> w3;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  /** Whether bit {@code k} (0..255) is set. */
  public boolean bit(int k) {
    return ((word(k >>> 6) >>> (k & 63)) & 1L) != 0;
  }

  /** Number of differing bits (Hamming distance), 0..256. */
  public int distance(PdqHash o) {
    return Long.bitCount(w0 ^ o.w0)
        + Long.bitCount(w1 ^ o.w1)
        + Long.bitCount(w2 ^ o.w2)
        + Long.bitCount(w3 ^ o.w3);
  }

  /** 64 lower-case hexadecimal digits. */
  public String hex() {
    return String.format(Locale.ROOT, "%016x%016x%016x%016x", w3, w2, w1, w0);
  }

  @Override
  public String toString() {
    return hex();
  }
}
