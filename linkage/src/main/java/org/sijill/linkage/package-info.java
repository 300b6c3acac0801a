/**
 * Record linkage of victim lists: one cluster per person across lists, scripts and
 * transliterations. Start with {@link org.sijill.linkage.Linker}: read a {@link
 * org.sijill.linkage.Settings} file, wrap each list as a {@link org.sijill.linkage.Source}, call
 * {@code link}, and read the {@link org.sijill.linkage.LinkResult} (clusters, scored pairs, review
 * pairs, the fitted model). People's own verdicts on pairs come in as {@link
 * org.sijill.linkage.Decision}s.
 *
 * <p>Below the root: {@code names} (normalisation, transliteration, search keys), {@code compare}
 * (field comparators and {@code Agreement}), {@code blocking} (candidate pairs), {@code model}
 * (Fellegi–Sunter and EM), {@code clustering}, {@code pairs} (the pair-level work an engine such as
 * Spark can take over), {@code csv} (the list-file reader), {@code synthetic} (the synthetic list
 * generator) and {@code internal} (machinery no caller outside this library may use).
 */
package org.sijill.linkage;
