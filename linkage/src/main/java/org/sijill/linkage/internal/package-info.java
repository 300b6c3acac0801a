/**
 * Machinery of the linkage library (the record table, growable primitive lists, progress ticks).
 * Public only so the library's own packages can share it; nothing outside {@code
 * org.sijill.linkage} may import it (an ArchUnit rule checks).
 */
package org.sijill.linkage.internal;
