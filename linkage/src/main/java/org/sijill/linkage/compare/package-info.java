/**
 * Comparison of one field of two records on a few ordered levels, one comparator per field {@link
 * org.sijill.linkage.Kind} (name, date, text, exact, number), all behind the sealed {@link
 * org.sijill.linkage.compare.FieldComparator}. Start with {@link
 * org.sijill.linkage.compare.Agreement}, which says how two records agree on every compared field
 * exactly as a linkage run compares them.
 */
package org.sijill.linkage.compare;
