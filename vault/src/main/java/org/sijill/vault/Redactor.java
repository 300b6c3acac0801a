package org.sijill.vault;

import java.util.Map;

/**
 * What a redacted export shows of each custody log entry: the case's policy (which sources are
 * public, which pseudonym stands for which witness) lives with the caller, the package format here.
 */
@FunctionalInterface
public interface Redactor {
  /**
   * The details to publish for {@code event}: its own details when nothing in them identifies
   * anyone (the entry then travels as its exact bytes, checkable against its leaf hash), or a
   * changed copy (the entry then travels redacted, with only its leaf hash to prove it).
   */
  Map<String, String> details(CustodyEvent event);
}
