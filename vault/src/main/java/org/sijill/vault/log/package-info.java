/**
 * The custody log and what proves it: {@link org.sijill.vault.log.CustodyLog} (append-only file,
 * RFC 9162 leaf and node hashing), {@link org.sijill.vault.log.Merkle} (roots and strict
 * inclusion/consistency proof checks, usable alone), signed checkpoints in the C2SP signed-note
 * format ({@link org.sijill.vault.log.CheckpointSigner}, {@link org.sijill.vault.log.NoteVerifier},
 * {@link org.sijill.vault.log.Checkpoint}) and optional RFC 3161 timestamps ({@link
 * org.sijill.vault.log.Timestamps}).
 */
package org.sijill.vault.log;
