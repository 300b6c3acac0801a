/**
 * Synthetic victim lists for tests, benchmarks and the demo case: {@link
 * org.sijill.linkage.synthetic.VictimListGenerator} draws one simulated population and renders it
 * as several noisy lists, keeping the ground truth apart. All people are synthetic.
 */
package org.sijill.linkage.synthetic;
