package org.sijill.linkage.compare;

import java.util.function.Consumer;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.names.ArabicText;
import org.sijill.linkage.names.EditDistance;
import org.sijill.linkage.names.JaroWinkler;
import org.sijill.linkage.names.LatinText;

/**
 * Kind {@code text}: levels 3 equal after folding, 2 one edit apart (a typo, a swapped pair of
 * letters) or Jaro-Winkler ≥ 0.95, 1 Jaro-Winkler ≥ 0.85, 0 otherwise.
 */
public final class TextComparator implements FieldComparator {
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private String[] values;

  /** Per record, the characters of its value as a 64-bit set ({@link JaroWinkler#charSet}). */
  private long[] charSets;

  @Override
  public int levels() {
    return 4;
  }

  @Override
  public String label(int level) {
    return switch (level) {
      case 3 -> "equal";
      case 2 -> "one edit apart";
      case 1 -> "similar";
      default -> "different";
    };
  }

  @Override
  public void prepare(Records records, int field) {
    values = new String[records.size];
    charSets = new long[records.size];
    for (int i = 0; i < records.size; i++) {
      String v = fold(records.value(i, field));
      values[i] = v.isEmpty() ? null : v;
      charSets[i] = JaroWinkler.charSet(v);
    }
  }

  static String fold(String raw) {
    if (raw.isEmpty()) {
      return raw;
    }
    String s = ArabicText.containsArabic(raw) ? ArabicText.normalise(raw) : LatinText.fold(raw);
    return WHITESPACE.matcher(s.trim()).replaceAll(" ");
  }

  @Override
  public int level(int a, int b) {
    String x = values[a];
    String y = values[b];
    if (x == null || y == null) {
      return MISSING;
    }
    if (x.equals(y)) {
      return 3;
    }
    if (EditDistance.withinOne(x, y)) {
      return 2;
    }
    // most pairs (and nearly all random pairs EM samples) share too few characters to reach 0.85
    if (JaroWinkler.upperBound(x, charSets[a], y, charSets[b]) < 0.85) {
      return 0;
    }
    double jw = JaroWinkler.similarity(x, y);
    if (jw >= 0.95) {
      return 2;
    }
    return jw >= 0.85 ? 1 : 0;
  }

  @Override
  public void blockingKeys(int rec, Consumer<String> keys) {
    if (values[rec] != null) {
      keys.accept(values[rec]);
    }
  }

  public String value(int rec) {
    return values[rec];
  }
}
