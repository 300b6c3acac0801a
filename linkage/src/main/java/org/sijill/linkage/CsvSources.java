package org.sijill.linkage;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads list files robustly: a BOM is skipped, bytes that are not valid UTF-8 are read as
 * Windows-1256 (the common Arabic Windows code page), headers and values are trimmed (FEBRL puts a
 * space after every comma), a missing final newline is fine, blank lines are skipped.
 */
final class CsvSources {
  private CsvSources() {}

  static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

  static Source read(Path file, List<String> wanted, Charset encoding) {
    String fname = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LinkageException(fname + ": no such file");
    } catch (IOException e) {
      throw new LinkageException(fname + ": cannot read: " + e.getMessage(), e);
    }
    String text = decode(bytes, encoding);
    CSVFormat fmt =
        CSVFormat.DEFAULT
            .builder()
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int[] index = null;
    try (CSVParser p = CSVParser.parse(new StringReader(text), fmt)) {
      long lastLine = 0;
      for (CSVRecord r : p) {
        long line = lastLine + 1;
        lastLine = p.getCurrentLineNumber();
        if (index == null) {
          index = header(fname, line, r, wanted);
          continue;
        }
        if (r.size() == 1 && r.get(0).isEmpty()) {
          continue;
        }
        String[] vals = new String[wanted.size()];
        for (int i = 0; i < vals.length; i++) {
          int c = index[i];
          vals[i] = c < r.size() ? r.get(c).strip() : "";
        }
        rows.add(vals);
        lines.add((int) line);
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new LinkageException(fname + ": malformed CSV: " + e.getMessage(), e);
    }
    if (index == null) {
      throw new LinkageException(fname + ": empty file (no header row)");
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    int[] ln = new int[lines.size()];
    for (int i = 0; i < ln.length; i++) {
      ln[i] = lines.get(i);
    }
    return new Source(name, wanted, rows, ln);
  }

  private static int[] header(String file, long line, CSVRecord r, List<String> wanted) {
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      String h = r.get(i).strip();
      if (i == 0 && !h.isEmpty() && h.charAt(0) == '\uFEFF') {
        h = h.substring(1).strip();
      }
      pos.putIfAbsent(h, i);
    }
    int[] idx = new int[wanted.size()];
    for (int i = 0; i < idx.length; i++) {
      Integer c = pos.get(wanted.get(i));
      if (c == null) {
        List<String> have = new ArrayList<>();
        for (String h : r) {
          have.add(h.strip());
        }
        throw LinkageException.at(
            file,
            line,
            wanted.get(i),
            "missing column (the header has: " + String.join(", ", have) + ")");
      }
      idx[i] = c;
    }
    return idx;
  }

  /** UTF-8 (BOM skipped) when the bytes are valid UTF-8, else Windows-1256; or as forced. */
  static String decode(byte[] bytes, Charset forced) {
    int off = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      off = 3;
    }
    if (forced != null) {
      return new String(bytes, off, bytes.length - off, forced);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, off, bytes.length - off))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, off, bytes.length - off, WINDOWS_1256);
    }
  }
}
