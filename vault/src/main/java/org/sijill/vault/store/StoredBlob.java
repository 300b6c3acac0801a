package org.sijill.vault.store;

/**
 * Content held in a {@link BlobStore}.
 *
 * @param sha256 lowercase hex SHA-256 of the content: its address
 * @param sha512 lowercase hex SHA-512 of the content, recorded for courts that ask for it
 * @param size content length in bytes
 * @param newlyStored whether the put that returned this wrote the content (false: already there)
 */
public record StoredBlob(String sha256, String sha512, long size, boolean newlyStored) {}
