/**
 * The Fellegi–Sunter model fitted by EM on counts of distinct comparison vectors: {@link
 * org.sijill.linkage.model.FellegiSunter} (m, u and the prior per field and level), {@link
 * org.sijill.linkage.model.Patterns} (a comparison vector packed into a long) and {@link
 * org.sijill.linkage.model.PatternCounts} (vectors with their counts). Start with {@code
 * FellegiSunter}.
 */
package org.sijill.linkage.model;
