package org.sijill.media.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The item catalogue of a {@link MediaIndex}: {@code items.tsv}, one tab-separated line per item,
 * appended and forced to disk. A line is the commit point of an item: a last line without its
 * newline (a crash while writing) is ignored and cut off at the next write.
 */
final class ItemLog {
  static final String HEADER = "id\tkey\tkind\tadded\tsource\tacquired\tlabel\tduration\tframes";

  private ItemLog() {}

  /** The complete lines, and the byte length they occupy. */
  record Loaded(List<MediaItem> items, long validBytes) {}

  static Loaded read(Path file) throws IOException {
    List<MediaItem> items = new ArrayList<>();
    if (!Files.exists(file)) {
      return new Loaded(items, 0);
    }
    byte[] all = Files.readAllBytes(file);
    int lineStart = 0;
    long valid = 0;
    int lineNo = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] != '\n') {
        continue;
      }
      String line = new String(all, lineStart, i - lineStart, StandardCharsets.UTF_8);
      lineNo++;
      lineStart = i + 1;
      valid = lineStart;
      if (lineNo == 1) {
        if (!line.equals(HEADER)) {
          throw new IOException(file + ":1: not a Sijill media item list");
        }
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 9) {
        throw new IOException(file + ":" + lineNo + ": expected 9 fields, found " + f.length);
      }
      items.add(
          new MediaItem(
              Integer.parseInt(f[0]),
              unescape(f[1]),
              f[2],
              Instant.parse(f[3]),
              unescape(f[4]),
              f[5].isEmpty() ? null : Instant.parse(f[5]),
              unescape(f[6]),
              Double.parseDouble(f[7]),
              Integer.parseInt(f[8])));
    }
    return new Loaded(items, valid);
  }

  static void append(Path file, long validBytes, MediaItem it) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ch.truncate(validBytes);
      ch.position(validBytes);
      StringBuilder sb = new StringBuilder();
      if (validBytes == 0) {
        sb.append(HEADER).append('\n');
      }
      sb.append(it.id())
          .append('\t')
          .append(escape(it.key()))
          .append('\t')
          .append(it.kind())
          .append('\t')
          .append(it.added())
          .append('\t')
          .append(escape(it.source()))
          .append('\t')
          .append(it.acquired() == null ? "" : it.acquired().toString())
          .append('\t')
          .append(escape(it.label()))
          .append('\t')
          .append(it.durationSeconds())
          .append('\t')
          .append(it.frameCount())
          .append('\n');
      ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
