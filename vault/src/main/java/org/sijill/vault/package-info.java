/**
 * The evidence vault: original bytes kept under their SHA-256 ({@link org.sijill.vault.BlobStore}),
 * an append-only custody log hashed as RFC 9162 section 2.1 says ({@link
 * org.sijill.vault.CustodyLog}, {@link org.sijill.vault.Merkle}), signed checkpoints in the C2SP
 * signed-note format ({@link org.sijill.vault.CheckpointSigner}, {@link
 * org.sijill.vault.NoteVerifier}) and BagIt evidence packages. {@link org.sijill.vault.Vault} is
 * the front door; see the module README and docs/custody.md.
 */
package org.sijill.vault;
