package org.sijill.workflow;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.sijill.vault.Digests;

/**
 * The layout of a backup file ({@code sijill-backup/1}): a ZIP archive whose entries are the parts
 * — {@code database/<table>.copy} (rows in PostgreSQL's COPY text format), {@code
 * vault/custody.log} (the log up to the backup's checkpoint), {@code vault/checkpoints/…}, {@code
 * vault/blobs/…}, {@code vault/meta/…}, {@code keys/…} (as they are at rest), {@code media/…} —
 * and, last, {@code manifest.json}, which lists every part with its size and SHA-256 and describes
 * the database (schema migrations, tables, columns, row counts, sequences) and the vault (log
 * entries, the checkpoint).
 */
final class BackupFormat {
  private BackupFormat() {}

  static final String FORMAT = "sijill-backup/1";
  static final String MANIFEST = "manifest.json";
  static final String DATABASE = "database/";

  /** The top-level folders a part may live under; anything else in a backup file is refused. */
  static boolean allowedPart(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.contains("//")
        || name.endsWith("/")) {
      return false;
    }
    for (String segment : name.split("/")) {
      if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
        return false;
      }
    }
    return name.startsWith(DATABASE)
        || name.startsWith("vault/")
        || name.startsWith("keys/")
        || name.startsWith("media/");
  }

  static MessageDigest sha256Digest() {
    return Digests.md("SHA-256");
  }

  static String tablePart(String table) {
    return DATABASE + table + ".copy";
  }

  /**
   * Passes bytes through to the archive while counting and hashing them; closing it does not close
   * the archive.
   */
  static final class Hashing extends FilterOutputStream {
    private final MessageDigest sha = sha256Digest();
    private long bytes;

    Hashing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      sha.update((byte) b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      sha.update(b, off, len);
      bytes += len;
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    long bytes() {
      return bytes;
    }

    String sha256() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }
}
