package org.sijill.estimate.loglinear;

import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.sijill.estimate.internal.Lgamma;

/**
 * The 95% multinomial profile-likelihood interval for N of Cormack (1992), computed as Rcapture's
 * {@code closedpCI.t} does: for a candidate N the unobserved cell gets {@code N - n} people and the
 * model (whose design row for that cell is all zeros, so it is fitted exactly) is refitted as a
 * Poisson log-linear model; the multinomial profile log-likelihood is {@code -(deviance - 2 ct)/2}
 * with Cormack's correction term {@code ct}. The maximum is searched on (n, 3 N_Poisson), the lower
 * bound on (n, N_max) (n when the curve never drops far enough), the upper bound on (N_max, 3
 * N_Poisson).
 */
public final class ProfileInterval {
  private static final double HALF_CHI2 = 3.841458820694124 / 2;
  private static final double UPPER_FACTOR = 3;

  /** Point (multinomial MLE), bounds; {@code upper} empty when it lies beyond the search limit. */
  public record Interval(double point, double lower, OptionalDouble upper, double searchLimit) {}

  private ProfileInterval() {}

  public static Interval of(ModelFit fit, long n) {
    double[][] x = LogLinearFitter.withZeroCell(fit.design());
    double[] y = new double[fit.y().length + 1];
    System.arraycopy(fit.y(), 0, y, 0, fit.y().length);
    UnivariateFunction loglik = bigN -> profile(y, x, fit.chaoFrom(), n, bigN);
    double hi = UPPER_FACTOR * fit.abundance();
    BrentOptimizer opt = new BrentOptimizer(1e-10, 1e-4);
    var best =
        opt.optimize(
            new MaxEval(10_000),
            new UnivariateObjectiveFunction(loglik),
            GoalType.MAXIMIZE,
            new SearchInterval(n, hi));
    double nMax = best.getPoint();
    double lMax = best.getValue();
    UnivariateFunction target = bigN -> loglik.value(bigN) - (lMax - HALF_CHI2);
    BrentSolver solver = new BrentSolver(1e-9, 1e-6);
    double lower = n;
    if (target.value(n) < 0 && nMax > n) {
      lower = solver.solve(10_000, target, n, nMax);
    }
    OptionalDouble upper = OptionalDouble.empty();
    if (target.value(hi) < 0) {
      upper = OptionalDouble.of(solver.solve(10_000, target, nMax, hi));
    }
    return new Interval(nMax, lower, upper, hi);
  }

  private static double profile(double[] y, double[][] x, int chaoFrom, long n, double bigN) {
    double n0 = bigN - n;
    y[y.length - 1] = n0;
    PoissonGlm.Fit glm = PoissonGlm.fit(y, x);
    if (chaoFrom >= 0) {
      double[][] xx = x;
      while (true) {
        int neg = LogLinearFitter.firstNegative(glm.coef(), chaoFrom);
        if (neg < 0) {
          break;
        }
        xx = LogLinearFitter.dropColumn(xx, neg);
        glm = PoissonGlm.fit(y, xx);
      }
    }
    double ct;
    if (bigN > 100) {
      ct =
          (n0 == 0 || n0 == 1)
              ? -bigN + 0.5 * Math.log(2 * Math.PI * bigN)
              : n0 - bigN - 0.5 * Math.log(n0 / bigN);
    } else {
      ct =
          (n0 > 0 ? n0 * Math.log(n0) : 0)
              + Lgamma.of(bigN + 1)
              - bigN * Math.log(bigN)
              - Lgamma.of(n0 + 1);
    }
    return (glm.deviance() - 2 * ct) / -2;
  }
}
