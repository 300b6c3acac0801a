package org.sijill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.store.FileBlobStore;
import org.sijill.vault.store.StoredBlob;

/**
 * Content being stored that no log entry names yet, and how a failed or crashed ingest takes it
 * back. Exists so that a vault never keeps a blob it never acknowledged: the file {@link #FILE}
 * names, one SHA-256 a line, the content being stored right now; it is written and forced before
 * new content appears at its address and emptied on a clean close. After a crash, {@link
 * #takeBackUnlogged} removes the content it names that no log entry names (stored, never
 * acknowledged), while a blob put into the store by any other means stays for {@link Vault#verify}
 * to report.
 */
final class PendingContent {
  static final String FILE = "ingest.pending";

  private final Path root;
  private final FileBlobStore store;
  private final CustodyLog log;
  private final FileChannel pending;
  private long pendingEnd;

  PendingContent(Path root, FileBlobStore store, CustodyLog log, FileChannel pending) {
    this.root = root;
    this.store = store;
    this.log = log;
    this.pending = pending;
  }

  /** On opening after a crash: removes what the pending file names and no log entry names. */
  static void takeBackUnlogged(Path root, FileBlobStore store, CustodyLog log) throws IOException {
    Path file = root.resolve(FILE);
    if (!Files.exists(file) || Files.size(file) == 0) {
      return;
    }
    Set<String> named = new HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      if (Digests.isSha256Hex(line.strip())) {
        named.add(line.strip());
      }
    }
    for (long i = 0; i < log.size() && !named.isEmpty(); i++) {
      try {
        named.remove(CustodyEvent.parse(log.entry(i)).sha256());
      } catch (IllegalArgumentException unreadable) {
        return; // cannot tell what the log names: keep everything, verify will say
      }
    }
    for (String sha : named) {
      Files.deleteIfExists(metadataFile(root, sha));
      store.remove(sha);
    }
  }

  static Path metadataFile(Path root, String sha256) {
    return root.resolve("meta").resolve(sha256 + ".json");
  }

  /** Stores content, noting it as pending first when it is new. */
  StoredBlob put(InputStream in) throws IOException {
    return store.put(
        in,
        sha -> {
          synchronized (pending) {
            ByteBuffer b = ByteBuffer.wrap((sha + "\n").getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
              pendingEnd += pending.write(b, pendingEnd);
            }
            pending.force(false);
          }
        });
  }

  /** See {@link Vault#takeBack}. */
  void takeBack(StoredBlob blob, boolean metadataIsNew, long logSizeBefore, Throwable failure) {
    if (!blob.newlyStored() || log.unsure()) {
      return;
    }
    synchronized (log) {
      try {
        // Another add of the same bytes may have logged them meanwhile: then they stay. (One
        // that has not logged yet finds them gone under this lock, and fails cleanly.)
        for (long i = logSizeBefore; i < log.size(); i++) {
          if (CustodyEvent.parse(log.entry(i)).sha256().equals(blob.sha256())) {
            return;
          }
        }
        if (metadataIsNew) {
          Files.deleteIfExists(metadataFile(root, blob.sha256()));
        }
        store.remove(blob.sha256());
      } catch (IOException | RuntimeException undo) {
        failure.addSuppressed(undo);
      }
    }
  }

  /** Refuses to log content that a failed concurrent add took back; call holding the log. */
  void requireStored(String sha256) throws IOException {
    if (!store.contains(sha256)) {
      throw new IOException(
          sha256 + ": the content was taken back by another add that failed; add it again");
    }
  }

  /** Empties the pending file (a clean close: everything stored is logged) and closes it. */
  void close(boolean clean) throws IOException {
    try {
      if (clean) {
        pending.truncate(0);
        pending.force(true);
      }
    } finally {
      pending.close();
    }
  }
}
