package org.sijill.workflow;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.sijill.casefile.model.Vocabulary;

/** Checks of the values people type into the desk, each naming its field when it refuses. */
final class DeskInput {
  private DeskInput() {}

  /** A day known to some precision: 2025-03-07 (day), 2025-03 (month) or 2025 (year). */
  record Day(LocalDate date, String precision) {
    /** The last day the value may mean: the end of its month or year. */
    LocalDate last() {
      return switch (precision) {
        case "month" -> YearMonth.from(date).atEndOfMonth();
        case "year" -> date.withDayOfYear(date.lengthOfYear());
        default -> date;
      };
    }

    /** As typed: 2025-03-07, 2025-03 or 2025. */
    String text() {
      return switch (precision) {
        case "month" -> YearMonth.from(date).toString();
        case "year" -> Integer.toString(date.getYear());
        default -> date.toString();
      };
    }
  }

  /** Stripped text, or null when blank; refuses text longer than {@code max}. */
  static String text(String raw, String field, int max) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    if (s.length() > max) {
      throw new InvalidInputException(field, "at most " + max + " characters");
    }
    if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      throw new InvalidInputException(field, "contains control characters");
    }
    return s;
  }

  static Day day(String raw, String field) {
    String s = text(raw, field, 20);
    if (s == null) {
      return null;
    }
    try {
      if (s.matches("\\d{4}")) {
        return new Day(LocalDate.of(Integer.parseInt(s), 1, 1), "year");
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        return new Day(YearMonth.parse(s).atDay(1), "month");
      }
      return new Day(LocalDate.parse(s), "day");
    } catch (java.time.DateTimeException e) {
      throw new InvalidInputException(
          field, "'" + s + "' is not a day (2025-03-07), a month (2025-03) or a year (2025)");
    }
  }

  static LocalDate date(String raw, String field) {
    Day d = day(raw, field);
    return d == null ? null : d.date();
  }

  static Integer count(Integer value, String field) {
    if (value != null && value < 0) {
      throw new InvalidInputException(field, "must not be negative");
    }
    return value;
  }

  /** A value of a closed vocabulary, stored form, or null when blank. */
  static <E extends Enum<E> & Vocabulary> String oneOf(Class<E> type, String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.db().equals(v)) {
        return e.db();
      }
    }
    StringBuilder all = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      all.append(all.length() == 0 ? "" : ", ").append(e.db());
    }
    throw new InvalidInputException(
        field, "'" + abbreviate(raw.strip()) + "' is not one of " + all);
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
