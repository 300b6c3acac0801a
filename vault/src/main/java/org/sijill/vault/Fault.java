package org.sijill.vault;

/**
 * A problem found by {@link Vault#verify}: what is wrong and where.
 *
 * @param subject the thing at fault, e.g. {@code blob 3f2a…}, {@code log entry 12}, {@code
 *     checkpoint 40}, {@code evidence_item 7}
 * @param problem what is wrong with it
 */
public record Fault(String subject, String problem) {
  @Override
  public String toString() {
    return subject + ": " + problem;
  }
}
