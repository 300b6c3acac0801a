/**
 * The case's sealing keys as use cases: create them ({@code sijill keys init}), unlock them with
 * the passphrase at start, rotate them ({@code sijill keys rotate}). The cryptography itself is in
 * {@code org.sijill.casefile.seal}; these classes only tie it to a data directory and a case file.
 */
package org.sijill.workflow.keys;
