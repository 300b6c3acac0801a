package org.sijill.estimate.loglinear;

import java.util.ArrayList;
import java.util.List;
import org.sijill.estimate.CaptureTable;

/**
 * Otis et al.'s closed-population models as log-linear designs, with Rcapture's columns: M0 (number
 * of captures), Mt (one effect per list), Mh and Mth with a heterogeneity column (Chao's lower
 * bound, Poisson with theta = 2, Darroch, Gamma with theta = 3.5), Mb and Mbh (behavioural response
 * after first capture; lists are taken in their column order).
 */
public enum StandardModel {
  M0("M0"),
  MT("Mt"),
  MH_CHAO("Mh Chao (LB)"),
  MH_POISSON("Mh Poisson2"),
  MH_DARROCH("Mh Darroch"),
  MH_GAMMA("Mh Gamma3.5"),
  MTH_CHAO("Mth Chao (LB)"),
  MTH_POISSON("Mth Poisson2"),
  MTH_DARROCH("Mth Darroch"),
  MTH_GAMMA("Mth Gamma3.5"),
  MB("Mb"),
  MBH("Mbh");

  public final String label;

  StandardModel(String label) {
    this.label = label;
  }

  /** The models Rcapture fits for {@code t} lists: M0, Mt, Mb for two lists, all for more. */
  public static List<StandardModel> forLists(int t) {
    return t == 2 ? List.of(M0, MT, MB) : List.of(values());
  }

  boolean timeEffects() {
    return this == MT || name().startsWith("MTH");
  }

  boolean chao() {
    return this == MH_CHAO || this == MTH_CHAO;
  }

  /** Whether a multinomial profile interval applies (Rcapture offers it for M0, Mt, Mh, Mth). */
  public boolean profiled() {
    return this != MB && this != MBH;
  }

  public ModelFit fit(CaptureTable table) {
    int t = table.listCount();
    double[][] x = design(t);
    int chaoFrom = chao() ? (timeEffects() ? t + 1 : 2) : -1;
    ModelFit fit = LogLinearFitter.fit(table, x, chaoFrom, label);
    if (this == MB || this == MBH) {
      return behavioural(table, fit, t);
    }
    return fit;
  }

  double[][] design(int t) {
    int cells = (1 << t) - 1;
    double[][] x = new double[cells][];
    for (int p = 1; p <= cells; p++) {
      int nbcap = Integer.bitCount(p);
      List<Double> row = new ArrayList<>();
      row.add(1.0);
      switch (this) {
        case MB, MBH -> {
          if (this == MBH) {
            row.add((double) (1 - (p & 1)));
          }
          row.add((double) Integer.numberOfTrailingZeros(p));
          row.add((double) (nbcap - 1));
        }
        default -> {
          if (timeEffects()) {
            for (int i = 0; i < t; i++) {
              row.add((double) ((p >> i) & 1));
            }
          } else {
            row.add((double) nbcap);
          }
          heterogeneity(nbcap, t, row);
        }
      }
      x[p - 1] = row.stream().mapToDouble(Double::doubleValue).toArray();
    }
    return x;
  }

  private void heterogeneity(int k, int t, List<Double> row) {
    switch (this) {
      case MH_CHAO, MTH_CHAO -> {
        for (int j = 3; j <= t; j++) {
          row.add((double) Math.max(k - j + 1, 0));
        }
      }
      case MH_POISSON, MTH_POISSON -> row.add(Math.pow(2, k) - 1);
      case MH_DARROCH, MTH_DARROCH -> row.add(k * k / 2.0);
      case MH_GAMMA, MTH_GAMMA -> row.add(-Math.log(3.5 + k) + Math.log(3.5));
      default -> {}
    }
  }

  /** N and its delta-method standard error for Mb and Mbh (not n + exp(intercept)). */
  private ModelFit behavioural(CaptureTable table, ModelFit fit, int t) {
    double[] b = fit.glm().coef();
    double[][] v = fit.glm().cov();
    double bigN;
    double[] grad;
    if (this == MB) {
      double e1 = Math.exp(b[1]);
      double e2 = Math.exp(b[2]);
      double den = 1 + e2 - e1;
      bigN = Math.exp(b[0]) * Math.pow(1 + e2, t) / den;
      grad = new double[] {bigN, bigN * e1 / den, bigN * (t * e2 / (1 + e2) - e2 / den)};
    } else {
      double e12 = Math.exp(b[1] + b[2]);
      double e2 = Math.exp(b[2]);
      double e3 = Math.exp(b[3]);
      double den = 1 + e3 - e2;
      double scale = Math.exp(b[0]) * Math.pow(1 + e3, t - 1);
      bigN = scale * (1 + e12 / den);
      grad =
          new double[] {
            scale * (1 + e12 / den),
            scale * e12 / den,
            scale * (e12 / den + Math.exp(b[1] + 2 * b[2]) / (den * den)),
            scale * ((t - 1) * e3 / (1 + e3) - Math.exp(b[1] + b[2] + b[3]) / (den * den))
          };
    }
    double q = 0;
    for (int i = 0; i < grad.length; i++) {
      for (int j = 0; j < grad.length; j++) {
        q += grad[i] * v[i][j] * grad[j];
      }
    }
    double se = Math.sqrt(Math.max(q - bigN, 0));
    return LogLinearFitter.finish(
        label, table, fit.y(), fit.design(), fit.glm(), bigN, se, fit.chaoFrom());
  }
}
