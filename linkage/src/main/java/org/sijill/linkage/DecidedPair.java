package org.sijill.linkage;

/**
 * A must-link or cannot-link {@link Decision} resolved to the run's record indexes, {@code left <
 * right}: what blocking adds to the candidates and clustering obeys.
 */
record DecidedPair(int left, int right, boolean same) {
  long key() {
    return Linker.key(left, right);
  }
}
