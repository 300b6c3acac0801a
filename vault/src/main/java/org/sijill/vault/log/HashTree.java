package org.sijill.vault.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The hashes of every complete, aligned subtree of an append-only Merkle tree, kept in memory so
 * that roots and proofs for any tree size cost O(log² n) hash lookups instead of rehashing the log.
 *
 * <p>Level L holds the roots of the subtrees of 2^L leaves starting at multiples of 2^L; level 0
 * holds the leaf hashes. Storage is about 64 bytes per leaf (32 MB per million entries at level 0,
 * the same again above it), which is why it is rebuilt from the log file rather than persisted; a
 * process keeps it between openings of the same log ({@link LogMemory}).
 *
 * <p>Not thread-safe; {@link CustodyLog} serialises access.
 */
final class HashTree {
  private final List<HashArray> levels = new ArrayList<>();
  private long size;

  long size() {
    return size;
  }

  /** Adds a leaf hash and the complete subtrees it closes. */
  void append(byte[] leafHash) {
    byte[] h = leafHash;
    long index = size;
    int level = 0;
    while (true) {
      if (levels.size() == level) {
        levels.add(new HashArray());
      }
      levels.get(level).add(h);
      if ((index & 1) == 0) {
        break;
      }
      h = Merkle.nodeHash(levels.get(level).get(index - 1), h);
      index >>= 1;
      level++;
    }
    size++;
  }

  byte[] leaf(long index) {
    return levels.get(0).get(index);
  }

  /** MTH of the first {@code n} leaves. */
  byte[] root(long n) {
    checkSize(n);
    return n == 0 ? Merkle.emptyRoot() : range(0, n);
  }

  /** RFC 9162 PATH(m, D[0:n]): the inclusion proof of leaf m in the tree of n leaves. */
  List<byte[]> inclusionProof(long m, long n) {
    checkSize(n);
    if (m < 0 || m >= n) {
      throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + n);
    }
    List<byte[]> out = new ArrayList<>();
    path(m, 0, n, out);
    return out;
  }

  /** RFC 9162 PROOF(m, D[0:n]): the consistency proof between the first m and n leaves. */
  List<byte[]> consistencyProof(long m, long n) {
    checkSize(n);
    if (m <= 0 || m > n) {
      throw new IllegalArgumentException("no consistency proof from size " + m + " to " + n);
    }
    List<byte[]> out = new ArrayList<>();
    subproof(m, 0, n, true, out);
    return out;
  }

  private void path(long m, long lo, long hi, List<byte[]> out) {
    long n = hi - lo;
    if (n == 1) {
      return;
    }
    long k = splitPoint(n);
    if (m < k) {
      path(m, lo, lo + k, out);
      out.add(range(lo + k, hi));
    } else {
      path(m - k, lo + k, hi, out);
      out.add(range(lo, lo + k));
    }
  }

  private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> out) {
    long n = hi - lo;
    if (m == n) {
      if (!whole) {
        out.add(range(lo, hi));
      }
      return;
    }
    long k = splitPoint(n);
    if (m <= k) {
      subproof(m, lo, lo + k, whole, out);
      out.add(range(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, out);
      out.add(range(lo, lo + k));
    }
  }

  /** MTH(D[lo:hi]) from the stored complete subtrees. */
  private byte[] range(long lo, long hi) {
    long n = hi - lo;
    if (Long.bitCount(n) == 1 && lo % n == 0) {
      return levels.get(Long.numberOfTrailingZeros(n)).get(lo / n);
    }
    long k = splitPoint(n);
    return Merkle.nodeHash(range(lo, lo + k), range(lo + k, hi));
  }

  /** The largest power of two strictly below n (n >= 2). */
  private static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }

  private void checkSize(long n) {
    if (n < 0 || n > size) {
      throw new IllegalArgumentException("tree size " + n + " outside 0.." + size);
    }
  }

  /** A growable array of 32-byte hashes in one backing array per 1024 hashes. */
  private static final class HashArray {
    private static final int CHUNK_SHIFT = 10;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private final List<byte[]> chunks = new ArrayList<>();
    private long count;

    void add(byte[] h) {
      int inChunk = (int) (count & (CHUNK - 1));
      if (inChunk == 0) {
        chunks.add(new byte[CHUNK * Merkle.HASH_LENGTH]);
      }
      System.arraycopy(
          h, 0, chunks.get(chunks.size() - 1), inChunk * Merkle.HASH_LENGTH, Merkle.HASH_LENGTH);
      count++;
    }

    byte[] get(long i) {
      byte[] chunk = chunks.get((int) (i >>> CHUNK_SHIFT));
      int off = (int) (i & (CHUNK - 1)) * Merkle.HASH_LENGTH;
      byte[] out = new byte[Merkle.HASH_LENGTH];
      System.arraycopy(chunk, off, out, 0, Merkle.HASH_LENGTH);
      return out;
    }
  }
}
