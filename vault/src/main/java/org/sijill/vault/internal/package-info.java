/**
 * Machinery of the vault, not an API: atomic file replacement, owner-only permissions, metadata
 * reading at ingest and its redaction for export. Public only so the vault's other packages can
 * call it; nothing outside {@code org.sijill.vault} may import it (ArchUnit in cli's
 * ArchitectureTest checks).
 */
package org.sijill.vault.internal;
