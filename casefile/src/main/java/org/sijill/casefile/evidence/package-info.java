/**
 * The case file's mirror of the vault's custody log ({@link
 * org.sijill.casefile.evidence.VaultRecords}): evidence items, custody events and their log leaf
 * hashes, written in log order and checked row by row by {@code sijill vault verify}.
 */
package org.sijill.casefile.evidence;
