package org.sijill.media.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.sijill.media.pdq.PdqHash;

/**
 * The frame hashes of a {@link MediaIndex}: {@code frames.bin}, a 16-byte magic header then fixed
 * 48-byte records (hash 32 bytes, item id, time in milliseconds, quality, CRC-32 of the record),
 * big-endian. Records are appended before their item's catalogue line, so records at the tail whose
 * item was never committed, torn or failing their checksum are dropped on open.
 */
final class FrameLog {
  static final byte[] MAGIC = "SIJILL-PDQ-V1\n\0\0".getBytes(StandardCharsets.US_ASCII);
  static final int RECORD = 48;

  private FrameLog() {}

  /** One record: kind 0 a whole frame, kind k > 0 its k-th centre crop. */
  record StoredFrame(int item, double seconds, int quality, int kind, PdqHash hash) {}

  record Loaded(List<StoredFrame> frames, long validBytes) {}

  static Loaded read(Path file, int committedItems) throws IOException {
    List<StoredFrame> frames = new ArrayList<>();
    if (!Files.exists(file) || Files.size(file) == 0) {
      return new Loaded(frames, 0);
    }
    byte[] all = Files.readAllBytes(file);
    if (all.length < MAGIC.length
        || !java.util.Arrays.equals(java.util.Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw new IOException(file + ": not a Sijill frame hash file");
    }
    long valid = MAGIC.length;
    int count = (all.length - MAGIC.length) / RECORD;
    byte[] rec = new byte[RECORD];
    for (int r = 0; r < count; r++) {
      System.arraycopy(all, MAGIC.length + r * RECORD, rec, 0, RECORD);
      StoredFrame f = decode(rec);
      if (f == null || f.item() >= committedItems) {
        // Only the tail may be torn or uncommitted (records are appended before their item line).
        for (int later = r + 1; later < count; later++) {
          System.arraycopy(all, MAGIC.length + later * RECORD, rec, 0, RECORD);
          StoredFrame g = decode(rec);
          if (g != null && g.item() < committedItems) {
            throw new IOException(
                file
                    + ": record "
                    + r
                    + " is damaged but later records are not; refusing to"
                    + " repair it automatically");
          }
        }
        break;
      }
      frames.add(f);
      valid = MAGIC.length + (long) (r + 1) * RECORD;
    }
    return new Loaded(frames, valid);
  }

  static void append(Path file, long validBytes, List<StoredFrame> frames) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long start = validBytes == 0 ? 0 : validBytes;
      ch.truncate(start);
      ch.position(start);
      ByteBuffer out = ByteBuffer.allocate(MAGIC.length + frames.size() * RECORD);
      if (start == 0) {
        out.put(MAGIC);
      }
      for (StoredFrame f : frames) {
        out.put(encode(f));
      }
      out.flip();
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ch.force(true);
    }
  }

  static byte[] encode(StoredFrame f) {
    ByteBuffer b = ByteBuffer.allocate(RECORD);
    b.putLong(f.hash().w3()).putLong(f.hash().w2()).putLong(f.hash().w1()).putLong(f.hash().w0());
    b.putInt(f.item());
    b.putInt((int) Math.round(f.seconds() * 1000));
    b.putInt(f.quality() | (f.kind() << 8));
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, RECORD - 4);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** The frame, or null when the record fails its checksum. */
  static StoredFrame decode(byte[] rec) {
    CRC32 crc = new CRC32();
    crc.update(rec, 0, RECORD - 4);
    ByteBuffer b = ByteBuffer.wrap(rec);
    if (b.getInt(RECORD - 4) != (int) crc.getValue()) {
      return null;
    }
    long w3 = b.getLong();
    long w2 = b.getLong();
    long w1 = b.getLong();
    long w0 = b.getLong();
    int item = b.getInt();
    int millis = b.getInt();
    int packed = b.getInt();
    return new StoredFrame(
        item, millis / 1000.0, packed & 0xff, packed >>> 8, new PdqHash(w0, w1, w2, w3));
  }
}
