package org.sijill.vault.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a custody log file front to back, checking every record against its stored leaf hash, and
 * tells a record torn by a crash at the end (safe to drop) from damage in the middle (never
 * repaired). Used by {@link CustodyLog} on every open.
 */
final class LogScanner {
  private LogScanner() {}

  static final class Scan {
    final List<Long> offsets = new ArrayList<>();
    final List<byte[]> leaves = new ArrayList<>();
    final List<String> faults = new ArrayList<>();
    long goodEnd;
  }

  static Scan scan(FileChannel ch) throws IOException {
    Scan s = new Scan();
    long size = ch.size();
    ByteBuffer head = ByteBuffer.allocate(CustodyLog.HEADER.length);
    if (size < CustodyLog.HEADER.length
        || readUpTo(ch, head, 0) < CustodyLog.HEADER.length
        || !MessageDigest.isEqual(head.array(), CustodyLog.HEADER)) {
      s.faults.add("log: missing or wrong header (not a Sijill custody log)");
      return s;
    }
    long pos = CustodyLog.HEADER.length;
    s.goodEnd = pos;
    ByteBuffer len = ByteBuffer.allocate(4);
    SequentialReader reader = new SequentialReader(ch);
    while (pos < size) {
      long index = s.offsets.size();
      if (size - pos < 4) {
        break; // torn length
      }
      len.clear();
      reader.read(len.array(), pos);
      int n = len.getInt(0);
      if (n <= 0 || n > CustodyLog.MAX_ENTRY) {
        if (zeroFrom(ch, pos)) {
          break; // torn: after a power cut a file system may show unwritten bytes as zeros
        }
        s.faults.add("log entry " + index + ": impossible length " + n + " at byte " + pos);
        return s;
      }
      long recEnd = pos + 4 + n + Merkle.HASH_LENGTH;
      if (recEnd > size) {
        break; // torn record
      }
      byte[] data = new byte[n];
      byte[] stored = new byte[Merkle.HASH_LENGTH];
      reader.read(data, pos + 4);
      reader.read(stored, pos + 4 + n);
      byte[] leaf = Merkle.leafHash(data);
      if (!MessageDigest.isEqual(leaf, stored)) {
        if (recEnd == size) {
          break; // a last record whose bytes did not all reach the disk
        }
        s.faults.add("log entry " + index + ": content does not match its recorded hash");
        return s;
      }
      s.offsets.add(pos);
      s.leaves.add(leaf);
      pos = recEnd;
      s.goodEnd = pos;
    }
    return s;
  }

  /** Whether every byte from {@code pos} to the end of the file is zero. */
  private static boolean zeroFrom(FileChannel ch, long pos) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    long p = pos;
    while (true) {
      b.clear();
      int n = readUpTo(ch, b, p);
      if (n <= 0) {
        return true;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) != 0) {
          return false;
        }
      }
      p += n;
    }
  }

  /** Reads a file front to back through one large buffer: opening a big log is one pass. */
  private static final class SequentialReader {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    private long start;
    private int length;

    SequentialReader(FileChannel ch) {
      this.ch = ch;
    }

    void read(byte[] dst, long pos) throws IOException {
      if (pos < start || pos + dst.length > start + length) {
        if (dst.length > buf.capacity()) {
          ByteBuffer big = ByteBuffer.wrap(dst);
          readFully(ch, big, pos);
          return;
        }
        buf.clear();
        length = readUpTo(ch, buf, pos);
        start = pos;
        if (length < dst.length) {
          throw new UncheckedIOException(new IOException("unexpected end of log at byte " + pos));
        }
      }
      System.arraycopy(buf.array(), (int) (pos - start), dst, 0, dst.length);
    }
  }

  static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    if (readUpTo(ch, buf, pos) < buf.capacity()) {
      throw new UncheckedIOException(new IOException("unexpected end of log at byte " + pos));
    }
  }

  static int readUpTo(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos + total);
      if (r < 0) {
        break;
      }
      total += r;
    }
    return total;
  }
}
