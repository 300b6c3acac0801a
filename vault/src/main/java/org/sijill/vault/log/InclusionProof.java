package org.sijill.vault.log;

import java.util.List;

/**
 * Proof that a custody log entry is in the tree a signed checkpoint commits to.
 *
 * @param index the entry's position in the log
 * @param entry the entry's exact bytes (its leaf hash is SHA-256(0x00 || entry))
 * @param path the RFC 9162 audit path, leaf to root
 * @param checkpoint the signed note of a checkpoint whose size exceeds {@code index}
 * @param treeSize that checkpoint's size
 */
public record InclusionProof(
    long index, byte[] entry, List<byte[]> path, String checkpoint, long treeSize) {
  public InclusionProof {
    path = List.copyOf(path);
  }

  public byte[] leafHash() {
    return Merkle.leafHash(entry);
  }
}
