package org.sijill.vault.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sijill.vault.internal.OwnerOnly;

/**
 * A new file being written that ends with {@link #sync}: everything written is on the disk, data
 * and metadata, when it returns. Closing without syncing abandons the content (the caller deletes
 * the file).
 */
abstract class DurableOutput extends OutputStream {

  /** Forces everything written, and the file's length, to the disk; then closes. */
  abstract void sync() throws IOException;

  @Override
  public abstract void close() throws IOException;

  /**
   * Creates {@code file} (which must not exist) for writing: with direct I/O where the file system
   * supports it ({@link DirectOutput}), otherwise through the page cache ({@link SyncingOutput}).
   */
  static DurableOutput create(Path file) throws IOException {
    if (DirectOutput.enabled()) {
      DurableOutput direct = DirectOutput.tryCreate(file);
      if (direct != null) {
        return direct;
      }
      Files.deleteIfExists(file);
    }
    FileChannel ch =
        FileChannel.open(
            file,
            java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            OwnerOnly.fileIn(file.toAbsolutePath().getParent()));
    return new SyncingOutput(ch);
  }
}
