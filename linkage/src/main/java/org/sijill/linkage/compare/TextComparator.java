package org.sijill.linkage.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Distinct values of the field after folding, by value number; each record holds a value number
   * ({@code -1}: none). Two records agree exactly when their numbers are equal, so the commonest
   * outcome of a candidate pair costs one int comparison and the values' text is read only for
   * pairs that differ.
   */
  private String[] distinct;

  private char[][] chars;

  /** Per distinct value, its characters as a 64-bit set ({@link JaroWinkler#charSet}). */
  private long[] charSets;

  private int[] valueOf;

  /**
   * Levels plus one of pairs of the {@link #MEMO} most frequent values, 0 (a new array's value, so
   * no filling) until computed. Why: a suburb, a postcode or a street name recurs across thousands
   * of records, and most random pairs EM compares and many candidate pairs are pairs of frequent
   * values met many times over.
   */
  private byte[] levelMemo;

  private int[] memoSlot;
  private int memoSide;
  static final int MEMO = 1024;

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
    valueOf = new int[records.size];
    Map<String, Integer> number = new HashMap<>();
    List<String> values = new ArrayList<>();
    List<int[]> uses = new ArrayList<>();
    for (int i = 0; i < records.size; i++) {
      String v = fold(records.value(i, field));
      if (v.isEmpty()) {
        valueOf[i] = -1;
        continue;
      }
      Integer id = number.get(v);
      if (id == null) {
        id = values.size();
        number.put(v, id);
        values.add(v);
        uses.add(new int[1]);
      }
      uses.get(id)[0]++;
      valueOf[i] = id;
    }
    distinct = values.toArray(new String[0]);
    chars = new char[distinct.length][];
    charSets = new long[distinct.length];
    for (int d = 0; d < distinct.length; d++) {
      chars[d] = distinct[d].toCharArray();
      charSets[d] = JaroWinkler.charSet(chars[d]);
    }
    prepareMemo(uses);
  }

  /** Gives the {@link #MEMO} most frequent values (ties: the first seen) a slot in the memo. */
  private void prepareMemo(List<int[]> uses) {
    Integer[] order = new Integer[distinct.length];
    for (int d = 0; d < order.length; d++) {
      order[d] = d;
    }
    Arrays.sort(order, (p, q) -> Integer.compare(uses.get(q)[0], uses.get(p)[0]));
    memoSide = Math.min(MEMO, order.length);
    memoSlot = new int[distinct.length];
    Arrays.fill(memoSlot, -1);
    for (int s = 0; s < memoSide; s++) {
      memoSlot[order[s]] = s;
    }
    levelMemo = new byte[memoSide * memoSide];
  }

  static String fold(String raw) {
    if (raw.isEmpty()) {
      return raw;
    }
    String s = ArabicText.containsArabic(raw) ? ArabicText.normalise(raw) : LatinText.fold(raw);
    return oneSpace(s.trim());
  }

  /**
   * {@code s} with each run of ASCII white space (a regex's \s in Java) turned into one space, as
   * {@code s.replaceAll("\\s+", " ")} does, without a regex: once per record and text field.
   */
  static String oneSpace(String s) {
    int n = s.length();
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(s.charAt(i + 1))))) {
        break; // the first run that is not already one space
      }
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n).append(s, 0, i);
    while (i < n) {
      char c = s.charAt(i++);
      if (isSpace(c)) {
        b.append(' ');
        while (i < n && isSpace(s.charAt(i))) {
          i++;
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  @Override
  public long touch(int rec) {
    return valueOf[rec];
  }

  @Override
  public int level(int a, int b) {
    return level(valueOf[a], valueOf[b], a, b);
  }

  @Override
  public boolean rowed() {
    return true;
  }

  @Override
  public int level(long va, long vb, int a, int b) {
    int x = (int) va;
    int y = (int) vb;
    if (x < 0 || y < 0) {
      return MISSING;
    }
    if (x == y) {
      return 3;
    }
    int sx = memoSlot[x];
    int sy = memoSlot[y];
    if (sx < 0 || sy < 0) {
      return differentLevel(x, y);
    }
    int k = sx * memoSide + sy;
    int kept = levelMemo[k];
    if (kept == 0) {
      int l = differentLevel(x, y);
      levelMemo[k] = (byte) (l + 1); // concurrent fills write the same value
      return l;
    }
    return kept - 1;
  }

  /** The level of two different values, by value number. */
  private int differentLevel(int x, int y) {
    char[] p = chars[x];
    char[] q = chars[y];
    if (EditDistance.withinOne(p, q)) {
      return 2;
    }
    // most pairs (and nearly all random pairs EM samples) share too few characters to reach 0.85
    if (JaroWinkler.upperBound(p, charSets[x], q, charSets[y]) < 0.85) {
      return 0;
    }
    double jw = JaroWinkler.similarity(p, q);
    if (jw >= 0.95) {
      return 2;
    }
    return jw >= 0.85 ? 1 : 0;
  }

  @Override
  public void blockingKeys(int rec, Consumer<String> keys) {
    if (valueOf[rec] >= 0) {
      keys.accept(distinct[valueOf[rec]]);
    }
  }

  /** The folded value of a record, or null if it has none. */
  public String value(int rec) {
    return valueOf[rec] < 0 ? null : distinct[valueOf[rec]];
  }
}
