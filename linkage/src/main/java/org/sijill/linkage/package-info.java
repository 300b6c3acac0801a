/**
 * Record linkage of victim lists. Public entry points: {@link org.sijill.linkage.Linker} with
 * {@link org.sijill.linkage.Settings}, {@link org.sijill.linkage.Source} and {@link
 * org.sijill.linkage.LinkResult}; {@link org.sijill.linkage.Names} (name normalisation and search
 * keys) and, in {@code synthetic}, the synthetic list generator.
 */
package org.sijill.linkage;
