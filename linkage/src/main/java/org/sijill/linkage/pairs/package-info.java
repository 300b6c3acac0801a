/**
 * The pair-level work of a run (candidate pairs, comparison vectors, scores), which an engine may
 * take over: {@link org.sijill.linkage.pairs.PairWork} ({@code PairWork.LOCAL} does it in this
 * process), found at run time through {@link org.sijill.linkage.pairs.PairWorkProvider}. An engine
 * reads the {@link org.sijill.linkage.pairs.Prepared} records and the fitted {@link
 * org.sijill.linkage.pairs.PairScores}. Start here only when writing an engine; callers use {@link
 * org.sijill.linkage.Linker}.
 */
package org.sijill.linkage.pairs;
