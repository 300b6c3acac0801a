package org.sijill.casefile.model;

import java.util.Locale;

/**
 * A closed vocabulary stored as lower-case text (the database checks the same values). Enum
 * constants map to their lower-case names: {@code DOCUMENTATION_GROUP} ↔ {@code
 * documentation_group}.
 */
public interface Vocabulary {
  String name();

  /** The value as stored and as shown in the API. */
  default String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a stored or user-supplied value, case-insensitively. */
  static <E extends Enum<E> & Vocabulary> E parse(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.db().equalsIgnoreCase(value.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }
}
