/**
 * BagIt evidence packages (RFC 8493) with the custody proofs a partner needs: export, strict
 * reading and verification, import. Reached through {@code Vault.export} and {@code
 * Vault.importBag}; the layout is in {@link org.sijill.vault.bagit.BagLayout} and docs/custody.md.
 */
package org.sijill.vault.bagit;
