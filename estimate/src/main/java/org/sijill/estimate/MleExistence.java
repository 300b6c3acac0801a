package org.sijill.estimate;

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
 */
final class MleExistence {
  private MleExistence() {}

  record Check(boolean exists, boolean identifiable) {
    boolean ok() {
      return exists && identifiable;
    }
  }

  static Check check(double[][] x, double[] y) {
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
