package org.sijill.linkage.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a list file — CSV with a header row — by the rules every Sijill command shares:
 *
 * <ul>
 *   <li>UTF-8 unless the caller names another charset (any that Java knows, e.g. windows-1256); a
 *       UTF-8 byte-order mark is skipped. Nothing is guessed: a windows-1256 file read as UTF-8 is
 *       refused, not silently re-read in another encoding.
 *   <li>Decoding is strict: a byte sequence that is not valid in the charset is a problem named by
 *       line and column, never replaced — a wrong encoding would otherwise turn names into mojibake
 *       that links and counts as if it were data.
 *   <li>Header names and values are trimmed (FEBRL-style files put a space after each comma); blank
 *       lines are skipped; a missing final newline is fine.
 *   <li>A header column without a name, a header column named twice, and a row whose number of
 *       fields differs from the header's are problems.
 * </ul>
 *
 * <p>Problems are collected, up to a limit, as {@code FILE:LINE: column: reason}, so that a list
 * keeper can fix them all in one pass; lines are the file's physical lines (what an editor shows),
 * 1 being the header. The caller's {@link Handler} checks the meaning of the header and of each row
 * and adds its own problems to the same collection. If there is any problem, {@link #read} throws
 * {@link ListFileException} after the whole file (or the limit) is read.
 */
public final class ListFile {
  private ListFile() {}

  /** One thing wrong with a list file, located precisely enough to fix it. */
  public record Problem(String file, long line, String column, String reason) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + column + ": " + reason;
    }
  }

  /** Where a reader's problems go; reading stops once {@link #full()}. */
  public static final class Problems {
    private final String file;
    private final int max;
    private final List<Problem> list = new ArrayList<>();

    Problems(String file, int max) {
      this.file = file;
      this.max = max;
    }

    public void add(long line, String column, String reason) {
      if (list.size() < max) {
        list.add(new Problem(file, line, column, reason));
      }
    }

    public boolean full() {
      return list.size() >= max;
    }

    public boolean isEmpty() {
      return list.isEmpty();
    }

    /** Problems so far (at most the limit). */
    public int size() {
      return list.size();
    }

    /** The file name problems are reported under. */
    public String file() {
      return file;
    }
  }

  /** What a caller does with the header and each clean row. */
  public interface Handler {
    /**
     * The header's names, trimmed, in file order (called once, before any row, and only when every
     * column has a name and none appears twice).
     *
     * @param line the header's line (1 unless blank lines come first)
     */
    void header(long line, List<String> names, Problems problems);

    /**
     * One row whose bytes decoded cleanly and whose field count matches the header.
     *
     * @param line the physical line the row starts on
     * @param values trimmed, aligned with the header
     */
    void row(long line, String[] values, Problems problems);
  }

  /**
   * A charset from its name as a user types it; blank or null means UTF-8.
   *
   * @throws IllegalArgumentException naming the unknown charset
   */
  public static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException(
          "unknown character set '"
              + name
              + "' (UTF-8 is the default; windows-1256 for lists saved by Arabic Windows)");
    }
  }

  /**
   * Reads {@code file} whole, handing its header and rows to {@code handler}.
   *
   * @param displayName the file name used in problems (e.g. the path as the user typed it, or the
   *     name of an uploaded file)
   * @param charset null means UTF-8
   * @param maxProblems stop after this many problems
   * @throws ListFileException with every problem found, if there is any
   * @throws UncheckedIOException when the file cannot be read at all (other than missing)
   */
  public static void read(
      Path file, String displayName, Charset charset, int maxProblems, Handler handler) {
    Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
    Problems problems = new Problems(displayName, maxProblems);
    Decoded text;
    try {
      // No local keeps the bytes: a large list is held once as bytes, then once as text.
      text = decode(Files.readAllBytes(file), cs);
    } catch (NoSuchFileException e) {
      problems.add(0, "-", "no such file");
      throw new ListFileException(problems.list);
    } catch (IOException e) {
      throw new UncheckedIOException(displayName + ": cannot read: " + e.getMessage(), e);
    }
    parse(text, cs, problems, handler);
    if (!problems.isEmpty()) {
      throw new ListFileException(problems.list);
    }
  }

  /** Decoded text, and the lines holding bytes that were not valid (each marked by U+FFFD). */
  private record Decoded(String text, TreeMap<Long, Integer> badLines) {}

  /**
   * Decodes strictly but does not stop at the first bad byte: it notes where each bad sequence was
   * (so every one can be named by line and column) and marks it with U+FFFD, which never reaches
   * the caller — a row with a bad sequence is reported, not handed on.
   */
  private static Decoded decode(byte[] bytes, Charset cs) {
    int off = 0;
    if (cs.equals(StandardCharsets.UTF_8)
        && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      off = 3;
    }
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, off, bytes.length - off);
    CharBuffer out = CharBuffer.allocate(bytes.length + 16);
    List<Integer> bad = new ArrayList<>();
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        r = decoder.flush(out);
        if (r.isUnderflow()) {
          break;
        }
      }
      if (r.isOverflow() || out.remaining() < 1) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        out = bigger;
      }
      if (r.isError()) {
        bad.add(out.position());
        out.put('\uFFFD');
        in.position(in.position() + r.length());
      }
    }
    out.flip();
    String text = out.toString();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // a byte-order mark in another Unicode encoding
      List<Integer> shifted = new ArrayList<>();
      for (int b : bad) {
        shifted.add(b - 1);
      }
      bad = shifted;
    }
    TreeMap<Long, Integer> badLines = new TreeMap<>();
    int line = 1;
    int pos = 0;
    for (int b : bad) {
      for (; pos < b; pos++) {
        if (text.charAt(pos) == '\n') {
          line++;
        }
      }
      badLines.merge((long) line, 1, Integer::sum);
    }
    return new Decoded(text, badLines);
  }

  private static void parse(Decoded d, Charset cs, Problems problems, Handler handler) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    String badBytes =
        "bytes that are not valid "
            + cs.name()
            + (cs.equals(StandardCharsets.UTF_8)
                ? " (saved by Arabic Windows? try --encoding windows-1256)"
                : " (is the file in another encoding? try --encoding UTF-8)");
    Lines lines = new Lines(d.text());
    long lastLine = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(d.text()), format)) {
      Iterator<CSVRecord> it = parser.iterator();
      List<String> header = null;
      while (!problems.full()) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          String m = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
          problems.add(lastLine + 1, "-", "malformed CSV: " + m);
          return;
        }
        long line = lines.startOf(rec.getCharacterPosition());
        lastLine = Math.max(line, parser.getCurrentLineNumber());
        String[] values = rec.values();
        boolean badHere = !d.badLines().subMap(line, true, lastLine, true).isEmpty();
        if (header == null) {
          header = new ArrayList<>();
          for (String v : values) {
            header.add(v);
          }
          if (badHere) {
            problems.add(line, "header", badBytes);
            return;
          }
          if (checkHeader(header, line, problems)) {
            handler.header(line, header, problems);
          }
          if (!problems.isEmpty()) {
            return;
          }
          continue;
        }
        if (values.length == 1 && values[0].isEmpty() && header.size() > 1) {
          continue;
        }
        if (badHere) {
          boolean named = false;
          for (int i = 0; i < values.length; i++) {
            if (values[i].indexOf('\uFFFD') >= 0) {
              problems.add(line, i < header.size() ? header.get(i) : "-", badBytes);
              named = true;
            }
          }
          if (!named) {
            problems.add(line, "-", badBytes);
          }
          continue;
        }
        if (values.length != header.size()) {
          problems.add(
              line, "-", "has " + values.length + " fields but the header has " + header.size());
          continue;
        }
        handler.row(line, values, problems);
      }
      if (header == null) {
        problems.add(1, "-", "empty file (no header row)");
      }
    } catch (IOException e) {
      problems.add(lastLine + 1, "-", "malformed CSV: " + e.getMessage());
    }
  }

  /** Physical line numbers of character positions. */
  private static final class Lines {
    private final String text;
    private final int[] newlines;

    Lines(String text) {
      this.text = text;
      int n = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          n++;
        }
      }
      newlines = new int[n];
      for (int i = 0, k = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          newlines[k++] = i;
        }
      }
    }

    /** The line of the first character of a record that starts at {@code pos}. */
    long startOf(long pos) {
      int p = (int) pos;
      while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
        p++; // the blank lines the format skipped before this record
      }
      int i = java.util.Arrays.binarySearch(newlines, p);
      return (i >= 0 ? i : -i - 1) + 1L;
    }
  }

  /** True when the header is usable: every column named, none twice. */
  private static boolean checkHeader(List<String> header, long line, Problems problems) {
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (String h : header) {
      if (h.isEmpty()) {
        problems.add(line, "header", "a column has no name");
        ok = false;
      } else if (!seen.add(h)) {
        problems.add(line, h, "column appears twice in the header");
        ok = false;
      }
    }
    return ok;
  }
}
