package org.sijill.vault;

/** A Merkle proof, checkpoint or signature that does not verify; the message says why. */
public final class ProofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProofException(String message) {
    super(message);
  }
}
