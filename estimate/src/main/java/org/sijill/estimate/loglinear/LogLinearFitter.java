package org.sijill.estimate.loglinear;

import java.util.ArrayList;
import java.util.List;
import org.sijill.estimate.CaptureTable;

/** Fits a log-linear design to a capture table and derives N, its standard error, AIC and BIC. */
public final class LogLinearFitter {
  private LogLinearFitter() {}

  /**
   * Fits {@code design} (rows = observable cells in pattern order, column 0 the intercept). When
   * {@code chaoFrom >= 0}, columns from that index are Chao lower-bound terms: a negative one is
   * dropped and the model refitted, as Rcapture does.
   */
  public static ModelFit fit(CaptureTable table, double[][] design, int chaoFrom, String name) {
    return fit(table, design, chaoFrom, name, false);
  }

  /**
   * As {@link #fit(CaptureTable, double[][], int, String)}; with {@code robust}, a fit that does
   * not converge in R's 25 iterations is retried with {@link PoissonGlm#fitRobust}. Model search
   * does not retry, so that its choice of clean fits stays Rcapture's.
   */
  public static ModelFit fit(
      CaptureTable table, double[][] design, int chaoFrom, String name, boolean robust) {
    double[] y = table.observedCells();
    long n = table.documented();
    double[][] x = design;
    PoissonGlm.Fit glm = PoissonGlm.fit(y, x);
    if (chaoFrom >= 0) {
      while (true) {
        int neg = firstNegative(glm.coef(), chaoFrom);
        if (neg < 0) {
          break;
        }
        x = dropColumn(x, neg);
        glm = PoissonGlm.fit(y, x);
      }
    }
    if (robust && !glm.converged() && chaoFrom < 0) {
      PoissonGlm.Fit again = PoissonGlm.fitRobust(y, x);
      if (again.converged()) {
        glm = again;
      }
    }
    double n0 = Math.exp(glm.intercept());
    double abundance = n + n0;
    double stderr = Math.sqrt(n0 + n0 * n0 * glm.varIntercept());
    return finish(name, table, y, x, glm, abundance, stderr, chaoFrom);
  }

  static ModelFit finish(
      String name,
      CaptureTable table,
      double[] y,
      double[][] x,
      PoissonGlm.Fit glm,
      double abundance,
      double stderr,
      int chaoFrom) {
    long n = table.documented();
    double aic = glm.aic(y);
    double bic = aic + (Math.log(n) - 2) * glm.rank();
    List<String> problems = new ArrayList<>();
    if (!glm.converged()) {
      problems.add("the Poisson fit did not converge");
    }
    if (glm.aliased()) {
      problems.add("design matrix not of full rank: some parameters are not identifiable");
    } else {
      double bias = asymptoticBias(x, glm);
      if (Math.abs(bias) > 0.1 * abundance) {
        problems.add("the asymptotic bias is large");
      }
    }
    if (glm.tinyFitted()) {
      problems.add("fitted rates numerically 0 occurred: the MLE may not exist");
    }
    if (!Double.isFinite(abundance) || !Double.isFinite(stderr)) {
      problems.add("the estimate is not finite");
    }
    return new ModelFit(
        name,
        abundance,
        stderr,
        glm.deviance(),
        y.length - glm.rank(),
        aic,
        bic,
        List.copyOf(problems),
        glm,
        x,
        y,
        chaoFrom);
  }

  /** Rcapture's first-order asymptotic bias of exp(intercept) (Rivest's formula). */
  static double asymptoticBias(double[][] x, PoissonGlm.Fit glm) {
    int m = x.length;
    int p = x[0].length;
    double[][] v = glm.cov();
    double[] xi = new double[m];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          s += x[i][a] * v[a][b] * x[i][b];
        }
      }
      xi[i] = -0.5 * s;
    }
    double[] psi = new double[p];
    for (int a = 0; a < p; a++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += x[i][a] * glm.mu()[i] * xi[i];
      }
      psi[a] = -2 * s;
    }
    psi[0] -= 1;
    double vec0 = 0;
    for (int b = 0; b < p; b++) {
      vec0 -= v[0][b] * psi[b];
    }
    return 0.5 * Math.exp(glm.intercept()) * vec0;
  }

  static int firstNegative(double[] coef, int from) {
    for (int j = from; j < coef.length; j++) {
      if (!Double.isNaN(coef[j]) && coef[j] < 0) {
        return j;
      }
    }
    return -1;
  }

  static double[][] dropColumn(double[][] x, int col) {
    double[][] out = new double[x.length][x[0].length - 1];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, out[i], 0, col);
      System.arraycopy(x[i], col + 1, out[i], col, x[i].length - col - 1);
    }
    return out;
  }

  /** Appends a row of zeros (the unobserved cell) to a design. */
  static double[][] withZeroCell(double[][] x) {
    double[][] out = new double[x.length + 1][];
    System.arraycopy(x, 0, out, 0, x.length);
    out[x.length] = new double[x[0].length];
    out[x.length][0] = 1; // intercept only: log E[n0] is the intercept
    return out;
  }
}
