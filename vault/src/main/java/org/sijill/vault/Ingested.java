package org.sijill.vault;

import org.sijill.vault.store.StoredBlob;

/**
 * The result of {@link Vault#add}: the item is durable in the store and the log when this exists.
 *
 * @param blob the stored content (its {@code newlyStored} is false for a duplicate)
 * @param logIndex index of the item's {@code acquired} event
 * @param mimeType the sniffed media type
 * @param fileName the original file's name (kept in the log; the stored name is the hash)
 */
public record Ingested(StoredBlob blob, long logIndex, String mimeType, String fileName) {}
