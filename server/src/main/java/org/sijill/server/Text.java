package org.sijill.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers the templates share. */
final class Text {
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Text() {}

  /**
   * Whether a text is written (at least partly) in Arabic script, so that a template can mark it
   * {@code lang="ar"}; the direction itself is left to {@code dir="auto"}, which also handles a
   * Latin name inside an Arabic page.
   */
  static boolean isArabic(String s) {
    if (s == null) {
      return false;
    }
    return s.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
  }

  /** {@code "ar"} for Arabic-script text, else {@code null} (JTE then leaves the attribute out). */
  static String lang(String s) {
    return isArabic(s) ? "ar" : null;
  }

  /** A date as precise as it is known: "March 2025" when only the month is. */
  static String date(LocalDate date, String precision) {
    if (date == null) {
      return "unknown";
    }
    if ("year".equals(precision)) {
      return Integer.toString(date.getYear());
    }
    return "month".equals(precision) ? MONTH.format(date) : DAY.format(date);
  }

  /**
   * A date as precise as it is known, in the reader's language: month names in Arabic on an Arabic
   * page ("6 مارس 2025"), the digits stay Western Arabic (as the rest of the pages write numbers).
   */
  static String date(LocalDate date, String precision, Labels t) {
    if (t.language() == Labels.Language.EN) {
      return date(date, precision);
    }
    if (date == null) {
      return t.get("text.unknown");
    }
    if ("year".equals(precision)) {
      return Integer.toString(date.getYear());
    }
    Locale locale = Locale.forLanguageTag(t.language().code());
    return DateTimeFormatter.ofPattern(
            "month".equals(precision) ? "MMMM yyyy" : "d MMMM yyyy", locale)
        .format(date);
  }

  /** {@link #casualties(Integer, Integer, Integer)} in the reader's language. */
  static String casualties(Integer best, Integer low, Integer high, Labels t) {
    if (t.language() == Labels.Language.EN) {
      return casualties(best, low, high);
    }
    if (best == null && low == null && high == null) {
      return t.get("text.unknown");
    }
    String range =
        low != null && high != null
            ? number(low) + "–" + number(high)
            : low != null
                ? t.get("text.at.least", number(low))
                : high != null ? t.get("text.up.to", number(high)) : "";
    if (best == null) {
      return range;
    }
    return range.isEmpty() ? number(best) : number(best) + " (" + range + ")";
  }

  static String instant(Instant at) {
    return at == null ? "" : STAMP.format(at);
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "12 (10–15)", "at least 10", or "unknown". */
  static String casualties(Integer best, Integer low, Integer high) {
    if (best == null && low == null && high == null) {
      return "unknown";
    }
    String range =
        low != null && high != null
            ? number(low) + "–" + number(high)
            : low != null ? "at least " + number(low) : high != null ? "up to " + number(high) : "";
    if (best == null) {
      return range;
    }
    return range.isEmpty() ? number(best) : number(best) + " (" + range + ")";
  }

  /** A stored vocabulary value for people: {@code under_review} → "under review". */
  static String words(String value) {
    return value == null ? "" : value.replace('_', ' ');
  }

  /** The first and last few characters of a hash, enough to tell items apart on a page. */
  static String shortHash(String sha256) {
    return sha256 == null || sha256.length() < 16
        ? String.valueOf(sha256)
        : sha256.substring(0, 12) + "…" + sha256.substring(sha256.length() - 4);
  }
}
