/**
 * Fixtures shared by the vault's own tests, other modules' tests and {@code bench} (through the
 * vault's test-jar): a child process to kill mid-ingest ({@link
 * org.sijill.vault.testing.CrashChild}, driven by {@link org.sijill.vault.testing.CrashRounds}) and
 * a synthetic JPEG with an EXIF position ({@link org.sijill.vault.testing.ExifJpeg}). Nothing here
 * is part of the vault's API.
 */
package org.sijill.vault.testing;
