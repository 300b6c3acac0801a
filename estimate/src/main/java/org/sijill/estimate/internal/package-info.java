/**
 * Machinery of the estimate module, not an API: one table's run of every method ({@code
 * TableEstimation}), the choice of the recommended estimate ({@code Recommendation}), numerics
 * ({@code Lgamma}, {@code Sampling}), the pooling of linkage replicates ({@code ReplicatePooling}),
 * MCMC diagnostics and strict UTF-8 reading. Public only so the module's other packages can call
 * it; nothing outside {@code org.sijill.estimate} may import it (ArchUnit in cli's ArchitectureTest
 * checks).
 */
package org.sijill.estimate.internal;
