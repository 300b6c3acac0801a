/**
 * The one reader of list files (CSV with a header row) that every Sijill command shares: {@code
 * sijill import-list} (through the case file's victim-list reader) and file-mode {@code sijill
 * link} (through {@link org.sijill.linkage.Source#read}) decode and frame a file by the same rules,
 * so a list one of them accepts the other cannot refuse for its bytes. See {@link
 * org.sijill.linkage.csv.ListFile}.
 */
package org.sijill.linkage.csv;
