package org.sijill.vault.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed storage of evidence bytes, keyed by the lowercase hex SHA-256 of the content.
 *
 * <p>Contract every implementation keeps, so that a local disk can later be swapped for an object
 * store:
 *
 * <ul>
 *   <li>{@link #put} reads the stream once (never holding it all in memory) and returns only once
 *       the content is durable; if it fails, no partial content is ever visible under any key.
 *   <li>Identical content is stored once; {@link StoredBlob#newlyStored()} tells whether this put
 *       wrote it.
 *   <li>Stored content is never modified or deleted through this interface.
 * </ul>
 *
 * <p>The vault reads and checks content through this interface (whether an item is stored before an
 * event names it, the re-hash of every item on verify, the bytes a package carries); what only a
 * disk can do (a file's path for decoders, taking back content a failed add just stored, the check
 * of the folder's layout) stays on {@link FileBlobStore}.
 */
public interface BlobStore {

  /** Stores the stream's content durably and returns its digests. */
  StoredBlob put(InputStream content) throws IOException;

  /** The content stored under {@code sha256}, if any. The caller closes the stream. */
  Optional<InputStream> open(String sha256) throws IOException;

  boolean contains(String sha256) throws IOException;

  /** Every stored key. The caller closes the stream. */
  Stream<String> list() throws IOException;
}
