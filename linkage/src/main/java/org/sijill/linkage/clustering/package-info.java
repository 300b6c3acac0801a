/**
 * From scored pairs to clusters: {@link org.sijill.linkage.clustering.Clusterer} merges records by
 * greedy additive edge contraction, honouring must-link and cannot-link decisions.
 */
package org.sijill.linkage.clustering;
