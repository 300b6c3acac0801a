/**
 * LCMCR, the Bayesian latent-class model of Manrique-Vallier (2016): {@link
 * org.sijill.estimate.lcmcr.Lcmcr} runs several Gibbs chains ({@link
 * org.sijill.estimate.lcmcr.LcmcrChain}) and checks their convergence; {@link
 * org.sijill.estimate.lcmcr.SamplerSpeed} measures sweeps per second for the benchmarks.
 */
package org.sijill.estimate.lcmcr;
