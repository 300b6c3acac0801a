/**
 * Bayesian model averaging over decomposable graphical models (the {@code dga} R package of Madigan
 * and York): {@link org.sijill.estimate.dga.Dga} averages the posterior of the hidden count over
 * every {@link org.sijill.estimate.dga.DecomposableGraph} of three to five lists.
 */
package org.sijill.estimate.dga;
