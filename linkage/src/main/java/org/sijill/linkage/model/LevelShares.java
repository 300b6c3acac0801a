package org.sijill.linkage.model;

/**
 * The arithmetic of one EM step of {@link FellegiSunter}: turning expected counts into level shares
 * (never quite zero), holding shares to an upper bound, keeping a prior inside (0, 1), and the
 * three-class log-sum in log space.
 */
final class LevelShares {
  private LevelShares() {}

  /** Lowers the capped levels to their bound and gives the excess to the others in proportion. */
  static void capInto(double[] m, double[] cap) {
    double excess = 0;
    double free = 0;
    for (int k = 0; k < m.length; k++) {
      if (m[k] > cap[k]) {
        excess += m[k] - cap[k];
        m[k] = cap[k];
      } else if (cap[k] >= 1) {
        free += m[k];
      }
    }
    if (excess == 0 || free == 0) {
      return;
    }
    for (int k = 0; k < m.length; k++) {
      if (cap[k] >= 1) {
        m[k] += excess * m[k] / free;
      }
    }
  }

  static double normaliseInto(double[] num, double[] target) {
    double s = 0;
    for (double v : num) {
      s += v;
    }
    double change = 0;
    if (s <= 0) {
      return 0;
    }
    for (int k = 0; k < num.length; k++) {
      double v = Math.max(1e-6, num[k] / s);
      change = Math.max(change, Math.abs(v - target[k]));
      target[k] = v;
    }
    return change;
  }

  /** log(1 + e^a + e^b). */
  static double logSumExp3(double a, double b) {
    double mx = Math.max(0, Math.max(a, b));
    return mx + Math.log(Math.exp(-mx) + Math.exp(a - mx) + Math.exp(b - mx));
  }

  static double clampProb(double p) {
    return Math.min(1 - 1e-9, Math.max(1e-9, p));
  }
}
