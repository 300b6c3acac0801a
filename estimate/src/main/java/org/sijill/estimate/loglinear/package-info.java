/**
 * Log-linear capture–recapture: Poisson GLMs fitted as R's {@code glm} does ({@link
 * org.sijill.estimate.loglinear.PoissonGlm}), hierarchical models and their search by AIC/BIC
 * ({@link org.sijill.estimate.loglinear.ModelSearch}), Rcapture's standard models M0 … Mbh ({@link
 * org.sijill.estimate.loglinear.StandardModel}), profile-likelihood intervals, sparse-table checks
 * and the existence test of the MLE ({@link org.sijill.estimate.loglinear.MleExistence}). Start at
 * {@link org.sijill.estimate.loglinear.LogLinearFitter}; callers normally reach it through {@link
 * org.sijill.estimate.MultipleSystemsEstimation}.
 */
package org.sijill.estimate.loglinear;
