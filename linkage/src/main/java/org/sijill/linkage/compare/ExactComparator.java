package org.sijill.linkage.compare;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.sijill.linkage.internal.Records;

/**
 * Kind {@code exact}: level 1 equal (after trimming and folding case), 0 different. Agreement is
 * adjusted by the value's frequency: sharing a rare postcode says more than sharing "M".
 */
final class ExactComparator implements FieldComparator {
  private String[] values;

  /**
   * Each record's value as a number (equal numbers for equal values), -1 when missing: the
   * comparison reads one int of each record instead of two strings anywhere in the heap.
   */
  private int[] code;

  /**
   * Records holding each value, by its {@link #code}: the term frequency of every agreeing pair
   * reads it (a sex field agrees for most candidate pairs), one array read instead of a map look-up
   * by string.
   */
  private int[] countOf;

  private int withValue;

  @Override
  public int levels() {
    return 2;
  }

  @Override
  public String label(int level) {
    return level == 1 ? "equal" : "different";
  }

  @Override
  public void prepare(Records records, int field) {
    values = new String[records.size];
    code = new int[records.size];
    Map<String, String> intern = new HashMap<>();
    Map<String, Integer> number = new HashMap<>();
    for (int i = 0; i < records.size; i++) {
      String v = TextComparator.fold(records.value(i, field));
      code[i] = -1;
      if (!v.isEmpty()) {
        v = intern.computeIfAbsent(v, k -> k);
        values[i] = v;
        code[i] = number.computeIfAbsent(v, k -> number.size());
        withValue++;
      }
    }
    countOf = new int[number.size()];
    for (int c : code) {
      if (c >= 0) {
        countOf[c]++;
      }
    }
  }

  @Override
  public int level(int a, int b) {
    return level(code[a], code[b], a, b);
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
    return x == y ? 1 : 0;
  }

  @Override
  public long touch(int rec) {
    return code[rec];
  }

  @Override
  public boolean adjustsByTermFrequency() {
    return true;
  }

  @Override
  public double termFactor(int a, int b, int level, double uLevel) {
    if (level != 1 || withValue == 0) {
      return 1.0;
    }
    return factorOf(code[a], uLevel);
  }

  private double factorOf(int c, double uLevel) {
    double p = (c < 0 ? 1 : countOf[c]) / (double) withValue;
    return NameComparator.clamp(uLevel / p);
  }

  /** The logs of each value's factor at one level's u ({@link #logTermFactor}). */
  private record LogFactors(double u, double[] byCode) {}

  private volatile LogFactors logFactors;

  /**
   * As the default, from a table of each value's log factor made once per u (a run's scoring asks
   * with one u): a sex field agrees for most candidate pairs, and each paid a division and a log.
   */
  @Override
  public double logTermFactor(int a, int b, int level, double uLevel) {
    int c = code[a];
    if (level != 1 || withValue == 0 || c < 0) {
      return FieldComparator.super.logTermFactor(a, b, level, uLevel);
    }
    LogFactors t = logFactors;
    if (t == null || Double.doubleToRawLongBits(t.u()) != Double.doubleToRawLongBits(uLevel)) {
      double[] byCode = new double[countOf.length];
      for (int k = 0; k < byCode.length; k++) {
        double f = factorOf(k, uLevel);
        byCode[k] = f == 1.0 ? 0.0 : Math.log(f);
      }
      t = new LogFactors(uLevel, byCode);
      logFactors = t; // concurrent fills write equal tables
    }
    return t.byCode()[c];
  }

  @Override
  public void blockingKeys(int rec, Consumer<String> keys) {
    if (values[rec] != null) {
      keys.accept(values[rec]);
    }
  }
}
