package org.sijill.vault.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 section 2.1 Merkle tree hashing and proof verification, usable without a log: a third
 * party (or {@code vault import}) checks proofs with this class alone.
 *
 * <p>Leaf hash: SHA-256(0x00 || entry). Node hash: SHA-256(0x01 || left || right). The empty tree's
 * root is SHA-256 of nothing. Verification follows the algorithms of RFC 9162 sections 2.1.3.2 and
 * 2.1.4.2, and is strict: every hash is exactly 32 bytes, the index is below the size, and a proof
 * has exactly the length the tree shape requires (a padded or truncated proof is rejected, not
 * tolerated).
 */
public final class Merkle {
  /** Length in bytes of every hash in the tree. */
  public static final int HASH_LENGTH = 32;

  private Merkle() {}

  /** The root of the empty tree. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** SHA-256(0x00 || entry). */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest md = sha256();
    md.update((byte) 0x00);
    md.update(entry);
    return md.digest();
  }

  /** SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = sha256();
    md.update((byte) 0x01);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /**
   * Checks that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves
   * whose root is {@code root}.
   *
   * @throws ProofException naming why the proof fails
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || size <= 0 || index >= size) {
      throw new ProofException("leaf index " + index + " is not inside a tree of size " + size);
    }
    requireHash(leafHash, "leaf hash");
    requireHash(root, "root");
    proof.forEach(p -> requireHash(p, "proof element"));
    int expected = inclusionProofLength(index, size);
    if (proof.size() != expected) {
      throw new ProofException(
          "inclusion proof has " + proof.size() + " hashes, the tree shape needs " + expected);
    }
    byte[] computed = rootFromInclusion(index, size, leafHash, proof);
    if (!MessageDigest.isEqual(computed, root)) {
      throw new ProofException("inclusion proof does not lead to the root");
    }
  }

  /**
   * Checks that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of
   * {@code size2} leaves with root {@code root2}.
   *
   * @throws ProofException naming why the proof fails
   */
  public static void verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 <= 0) {
      throw new ProofException("a consistency proof from an empty tree proves nothing");
    }
    if (size2 < size1) {
      throw new ProofException("tree size went down from " + size1 + " to " + size2);
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new ProofException("trees of equal size need an empty consistency proof");
      }
      if (root1 == null || !MessageDigest.isEqual(root1, root2)) {
        throw new ProofException("trees of equal size have different roots");
      }
      // Identical trees are consistent whatever their roots' form, as the reference vectors
      // expect; any real proof below is held to 32-byte hashes.
      return;
    }
    requireHash(root1, "first root");
    requireHash(root2, "second root");
    proof.forEach(p -> requireHash(p, "proof element"));
    int expected = consistencyProofLength(size1, size2);
    if (proof.size() != expected) {
      throw new ProofException(
          "consistency proof has " + proof.size() + " hashes, the tree shapes need " + expected);
    }
    // RFC 9162 2.1.4.2. When size1 is a power of two its root is itself the first hash.
    byte[][] path;
    if (Long.bitCount(size1) == 1) {
      path = new byte[proof.size() + 1][];
      path[0] = root1;
      for (int i = 0; i < proof.size(); i++) {
        path[i + 1] = proof.get(i);
      }
    } else {
      path = proof.toArray(new byte[0][]);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path[0];
    byte[] sr = path[0];
    for (int i = 1; i < path.length; i++) {
      byte[] c = path[i];
      if (sn == 0) {
        throw new ProofException("consistency proof is longer than the tree");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException("consistency proof is shorter than the tree");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new ProofException("consistency proof does not lead to the first root");
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new ProofException("consistency proof does not lead to the second root");
    }
  }

  /** The root implied by an inclusion proof (RFC 9162 2.1.3.2), without comparing it. */
  static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        throw new ProofException("inclusion proof is longer than the tree");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException("inclusion proof is shorter than the tree");
    }
    return r;
  }

  /** Number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size}. */
  static int inclusionProofLength(long index, long size) {
    // Levels where the path to the root has a sibling: the bits below the highest bit in which
    // index and the last index differ, plus the right-border levels above it that have a left
    // sibling.
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = Long.bitCount(index >>> inner);
    return inner + border;
  }

  /** Number of hashes in the consistency proof between trees of size1 and size2 leaves. */
  static int consistencyProofLength(long size1, long size2) {
    // Work at the level where size1 ends on a whole subtree: below it the two trees share
    // every node. The proof is then an inclusion proof of that subtree's node in the larger
    // tree, plus the node itself unless it is the whole first tree (size1 a power of two).
    int level = Long.numberOfTrailingZeros(size1);
    long index = (size1 - 1) >>> level;
    long size = ((size2 - 1) >>> level) + 1;
    return (index == 0 ? 0 : 1) + inclusionProofLength(index, size);
  }

  private static void requireHash(byte[] h, String what) {
    if (h == null || h.length != HASH_LENGTH) {
      throw new ProofException(
          what + " must be " + HASH_LENGTH + " bytes, is " + (h == null ? 0 : h.length));
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  static boolean equal(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }
}
