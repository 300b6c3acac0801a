package org.sijill.estimate.loglinear;

import java.util.List;

/**
 * One fitted log-linear model: the Poisson estimate {@code n + exp(intercept)}, its standard error,
 * fit statistics, and what went wrong, if anything. {@code clean()} is Rcapture's {@code infoFit ==
 * 0}: converged, full rank, no fitted rate numerically zero, small asymptotic bias.
 */
public record ModelFit(
    String name,
    double abundance,
    double stderr,
    double deviance,
    int df,
    double aic,
    double bic,
    List<String> problems,
    PoissonGlm.Fit glm,
    double[][] design,
    double[] y,
    int chaoFrom) {

  boolean clean() {
    return problems.isEmpty();
  }

  /** Wald interval on log(n0), as SparseMSE reports it: n + exp(b0 +/- 1.96 se(b0)). */
  public double[] waldLogN0(long n) {
    double b0 = glm.intercept();
    double se = Math.sqrt(glm.varIntercept());
    double z = 1.959963984540054;
    return new double[] {n + Math.exp(b0 - z * se), n + Math.exp(b0 + z * se)};
  }

  /** Chao (1987) log-normal interval from the standard error, used where no profile exists. */
  public double[] logNormal(long n) {
    double n0 = abundance - n;
    double c = Math.exp(1.959963984540054 * Math.sqrt(Math.log(1 + stderr * stderr / (n0 * n0))));
    return new double[] {n + n0 / c, n + n0 * c};
  }
}
