package org.sijill.linkage.model;

/**
 * A comparison vector packed into a long: 3 bits per field holding level + 1 (0 = missing). EM
 * works on the distinct vectors with their counts, which are few (hundreds) even for millions of
 * pairs.
 */
public final class Patterns {
  private Patterns() {}

  public static long set(long pattern, int field, int level) {
    return pattern | ((long) (level + 1) << (3 * field));
  }

  /** The level of {@code field}, or -1 when missing. */
  public static int level(long pattern, int field) {
    return (int) ((pattern >>> (3 * field)) & 7) - 1;
  }
}
