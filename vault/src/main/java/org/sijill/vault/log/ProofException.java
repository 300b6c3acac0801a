package org.sijill.vault.log;

/** A Merkle proof, checkpoint or signature that does not verify; the message says why. */
public final class ProofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProofException(String message) {
    super(message);
  }
}
