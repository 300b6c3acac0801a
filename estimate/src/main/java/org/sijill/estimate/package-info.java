/**
 * Multiple systems estimation (capture–recapture over overlapping lists): how many people did no
 * list record. Start at {@link org.sijill.estimate.MultipleSystemsEstimation}: read a table with
 * {@link org.sijill.estimate.CaptureData}, choose methods with {@link
 * org.sijill.estimate.EstimationOptions}, get a {@link org.sijill.estimate.Report} (every {@link
 * org.sijill.estimate.Estimate}, the recommended one and why) and write it with {@link
 * org.sijill.estimate.ReportJson}. {@link org.sijill.estimate.LinkageUncertainty} carries the
 * uncertainty of record linkage into the totals. The methods live in {@code loglinear}, {@code
 * lcmcr} and {@code dga}; {@code internal} is machinery a caller never needs.
 */
package org.sijill.estimate;
