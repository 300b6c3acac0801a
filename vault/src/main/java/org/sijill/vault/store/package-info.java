/**
 * Content-addressed storage of original bytes: {@link org.sijill.vault.store.BlobStore} (the
 * interface) and {@link org.sijill.vault.store.FileBlobStore} (on disk, {@code
 * blobs/sha256/ab/cd/<sha256>}, written durably: temp file, fsync, atomic rename, directory fsync).
 * The durable outputs (direct I/O or page cache with background fsyncs) stay package-private.
 */
package org.sijill.vault.store;
