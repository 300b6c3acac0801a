/**
 * Machinery of the media library (the vPDQ frame matcher and its stored-hash view). Public only so
 * the library's own packages can share it; nothing outside {@code org.sijill.media} may import it
 * (an ArchUnit rule checks).
 */
package org.sijill.media.internal;
