package org.sijill.linkage.compare;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.names.ArabicText;
import org.sijill.linkage.names.EditDistance;

/**
 * Kind {@code date}: levels 5 same day, 4 one day apart or one keying error apart (19651013 vs
 * 19561013), 3 within a week, 2 a partial date (yyyy-MM, yyyy) that contains the other (its own
 * level: it says little either way), 1 within 31 days, 0 further apart. A value that cannot be read
 * as a date keeps only its digits, which can still agree or be one keying error apart.
 */
public final class DateComparator implements FieldComparator {
  private final DateTimeFormatter format;
  // while preparing: epoch day of the first day the value allows (MIN_VALUE = unparsed) and of the
  // last; then packed into span
  private int[] first;
  private int[] last;
  private String[] digits; // null = missing

  /**
   * Per record, its digits for {@link #typo} packed into one long ({@link #pack}), 0 when they are
   * missing or more than 15. Why: the random pairs for the non-match shares ask {@link #typo} of
   * most pairs (random dates are more than a month apart), and reading two digit strings (two
   * objects each, anywhere in the heap) per pair showed in a FEBRL run's profile; one long per
   * record is read instead.
   */
  private long[] packed;

  /**
   * Per record, {@link #first} (high 32 bits) and {@link #last} (low 32 bits) in one long, or
   * {@link #NONE} when the value is missing: what {@link #level} reads of every pair in one read.
   * Why: the partner of a candidate pair is a record anywhere in the list, and at a million records
   * its digits, first and last day were three cache misses in three arrays; now one.
   */
  private long[] span;

  private static final long NONE = Long.MIN_VALUE;

  DateComparator(String pattern) {
    this.format = pattern == null ? null : DateTimeFormatter.ofPattern(pattern);
  }

  @Override
  public int levels() {
    return 6;
  }

  @Override
  public String label(int level) {
    return switch (level) {
      case 5 -> "same day";
      case 4 -> "one day or one typo apart";
      case 3 -> "within a week";
      case 2 -> "partial date containing the other";
      case 1 -> "within a month";
      default -> "further apart";
    };
  }

  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

  @Override
  public void prepare(Records records, int field) {
    int n = records.size;
    first = new int[n];
    last = new int[n];
    digits = new String[n];
    packed = new long[n];
    for (int i = 0; i < n; i++) {
      String v = records.value(i, field);
      first[i] = Integer.MIN_VALUE;
      if (v.isEmpty()) {
        continue;
      }
      StringBuilder d = new StringBuilder();
      for (int k = 0; k < v.length(); k++) {
        char c = ArabicText.fold(v.charAt(k));
        if (c >= '0' && c <= '9') {
          d.append(c);
        }
      }
      digits[i] = d.length() == 0 ? null : d.toString();
      packed[i] = pack(digits[i]);
      parse(v, i);
    }
    span = new long[n];
    for (int i = 0; i < n; i++) {
      // an unparsed value has first = MIN_VALUE and last = 0; the sentinel's last is 0 too, so
      // mark the unparsed ones with last = 1 (only first is read of them)
      span[i] =
          digits[i] == null
              ? NONE
              : (long) first[i] << 32 | (first[i] == Integer.MIN_VALUE ? 1 : last[i] & 0xFFFFFFFFL);
    }
    first = null; // read from span from here on
    last = null;
  }

  private void parse(String v, int i) {
    if (format != null) {
      try {
        long e = LocalDate.parse(v, format).toEpochDay();
        first[i] = (int) e;
        last[i] = (int) e;
        return;
      } catch (DateTimeParseException ignored) {
        // fall through to ISO and partial forms
      }
    }
    try {
      long e = LocalDate.parse(v).toEpochDay();
      first[i] = (int) e;
      last[i] = (int) e;
      return;
    } catch (DateTimeParseException ignored) {
      // partial?
    }
    try {
      YearMonth ym = YearMonth.parse(v);
      first[i] = (int) ym.atDay(1).toEpochDay();
      last[i] = (int) ym.atEndOfMonth().toEpochDay();
      return;
    } catch (DateTimeParseException ignored) {
      // year only?
    }
    if (YEAR.matcher(v).matches()) {
      int y = Integer.parseInt(v);
      first[i] = (int) LocalDate.of(y, 1, 1).toEpochDay();
      last[i] = (int) LocalDate.of(y, 12, 31).toEpochDay();
    }
  }

  /**
   * The days a record's value allows, {first, last} in epoch days, or null when it is blank or
   * cannot be read as a date.
   */
  public int[] span(int rec) {
    return digits[rec] == null || first(rec) == Integer.MIN_VALUE
        ? null
        : new int[] {first(rec), last(rec)};
  }

  @Override
  public long touch(int rec) {
    return span[rec];
  }

  @Override
  public int level(int a, int b) {
    return level(span[a], span[b], a, b);
  }

  @Override
  public boolean rowed() {
    return true;
  }

  @Override
  public int level(long sa, long sb, int a, int b) {
    if (sa == NONE || sb == NONE) {
      return MISSING;
    }
    int firstA = (int) (sa >> 32);
    int lastA = (int) sa;
    int firstB = (int) (sb >> 32);
    int lastB = (int) sb;
    boolean pa = firstA != Integer.MIN_VALUE;
    boolean pb = firstB != Integer.MIN_VALUE;
    if (!pa || !pb) {
      if (digits[a].equals(digits[b])) {
        return 5;
      }
      return typo(a, b) ? 4 : 0;
    }
    boolean dayA = firstA == lastA;
    boolean dayB = firstB == lastB;
    if (dayA && dayB) {
      int d = Math.abs(firstA - firstB);
      if (d == 0) {
        return 5;
      }
      if (d <= 1 || (d > 31 && typo(a, b))) {
        return 4; // a keying error (19651013 vs 19561013) rather than a near date
      }
      return d <= 7 ? 3 : d <= 31 ? 1 : 0;
    }
    int gap = Math.max(0, Math.max(firstA, firstB) - Math.min(lastA, lastB));
    if (gap == 0) {
      return 2;
    }
    return gap <= 31 ? 1 : 0;
  }

  /**
   * Whether the two values' digits are one keying error apart. Asked only where the level depends
   * on it: most candidate pairs are days a week or less apart, and reading both digit strings (two
   * objects anywhere in the heap) for every pair was most of this comparator's time.
   */
  private boolean typo(int a, int b) {
    long pa = packed[a];
    long pb = packed[b];
    if (pa != 0 && pb != 0) {
      return withinOne(pa, pb);
    }
    return EditDistance.withinOne(digits[a], digits[b]);
  }

  /**
   * A string of 1 to 15 ASCII digits in one long: digit i in the 4 bits from bit 60 - 4i up, the
   * count in the lowest 4 bits; 0 (no string packs to 0) for null, longer or other strings.
   */
  static long pack(String digits) {
    if (digits == null || digits.isEmpty() || digits.length() > 15) {
      return 0;
    }
    long p = digits.length();
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return 0;
      }
      p |= (long) d << (60 - 4 * i);
    }
    return p;
  }

  /**
   * {@link EditDistance#withinOne(String, String)} of two packed digit strings: at most one digit
   * inserted, deleted or replaced, or two neighbours swapped. Strings of one length differ in the
   * digits whose 4 bits differ; three or more such digits end it at once.
   */
  static boolean withinOne(long pa, long pb) {
    int la = (int) (pa & 0xF);
    int lb = (int) (pb & 0xF);
    if (la == lb) {
      long x = pa ^ pb;
      long y = (x | x >>> 1 | x >>> 2 | x >>> 3) & 0x1111111111111111L; // a bit per differing digit
      int n = Long.bitCount(y);
      if (n <= 1) {
        return true;
      }
      if (n > 2) {
        return false;
      }
      int lo = Long.numberOfTrailingZeros(y);
      int hi = 63 - Long.numberOfLeadingZeros(y);
      return hi - lo == 4
          && (pa >>> lo & 0xF) == (pb >>> hi & 0xF)
          && (pa >>> hi & 0xF) == (pb >>> lo & 0xF);
    }
    if (la == lb + 1) {
      return oneDeleted(pa, pb, lb);
    }
    if (lb == la + 1) {
      return oneDeleted(pb, pa, la);
    }
    return false;
  }

  /** Whether {@code shorter} (of {@code n} digits) is {@code longer} with one digit deleted. */
  private static boolean oneDeleted(long longer, long shorter, int n) {
    int i = 0;
    while (i < n && digit(longer, i) == digit(shorter, i)) {
      i++;
    }
    for (; i < n; i++) {
      if (digit(longer, i + 1) != digit(shorter, i)) {
        return false;
      }
    }
    return true;
  }

  private static int digit(long packed, int i) {
    return (int) (packed >>> (60 - 4 * i)) & 0xF;
  }

  @Override
  public void blockingKeys(int rec, Consumer<String> keys) {
    if (digits[rec] != null) {
      keys.accept(
          first(rec) != Integer.MIN_VALUE && first(rec) == last(rec)
              ? Integer.toString(first(rec))
              : digits[rec]);
    }
  }

  /** The epoch day of a value that names one day; MIN_VALUE when missing, partial or unparsed. */
  public int day(int rec) {
    return first(rec) != Integer.MIN_VALUE && first(rec) == last(rec)
        ? first(rec)
        : Integer.MIN_VALUE;
  }

  /** The first day the record's value allows; MIN_VALUE when missing or unparsed. */
  private int first(int rec) {
    return (int) (span[rec] >> 32);
  }

  /** The last day the record's value allows (meaningless when {@link #first} is MIN_VALUE). */
  private int last(int rec) {
    return (int) span[rec];
  }
}
