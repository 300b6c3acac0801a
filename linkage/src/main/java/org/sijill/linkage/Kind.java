package org.sijill.linkage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a field is compared (the {@code kind} of a settings field). */
public enum Kind {
  /** Proper names of people or places, Arabic script or Latin; order- and spelling-tolerant. */
  NAME,
  /** Free text: equal, one edit apart, or similar (Jaro-Winkler). */
  TEXT,
  /** Equal or not (codes, sex, status). */
  EXACT,
  /** Graded by the absolute difference (0, ≤ 1, ≤ 3). */
  NUMBER,
  /** Graded by days apart; partial dates (yyyy-MM, yyyy) agree with the dates they contain. */
  DATE;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Kind of(String key) {
    for (Kind k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind \""
            + key
            + "\" (one of "
            + Arrays.stream(values()).map(Kind::key).collect(Collectors.joining(", "))
            + ")");
  }
}
