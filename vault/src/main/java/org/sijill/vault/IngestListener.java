package org.sijill.vault;

import java.nio.file.Path;

/**
 * Called by {@link Vault#add} for each item whose content is new to the vault, after it is durable
 * in the store and the log. For example, the media module fingerprints images and videos here.
 * {@code content} is the stored, read-only file: read it, never modify or move it. An exception
 * thrown here does not undo the ingest; it propagates to the caller of {@code add}.
 */
@FunctionalInterface
public interface IngestListener {
  void ingested(StoredBlob blob, Path content) throws java.io.IOException;
}
