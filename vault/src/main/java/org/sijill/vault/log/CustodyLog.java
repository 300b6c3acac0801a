package org.sijill.vault.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.sijill.vault.internal.OwnerOnly;
import org.sijill.vault.store.FileBlobStore;

/**
 * An append-only file of custody entries whose leaves and nodes are hashed as RFC 9162 section 2.1
 * says.
 *
 * <p>File format ({@code custody.log}): the 16-byte header {@code "SIJILL-CUSTODY1\n"}, then one
 * record per entry: a 4-byte big-endian length n, the n entry bytes, and the entry's 32-byte leaf
 * hash SHA-256(0x00 || entry). The trailing hash makes a record self-checking, so a record cut
 * short by a crash is recognised and dropped on the next {@linkplain #openForAppend open}, while an
 * altered record in the middle of the file is reported, never silently repaired.
 *
 * <p>Durability: {@link #append} returns only after the record is written and the file forced to
 * the device; an entry whose append returned is never lost by a crash.
 */
public final class CustodyLog implements AutoCloseable {
  public static final byte[] HEADER = "SIJILL-CUSTODY1\n".getBytes(StandardCharsets.US_ASCII);
  static final int MAX_ENTRY = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final HashTree tree;
  private final List<Long> offsets;
  private final List<String> faults;
  private final long recoveredBytes;
  private long end;

  /** Set when a failed append could not be undone: the file may hold more than the tree. */
  private boolean unsure;

  /** Whether close leaves the tree to the next opening in this process ({@link LogMemory}). */
  private boolean keep;

  /** Whether opening read the whole file (false when it took over a kept tree). */
  private boolean scanned = true;

  private CustodyLog(Path file, FileChannel channel, LogScanner.Scan scan, long recoveredBytes) {
    this.file = file;
    this.channel = channel;
    this.faults = List.copyOf(scan.faults);
    this.recoveredBytes = recoveredBytes;
    this.tree = new HashTree();
    this.offsets = new ArrayList<>();
    for (int i = 0; i < scan.offsets.size(); i++) {
      offsets.add(scan.offsets.get(i));
      tree.append(scan.leaves.get(i));
    }
    this.end = scan.goodEnd;
  }

  private CustodyLog(Path file, FileChannel channel, LogMemory.Kept kept) {
    this.file = file;
    this.channel = channel;
    this.faults = List.of();
    this.recoveredBytes = 0;
    this.tree = kept.tree();
    this.offsets = kept.offsets();
    this.end = kept.end();
    this.scanned = false;
  }

  /**
   * Opens (creating if absent) a log for appending. A record torn by a crash at the very end is cut
   * off (its bytes are kept beside the log as {@code custody.log.torn-<offset>}); any other damage
   * refuses the open, since appending to a damaged log would bury the damage.
   *
   * @throws CorruptLogException when the log is damaged other than by a torn tail
   */
  public static CustodyLog openForAppend(Path file) throws IOException {
    OwnerOnly.directory(file.toAbsolutePath().getParent());
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    FileChannel ch =
        FileChannel.open(
            file,
            java.util.Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
            OwnerOnly.fileIn(file.toAbsolutePath().getParent()));
    try {
      if (fresh) {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(HEADER), 0);
        ch.force(true);
        FileBlobStore.fsyncDirectory(file.toAbsolutePath().getParent());
      }
      LogScanner.Scan scan = LogScanner.scan(ch);
      if (!scan.faults.isEmpty()) {
        throw new CorruptLogException(file + ": " + String.join("; ", scan.faults));
      }
      long recovered = ch.size() - scan.goodEnd;
      if (recovered > 0) {
        keepTornTail(file, ch, scan.goodEnd);
        ch.truncate(scan.goodEnd);
        ch.force(true);
      }
      return new CustodyLog(file, ch, scan, recovered);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * As {@link #openForAppend}, but when the last log of this file that this process closed left its
   * hash tree behind and the file is still exactly as that log left it, takes the tree over instead
   * of reading and hashing every record again; on close, leaves the tree for the next opening. A
   * process that opens its vault for each request (the server) so pays O(1), not O(log size), per
   * opening.
   *
   * <p>"Exactly as left" is checked on the file itself: the same file (inode), the same size and
   * modification time, the same header and the same last record's hash. Any difference — another
   * process appended (the vault's file lock lets one process at a time write, in turns), a crash
   * tore a record, the file was replaced or restored — means a full scan as {@link #openForAppend}
   * does, with its repairs and refusals. What this check cannot see is an edit that keeps the size
   * and lands within the file system's timestamp granularity of this process's last write; finding
   * altered entries is {@code VaultVerifier}'s work, which always reads the whole log.
   */
  public static CustodyLog openForAppendKept(Path file) throws IOException {
    LogMemory.Kept kept = LogMemory.take(file);
    if (kept != null && Files.exists(file)) {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        if (kept.matches(file, ch)) {
          CustodyLog log = new CustodyLog(file, ch, kept);
          log.keep = true;
          return log;
        }
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      ch.close();
    }
    CustodyLog log = openForAppend(file);
    log.keep = true;
    return log;
  }

  /**
   * Whether opening read and hashed the whole file; false when {@link #openForAppendKept} took over
   * the tree this process left, so nothing about the file (no crash, no other writer) changed since
   * this process last closed it.
   */
  public boolean scanned() {
    return scanned;
  }

  /**
   * Opens a log read-only for checking: nothing is repaired, and damage is reported by {@link
   * #faults()} instead of thrown. Entries up to the first damaged record are available.
   */
  public static CustodyLog openForReading(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      LogScanner.Scan scan = LogScanner.scan(ch);
      if (scan.goodEnd < ch.size() && scan.faults.isEmpty()) {
        scan.faults.add(
            "log: " + (ch.size() - scan.goodEnd) + " bytes of an unfinished record at the end");
      }
      return new CustodyLog(file, ch, scan, 0);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Appends one entry durably; returns its index. */
  public synchronized long append(byte[] entry) throws IOException {
    return appendAll(List.of(entry));
  }

  /** Appends entries with one forced write for all; returns the index of the first. */
  public synchronized long appendAll(List<byte[]> entries) throws IOException {
    long first = tree.size();
    int total = 0;
    for (byte[] e : entries) {
      if (e.length == 0 || e.length > MAX_ENTRY) {
        throw new IllegalArgumentException("a log entry must be 1.." + MAX_ENTRY + " bytes");
      }
      total += 4 + e.length + Merkle.HASH_LENGTH;
    }
    ByteBuffer buf = ByteBuffer.allocate(total);
    List<byte[]> leaves = new ArrayList<>(entries.size());
    for (byte[] e : entries) {
      byte[] leaf = Merkle.leafHash(e);
      leaves.add(leaf);
      buf.putInt(e.length).put(e).put(leaf);
    }
    buf.flip();
    if (unsure) {
      throw new IOException(
          file + ": an earlier append failed and could not be undone; reopen the vault");
    }
    long pos = end;
    try {
      while (buf.hasRemaining()) {
        pos += channel.write(buf, pos);
      }
      channel.force(false);
    } catch (IOException e) {
      // Undo a partly written record, so that what the caller was told (not appended) stays true
      // after a reopen too. If even that fails, later appends are refused: the file may hold
      // entries the tree does not.
      try {
        channel.truncate(end);
        channel.force(false);
      } catch (IOException undo) {
        e.addSuppressed(undo);
        unsure = true;
      }
      throw e;
    }
    long off = end;
    for (int i = 0; i < entries.size(); i++) {
      offsets.add(off);
      tree.append(leaves.get(i));
      off += 4 + entries.get(i).length + Merkle.HASH_LENGTH;
    }
    end = pos;
    return first;
  }

  /**
   * Whether a failed append may have left entries in the file that {@link #size} does not count
   * (the undo failed too). While false, a failed append is known to have left nothing behind.
   */
  public synchronized boolean unsure() {
    return unsure;
  }

  public synchronized long size() {
    return tree.size();
  }

  /** The entry bytes at {@code index}. */
  public synchronized byte[] entry(long index) throws IOException {
    long off = offsets.get(Math.toIntExact(index));
    ByteBuffer len = ByteBuffer.allocate(4);
    LogScanner.readFully(channel, len, off);
    ByteBuffer data = ByteBuffer.allocate(len.flip().getInt());
    LogScanner.readFully(channel, data, off + 4);
    return data.array();
  }

  public synchronized byte[] leafHash(long index) {
    return tree.leaf(index);
  }

  /** Root of the first {@code size} entries. */
  public synchronized byte[] root(long size) {
    return tree.root(size);
  }

  public synchronized List<byte[]> inclusionProof(long index, long size) {
    return tree.inclusionProof(index, size);
  }

  public synchronized List<byte[]> consistencyProof(long size1, long size2) {
    return tree.consistencyProof(size1, size2);
  }

  /** Damage found when the log was opened for reading; empty for a sound log. */
  public List<String> faults() {
    return faults;
  }

  /** Bytes of a torn final record dropped when the log was opened for appending. */
  public long recoveredBytes() {
    return recoveredBytes;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (keep && !unsure && channel.isOpen()) {
        keep = false;
        try {
          LogMemory.leave(file, end, tree, offsets);
        } catch (IOException gone) {
          // Nothing is left behind: the next opening reads the file, as it would anyway.
        }
      }
    } finally {
      channel.close();
    }
  }

  private static void keepTornTail(Path file, FileChannel ch, long from) throws IOException {
    ByteBuffer tail = ByteBuffer.allocate((int) Math.min(ch.size() - from, 64L << 20));
    LogScanner.readUpTo(ch, tail, from);
    Path kept = file.resolveSibling(file.getFileName() + ".torn-" + from);
    Files.write(kept, java.util.Arrays.copyOf(tail.array(), tail.position()));
  }
}
