package org.sijill.vault.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hash trees that custody logs closed by this process leave for their next opening ({@link
 * CustodyLog#openForAppendKept}), one per log file, with what the file looked like when it was
 * closed. An opening takes the tree out (so two openings never share one) and uses it only if the
 * file still looks the same; otherwise it reads the file again.
 *
 * <p>Memory: the tree's ~64 bytes per entry plus an offset per entry, for at most {@link #MAX_LOGS}
 * logs (the least recently closed is dropped first; a server has one).
 */
public final class LogMemory {
  static final int MAX_LOGS = 8;

  private static final Map<Path, Kept> KEPT =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Kept> eldest) {
          return size() > MAX_LOGS;
        }
      };

  private LogMemory() {}

  /** A closed log's tree and the state of its file at closing. */
  record Kept(
      Object fileKey,
      long end,
      FileTime modified,
      byte[] lastLeaf,
      HashTree tree,
      List<Long> offsets) {

    /** Whether {@code file} (open as {@code ch}) is still the file this tree was left for. */
    boolean matches(Path file, FileChannel ch) throws IOException {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (fileKey == null
          || !fileKey.equals(a.fileKey())
          || a.size() != end
          || ch.size() != end
          || !a.lastModifiedTime().equals(modified)) {
        return false;
      }
      ByteBuffer head = ByteBuffer.allocate(CustodyLog.HEADER.length);
      if (LogScanner.readUpTo(ch, head, 0) != CustodyLog.HEADER.length
          || !MessageDigest.isEqual(head.array(), CustodyLog.HEADER)) {
        return false;
      }
      if (lastLeaf == null) {
        return end == CustodyLog.HEADER.length;
      }
      ByteBuffer stored = ByteBuffer.allocate(Merkle.HASH_LENGTH);
      return end - Merkle.HASH_LENGTH >= CustodyLog.HEADER.length
          && LogScanner.readUpTo(ch, stored, end - Merkle.HASH_LENGTH) == Merkle.HASH_LENGTH
          && MessageDigest.isEqual(stored.array(), lastLeaf);
    }
  }

  /** Removes and returns the tree left for {@code file}, if any. */
  static Kept take(Path file) {
    Path key = key(file);
    synchronized (KEPT) {
      return KEPT.remove(key);
    }
  }

  /**
   * Leaves a log's tree for the next opening of {@code file}, whose first {@code end} bytes it
   * describes. Nothing is left when the file's size is not {@code end} (it changed under the log).
   */
  static void leave(Path file, long end, HashTree tree, List<Long> offsets) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (a.size() != end || a.fileKey() == null) {
      return;
    }
    byte[] last = tree.size() == 0 ? null : tree.leaf(tree.size() - 1);
    Kept k = new Kept(a.fileKey(), end, a.lastModifiedTime(), last, tree, offsets);
    Path key = key(file);
    synchronized (KEPT) {
      KEPT.put(key, k);
    }
  }

  /** Forgets every kept tree (tests). */
  public static void clear() {
    synchronized (KEPT) {
      KEPT.clear();
    }
  }

  private static Path key(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    try {
      Path dir = abs.getParent();
      return dir == null
          ? abs
          : dir.toRealPath().resolve(Objects.requireNonNull(abs.getFileName()));
    } catch (IOException e) {
      return abs;
    }
  }
}
