package org.sijill.estimate.loglinear;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Existence and identifiability of the maximum-likelihood estimate of a Poisson log-linear model
 * (Fienberg and Rinaldo 2012, as SparseMSE's {@code checkident} applies it). The MLE exists if and
 * only if some table with strictly positive cells has the observed sufficient statistics {@code
 * X'y}: maximise {@code s} subject to {@code X'x = X'y}, {@code x_i >= s}, {@code x >= 0}; the MLE
 * does not exist when the optimum is {@code s = 0}. It is identifiable when X has full column rank.
 *
 * <p>When the MLE does not exist, the estimate of N may still: the extended MLE (the limit the
 * Poisson fit approaches, and what Rcapture reports) fits the cells outside the <em>facial set</em>
 * as zero and the cells inside it by an ordinary MLE. The facial set is the cells that are positive
 * in some non-negative table with the observed sufficient statistics (one linear program per zero
 * cell). The unobserved cell, whose design row is (1, 0, ..., 0), is then determined when that row
 * lies in the row space of the facial set's design rows; otherwise N is unbounded. An interaction
 * between two lists that share no one is the usual case: it sends the cells holding both lists to
 * zero and leaves N finite, the same N as the model that drops those cells (SparseMSE's approach).
 */
public final class MleExistence {
  private MleExistence() {}

  /**
   * {@code exists}: the MLE of every parameter is finite. {@code nFinite}: the (extended) MLE of N
   * is finite, so N is an estimate even when {@code exists} is false. {@code zeroFitted}: the cells
   * the extended MLE fits as zero.
   */
  public record Check(
      boolean exists, boolean identifiable, boolean nFinite, List<Integer> zeroFitted) {
    Check(boolean exists, boolean identifiable) {
      this(exists, identifiable, exists, List.of());
    }

    /** N is an estimate: identifiable, and its (possibly extended) MLE is finite. */
    public boolean ok() {
      return nFinite && identifiable;
    }

    /** Every parameter's MLE is finite (SparseMSE's {@code checkident} criterion). */
    boolean strict() {
      return exists && identifiable;
    }
  }

  public static Check check(double[][] x, double[] y) {
    Check basic = checkPositive(x, y);
    if (basic.exists() || !basic.identifiable()) {
      return basic;
    }
    List<Integer> outside = new ArrayList<>();
    List<double[]> facial = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (y[i] > 0 || canBePositive(x, y, i)) {
        facial.add(x[i]);
      } else {
        outside.add(i);
      }
    }
    boolean nFinite = false;
    if (!facial.isEmpty()) {
      double[][] xf = facial.toArray(new double[0][]);
      double[][] withZeroCell = new double[xf.length + 1][];
      System.arraycopy(xf, 0, withZeroCell, 0, xf.length);
      withZeroCell[xf.length] = new double[x[0].length];
      withZeroCell[xf.length][0] = 1;
      nFinite = rank(xf) == rank(withZeroCell);
    }
    return new Check(false, true, nFinite, List.copyOf(outside));
  }

  /** Whether cell {@code cell} is positive in some non-negative table with statistics X'y. */
  private static boolean canBePositive(double[][] x, double[] y, int cell) {
    int m = x.length;
    int p = x[0].length;
    double total = 0;
    List<LinearConstraint> cons = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double[] coeffs = new double[m];
      double t = 0;
      for (int i = 0; i < m; i++) {
        coeffs[i] = x[i][j];
        t += x[i][j] * y[i];
      }
      cons.add(new LinearConstraint(coeffs, Relationship.EQ, t));
    }
    for (double v : y) {
      total += v;
    }
    double[] obj = new double[m];
    obj[cell] = 1;
    try {
      PointValuePair sol =
          new SimplexSolver(1e-9, 10, 1e-12)
              .optimize(
                  new MaxIter(100_000),
                  new LinearObjectiveFunction(obj, 0),
                  new LinearConstraintSet(cons),
                  GoalType.MAXIMIZE,
                  new NonNegativeConstraint(true),
                  PivotSelectionRule.BLAND);
      return sol.getValue() > 1e-9 * Math.max(1, total / m);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Check checkPositive(double[][] x, double[] y) {
    int m = x.length;
    int p = x[0].length;
    double total = 0;
    for (double v : y) {
      total += v;
    }
    List<LinearConstraint> cons = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double[] coeffs = new double[m + 1];
      double t = 0;
      for (int i = 0; i < m; i++) {
        coeffs[i] = x[i][j];
        t += x[i][j] * y[i];
      }
      cons.add(new LinearConstraint(coeffs, Relationship.EQ, t));
    }
    for (int i = 0; i < m; i++) {
      double[] coeffs = new double[m + 1];
      coeffs[i] = 1;
      coeffs[m] = -1;
      cons.add(new LinearConstraint(coeffs, Relationship.GEQ, 0));
    }
    double[] obj = new double[m + 1];
    obj[m] = 1;
    boolean exists;
    try {
      PointValuePair sol =
          new SimplexSolver(1e-9, 10, 1e-12)
              .optimize(
                  new MaxIter(100_000),
                  new LinearObjectiveFunction(obj, 0),
                  new LinearConstraintSet(cons),
                  GoalType.MAXIMIZE,
                  new NonNegativeConstraint(true),
                  PivotSelectionRule.BLAND);
      exists = sol.getValue() > 1e-9 * Math.max(1, total / m);
    } catch (RuntimeException e) {
      exists = false; // infeasible or degenerate: no strictly positive table found
    }
    return new Check(exists, rank(x) == p);
  }

  static int rank(double[][] x) {
    double[] y = new double[x.length];
    java.util.Arrays.fill(y, 1);
    // a Poisson fit with unit weights runs the same pivoted QR as the estimator
    return PoissonGlm.fit(y, x).rank();
  }
}
