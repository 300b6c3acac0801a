/**
 * Record linkage of victim lists. Public entry points: {@link org.sijill.linkage.Names} (name
 * normalisation and search keys) and, in {@code synthetic}, the synthetic list generator.
 */
package org.sijill.linkage;
