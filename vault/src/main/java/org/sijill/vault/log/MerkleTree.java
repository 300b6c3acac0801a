package org.sijill.vault.log;

import java.util.List;

/**
 * An RFC 9162 Merkle tree over leaves given up front, for anything that publishes a list and wants
 * the same proofs as the custody log: the roots of its prefixes, inclusion proofs and consistency
 * proofs. The hashing is {@link Merkle}'s; the tree is the custody log's own in-memory tree, so the
 * two can never disagree on a proof.
 */
public final class MerkleTree {
  private final HashTree tree = new HashTree();

  /** A tree whose leaves are the given entries, in order (each hashed as SHA-256(0x00 || e)). */
  public static MerkleTree ofEntries(List<byte[]> entries) {
    MerkleTree t = new MerkleTree();
    entries.forEach(e -> t.tree.append(Merkle.leafHash(e)));
    return t;
  }

  public long size() {
    return tree.size();
  }

  /** The root of the first {@code n} leaves (the empty tree's root for 0). */
  public byte[] root(long n) {
    return tree.root(n);
  }

  /** The root of the whole tree. */
  public byte[] root() {
    return tree.root(tree.size());
  }

  /** The audit path of leaf {@code index} in the whole tree, leaf to root. */
  public List<byte[]> inclusionProof(long index) {
    return tree.inclusionProof(index, tree.size());
  }

  /** The proof that the first {@code size1} leaves are a prefix of the whole tree. */
  public List<byte[]> consistencyProof(long size1) {
    return tree.consistencyProof(size1, tree.size());
  }
}
