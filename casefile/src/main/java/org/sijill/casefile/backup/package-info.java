/**
 * The whole database of a case as plain table data, for {@code sijill backup} and {@code sijill
 * restore}: {@link org.sijill.casefile.backup.DatabaseSnapshot} reads every table in one consistent
 * snapshot, {@link org.sijill.casefile.backup.DatabaseLoader} writes them back into a freshly
 * migrated, empty case file.
 */
package org.sijill.casefile.backup;
