package org.sijill.bench.linkage;

import java.util.List;

/** Ridge logistic regression by Newton steps, for the learned review order. */
final class RidgeLogistic {
  private RidgeLogistic() {}

  /** The coefficients of {@code y} on {@code x} (rows with the intercept column included). */
  static double[] fit(List<double[]> x, List<Boolean> y, double ridge) {
    int d = x.get(0).length;
    double[] beta = new double[d];
    for (int it = 0; it < 50; it++) {
      double[] g = new double[d];
      double[][] h = new double[d][d];
      for (int j = 0; j < d; j++) {
        g[j] = -ridge * beta[j];
        h[j][j] = -ridge;
      }
      for (int i = 0; i < x.size(); i++) {
        double[] xi = x.get(i);
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += beta[j] * xi[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double e = (y.get(i) ? 1 : 0) - p;
        for (int j = 0; j < d; j++) {
          g[j] += e * xi[j];
          for (int l = 0; l < d; l++) {
            h[j][l] -= p * (1 - p) * xi[j] * xi[l];
          }
        }
      }
      double[] step = solve(h, g);
      double norm = 0;
      for (int j = 0; j < d; j++) {
        beta[j] -= step[j];
        norm += step[j] * step[j];
      }
      if (norm < 1e-12) {
        break;
      }
    }
    return beta;
  }

  static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = java.util.Arrays.copyOf(a0[i], n + 1);
      a[i][n] = b0[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k <= n; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = a[i][n] / a[i][i];
    }
    return x;
  }
}
