package org.sijill.estimate.loglinear;

import java.util.Arrays;
import org.sijill.estimate.internal.Lgamma;

/**
 * Poisson log-linear regression by iteratively reweighted least squares, following the conventions
 * of R's {@code glm.fit} (start at {@code mu = y + 0.1}, convergence when the relative change of
 * deviance is below 1e-8, at most 25 iterations, Householder QR with R's limited column pivoting at
 * tolerance 1e-11). Keeping these conventions lets the point estimates agree with Rcapture to many
 * digits, including the awkward fits where the MLE sits on the boundary.
 *
 * <p>Aliased (linearly dependent) columns get a {@code NaN} coefficient and do not count towards
 * the rank, as in R.
 */
final class PoissonGlm {
  static final int MAX_ITERATIONS = 25;
  private static final double EPSILON = 1e-8;
  private static final double QR_TOLERANCE = 1e-11;
  private static final double TINY_FITTED = 10 * Math.ulp(1.0);

  private PoissonGlm() {}

  /** Result of a fit. {@code cov} is the unscaled covariance (inverse Fisher information). */
  record Fit(
      double[] coef,
      double[][] cov,
      double[] mu,
      double deviance,
      int rank,
      boolean converged,
      boolean tinyFitted) {

    double intercept() {
      return coef[0];
    }

    double varIntercept() {
      return cov[0][0];
    }

    boolean aliased() {
      for (double c : coef) {
        if (Double.isNaN(c)) {
          return true;
        }
      }
      return false;
    }

    /** R's Poisson AIC: -2 log-likelihood + 2 rank. */
    double aic(double[] y) {
      double ll = 0;
      for (int i = 0; i < y.length; i++) {
        ll += (y[i] == 0 ? 0 : y[i] * Math.log(mu[i])) - mu[i] - Lgamma.of(y[i] + 1);
      }
      return -2 * ll + 2 * rank;
    }
  }

  /**
   * Fits {@code log E[y] = X b}. {@code x[i]} is the row of cell {@code i}, including the intercept
   * column.
   */
  static Fit fit(double[] y, double[][] x) {
    return fit(y, x, MAX_ITERATIONS, false);
  }

  /**
   * The robust fallback for a fit that did not converge: up to 200 iterations, and a step that
   * increases the deviance is halved (up to 20 times) back towards the previous linear predictor.
   */
  static Fit fitRobust(double[] y, double[][] x) {
    return fit(y, x, 200, true);
  }

  private static Fit fit(double[] y, double[][] x, int maxIterations, boolean halving) {
    int m = y.length;
    int p = x[0].length;
    double[] mu = new double[m];
    double[] eta = new double[m];
    for (int i = 0; i < m; i++) {
      mu[i] = y[i] + 0.1;
      eta[i] = Math.log(mu[i]);
    }
    double devOld = deviance(y, mu);
    boolean converged = false;
    Qr qr = null;
    double[] coef = null;
    double dev = devOld;
    double[] z = new double[m];
    double[] w = new double[m];
    double[] etaOld = new double[m];
    for (int iter = 0; iter < maxIterations; iter++) {
      System.arraycopy(eta, 0, etaOld, 0, m);
      for (int i = 0; i < m; i++) {
        z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
        w[i] = Math.sqrt(mu[i]);
      }
      qr = new Qr(x, w, z);
      coef = qr.solve();
      for (int i = 0; i < m; i++) {
        double e = 0;
        for (int j = 0; j < p; j++) {
          if (!Double.isNaN(coef[j])) {
            e += x[i][j] * coef[j];
          }
        }
        eta[i] = e;
        mu[i] = Math.exp(e);
      }
      dev = deviance(y, mu);
      // (not on the first step: the starting mu = y + 0.1 lies outside the model, so its
      // deviance is no benchmark)
      for (int h = 0; halving && iter > 0 && h < 20 && !(dev <= devOld); h++) {
        for (int i = 0; i < m; i++) {
          eta[i] = (eta[i] + etaOld[i]) / 2;
          mu[i] = Math.exp(eta[i]);
        }
        dev = deviance(y, mu);
      }
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
        converged = true;
        break;
      }
      devOld = dev;
    }
    boolean tiny = false;
    for (double v : mu) {
      if (v < TINY_FITTED) {
        tiny = true;
        break;
      }
    }
    return new Fit(coef, qr.covariance(), mu, dev, qr.rank, converged, tiny);
  }

  static double deviance(double[] y, double[] mu) {
    double d = 0;
    for (int i = 0; i < y.length; i++) {
      d += y[i] == 0 ? mu[i] : y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i]);
    }
    return 2 * d;
  }

  /** Householder QR of diag(w) X with R's limited pivoting: near-dependent columns go last. */
  private static final class Qr {
    final int m;
    final int p;
    final double[][] a; // column-major copy: a[col][row]
    final double[] qty;
    final int[] perm;
    int rank;

    Qr(double[][] x, double[] w, double[] z) {
      m = x.length;
      p = x[0].length;
      a = new double[p][m];
      qty = new double[m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < p; j++) {
          a[j][i] = x[i][j] * w[i];
        }
        qty[i] = z[i] * w[i];
      }
      perm = new int[p];
      for (int j = 0; j < p; j++) {
        perm[j] = j;
      }
      double[] norm0 = new double[p];
      for (int j = 0; j < p; j++) {
        norm0[j] = norm(a[j], 0);
      }
      int k = p;
      int l = 0;
      while (l < Math.min(k, m)) {
        double nrm = norm(a[l], l);
        if (nrm < QR_TOLERANCE * Math.max(norm0[l], Double.MIN_NORMAL) || nrm == 0) {
          // move column l to the end, as dqrdc2 does
          double[] col = a[l];
          double n0 = norm0[l];
          int pj = perm[l];
          for (int j = l; j < p - 1; j++) {
            a[j] = a[j + 1];
            norm0[j] = norm0[j + 1];
            perm[j] = perm[j + 1];
          }
          a[p - 1] = col;
          norm0[p - 1] = n0;
          perm[p - 1] = pj;
          k--;
          continue;
        }
        double[] v = a[l];
        double alpha = v[l] > 0 ? -nrm : nrm;
        v[l] -= alpha;
        double vnorm2 = 0;
        for (int i = l; i < m; i++) {
          vnorm2 += v[i] * v[i];
        }
        for (int j = l + 1; j < p; j++) {
          reflect(v, a[j], l, vnorm2);
        }
        reflect(v, qty, l, vnorm2);
        // store R's diagonal; keep v in rows below l for nothing else
        v[l] = alpha;
        for (int i = l + 1; i < m; i++) {
          v[i] = 0;
        }
        l++;
      }
      rank = Math.min(k, m);
    }

    private static void reflect(double[] v, double[] target, int from, double vnorm2) {
      // target -= 2 v (v . target) / (v . v), on rows from..m-1; v[from] holds v's head
      double dot = 0;
      for (int i = from; i < v.length; i++) {
        dot += v[i] * target[i];
      }
      double f = 2 * dot / vnorm2;
      for (int i = from; i < v.length; i++) {
        target[i] -= f * v[i];
      }
    }

    private static double norm(double[] v, int from) {
      double s = 0;
      for (int i = from; i < v.length; i++) {
        s += v[i] * v[i];
      }
      return Math.sqrt(s);
    }

    double[] solve() {
      double[] b = new double[rank];
      for (int i = rank - 1; i >= 0; i--) {
        double s = qty[i];
        for (int j = i + 1; j < rank; j++) {
          s -= a[j][i] * b[j];
        }
        b[i] = s / a[i][i];
      }
      double[] coef = new double[p];
      Arrays.fill(coef, Double.NaN);
      for (int j = 0; j < rank; j++) {
        coef[perm[j]] = b[j];
      }
      return coef;
    }

    /** (R'R)^-1 mapped back to the original column order; NaN for aliased columns. */
    double[][] covariance() {
      double[][] rinv = new double[rank][rank];
      for (int j = 0; j < rank; j++) {
        rinv[j][j] = 1 / a[j][j];
        for (int i = j - 1; i >= 0; i--) {
          double s = 0;
          for (int k = i + 1; k <= j; k++) {
            s += a[k][i] * rinv[k][j];
          }
          rinv[i][j] = -s / a[i][i];
        }
      }
      double[][] cov = new double[p][p];
      for (double[] row : cov) {
        Arrays.fill(row, Double.NaN);
      }
      for (int i = 0; i < rank; i++) {
        for (int j = 0; j < rank; j++) {
          double s = 0;
          for (int k = Math.max(i, j); k < rank; k++) {
            s += rinv[i][k] * rinv[j][k];
          }
          cov[perm[i]][perm[j]] = s;
        }
      }
      return cov;
    }
  }
}
