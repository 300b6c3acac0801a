/**
 * Have we seen this before? {@link org.sijill.media.index.MediaIndex} keeps every fingerprinted
 * item under one directory and answers {@code seen(fingerprint)} with the matching earlier {@link
 * org.sijill.media.index.MediaItem}s ({@link org.sijill.media.index.SeenMatch}). Underneath, {@link
 * org.sijill.media.index.HammingIndex} finds every stored hash within a radius exactly, by
 * multi-index hashing. Start with {@code MediaIndex.openForReading} or {@code openForWriting}.
 */
package org.sijill.media.index;
