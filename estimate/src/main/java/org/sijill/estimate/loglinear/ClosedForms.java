package org.sijill.estimate.loglinear;

import org.sijill.estimate.CaptureTable;

/** Closed-form estimators: two-list Lincoln-Petersen and Chapman, and Chao's (1987) lower bound. */
public final class ClosedForms {
  private ClosedForms() {}

  /** Lincoln-Petersen n1 n2 / m on lists i and j (marginally); infinite when m = 0. */
  public static double lincolnPetersen(CaptureTable table, int i, int j) {
    return (double) table.onList(i) * table.onList(j) / table.onBoth(i, j);
  }

  /** Chapman's nearly unbiased (n1 + 1)(n2 + 1)/(m + 1) - 1. */
  public static double chapman(CaptureTable table, int i, int j) {
    return (table.onList(i) + 1.0) * (table.onList(j) + 1.0) / (table.onBoth(i, j) + 1.0) - 1;
  }

  /** Seber's variance of Chapman's estimator. */
  static double chapmanVariance(CaptureTable table, int i, int j) {
    double n1 = table.onList(i);
    double n2 = table.onList(j);
    double m = table.onBoth(i, j);
    return (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) * (m + 1) * (m + 2));
  }

  /** Chao's moment lower bound n + f1^2 / (2 f2), f_k = people on exactly k lists. */
  public static double chaoLowerBound(CaptureTable table) {
    long f1 = 0;
    long f2 = 0;
    for (int p = 1; p < 1 << table.listCount(); p++) {
      int k = Integer.bitCount(p);
      if (k == 1) {
        f1 += table.count(p);
      } else if (k == 2) {
        f2 += table.count(p);
      }
    }
    if (f2 == 0) {
      return table.documented() + f1 * (f1 - 1) / 2.0; // bias-corrected form when f2 = 0
    }
    return table.documented() + (double) f1 * f1 / (2.0 * f2);
  }
}
