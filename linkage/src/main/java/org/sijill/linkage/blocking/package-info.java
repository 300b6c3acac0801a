/**
 * Candidate pairs: which records are compared at all. {@link org.sijill.linkage.blocking.Blocker}
 * takes the union of several blocking keys (name skeletons, dates, {@link
 * org.sijill.linkage.blocking.MinHash} bands for typos) so that a pair one key misses another
 * catches. Start with {@code Blocker.candidates}; {@code Blocker}'s class comment names the classes
 * it is made of (record keys, splitting an oversized block, emitting pairs, statistics).
 */
package org.sijill.linkage.blocking;
