/**
 * The evidence vault: original bytes kept under their SHA-256, an append-only custody log, signed
 * checkpoints and BagIt evidence packages. Start at {@link org.sijill.vault.Vault}: {@code
 * Vault.open(dataDir)}, then {@code add(file, Acquisition)}, {@code record(...)}, {@code
 * checkpoint()}, {@code proof(index)}, {@code export(...)}; {@code Vault.verify(...)} checks a
 * vault read-only and returns named {@link org.sijill.vault.Fault}s. {@link
 * org.sijill.vault.Digests} hashes files and streams. Concepts live in {@code store}
 * (content-addressed blobs), {@code log} (custody log, Merkle proofs, signed checkpoints,
 * timestamps) and {@code bagit} (packages); {@code internal} is machinery. See the module README
 * and docs/custody.md.
 */
package org.sijill.vault;
