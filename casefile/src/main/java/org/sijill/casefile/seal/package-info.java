/**
 * Encryption at rest of the fields that identify people: the one small place where Sijill encrypts.
 *
 * <p>Why this shape:
 *
 * <ul>
 *   <li><b>Field by field, not the whole disk.</b> Most of a case (incidents, counts, hashes, the
 *       custody log's structure) must stay readable without the passphrase, so that proofs verify,
 *       counts run and partners check packages. Only the values that identify a witness, a source
 *       or an informant are sealed; everything else works on a locked case and shows a sealed value
 *       as {@link org.sijill.casefile.seal.Sealer#LOCKED}.
 *   <li><b>Tink AEAD (AES-256-GCM) under a data key</b>, with the field's name as associated data,
 *       so a sealed value cannot be moved to another field unnoticed. Tink's keyset keeps a key id
 *       in front of every ciphertext, which is what makes rotation cheap on append-only tables: a
 *       new primary key seals new values, older keys stay in the keyset to open old ones, and no
 *       row is ever rewritten.
 *   <li><b>The data key is wrapped</b> by a key-encryption key derived from a passphrase with
 *       Argon2id (Bouncy Castle): memory-hard, so guessing passphrases from a seized disk is slow.
 *       The passphrase is never stored; a wrong one fails Tink's authentication of the wrapped
 *       keyset, so it is told apart from damage without a separate check value.
 *   <li><b>Ciphertext is what gets logged.</b> A sealed custody detail goes into the custody log as
 *       ciphertext, so the log's hashes and inclusion proofs commit to the ciphertext and verify
 *       without any key.
 * </ul>
 */
package org.sijill.casefile.seal;
