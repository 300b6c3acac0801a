package org.sijill.linkage.compare;

import org.sijill.linkage.internal.Records;
import org.sijill.linkage.names.ArabicText;

/**
 * Kind {@code number}: levels 3 equal, 2 within 1, 1 within 3, 0 further apart. An age off by one
 * or two is common in victim lists (recalled, or counted differently); a value that is not a number
 * is treated as missing.
 */
public final class NumberComparator implements FieldComparator {
  private double[] values;

  @Override
  public int levels() {
    return 4;
  }

  @Override
  public String label(int level) {
    return switch (level) {
      case 3 -> "equal";
      case 2 -> "within 1";
      case 1 -> "within 3";
      default -> "further apart";
    };
  }

  @Override
  public void prepare(Records records, int field) {
    values = new double[records.size];
    for (int i = 0; i < records.size; i++) {
      values[i] = parse(records.value(i, field));
    }
  }

  static double parse(String s) {
    if (s.isEmpty()) {
      return Double.NaN;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = ArabicText.fold(s.charAt(i));
      if (c == '٫' || c == ',') {
        c = '.';
      }
      b.append(c);
    }
    try {
      return Double.parseDouble(b.toString().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  @Override
  public int level(int a, int b) {
    return level(
        Double.doubleToRawLongBits(values[a]), Double.doubleToRawLongBits(values[b]), a, b);
  }

  @Override
  public boolean rowed() {
    return true;
  }

  @Override
  public int level(long va, long vb, int a, int b) {
    double x = Double.longBitsToDouble(va);
    double y = Double.longBitsToDouble(vb);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return MISSING;
    }
    double d = Math.abs(x - y);
    if (d == 0) {
      return 3;
    }
    return d <= 1 ? 2 : d <= 3 ? 1 : 0;
  }

  @Override
  public long touch(int rec) {
    return Double.doubleToRawLongBits(values[rec]);
  }

  /** The parsed value, NaN when missing or unreadable. */
  public double value(int rec) {
    return values[rec];
  }
}
