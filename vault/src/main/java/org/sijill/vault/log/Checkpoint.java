package org.sijill.vault.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A log head in the C2SP tlog-checkpoint format: the body of a signed note made of three lines, the
 * log's origin, its size in decimal, and the base64 RFC 9162 root hash.
 *
 * @param origin unique name of the log (also the signing key's name)
 * @param size number of entries
 * @param root 32-byte root hash of those entries
 */
public record Checkpoint(String origin, long size, byte[] root) {
  public Checkpoint {
    if (origin.isEmpty() || origin.contains("\n") || origin.contains("+") || origin.contains(" ")) {
      throw new IllegalArgumentException("bad checkpoint origin: " + origin);
    }
    if (size < 0 || root.length != Merkle.HASH_LENGTH) {
      throw new IllegalArgumentException("bad checkpoint size or root");
    }
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  /** The note text the signature covers: three lines, each ending in a newline. */
  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
  }

  /** Parses a checkpoint body (the text above a note's blank line). */
  static Checkpoint parseBody(String body) {
    String[] lines = body.split("\n", -1);
    if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
      throw new ProofException("checkpoint needs origin, size and root lines ending in newlines");
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new ProofException("checkpoint size is not a number: " + lines[1]);
    }
    if (size < 0 || !lines[1].equals(Long.toString(size))) {
      throw new ProofException("checkpoint size is not a canonical decimal: " + lines[1]);
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new ProofException("checkpoint root is not base64");
    }
    if (root.length != Merkle.HASH_LENGTH) {
      throw new ProofException("checkpoint root is not 32 bytes");
    }
    try {
      return new Checkpoint(lines[0], size, root);
    } catch (IllegalArgumentException e) {
      throw new ProofException(e.getMessage());
    }
  }
}
