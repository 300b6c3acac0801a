package org.sijill.linkage;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sijill.linkage.csv.ListFile;
import org.sijill.linkage.csv.ListFileException;

/**
 * Reads list files into {@link Source}s through the shared {@link ListFile} rules (UTF-8 unless
 * told otherwise, strict decoding, trimmed headers and values), keeping only the columns linkage
 * needs.
 */
final class CsvSources {
  private CsvSources() {}

  /** Problems reported before giving up on a file. */
  static final int MAX_PROBLEMS = 20;

  static Source read(Path file, List<String> wanted, Charset encoding) {
    String fname = file.toString();
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int[][] index = new int[1][];
    try {
      ListFile.read(
          file,
          fname,
          encoding,
          MAX_PROBLEMS,
          new ListFile.Handler() {
            @Override
            public void header(long line, List<String> names, ListFile.Problems problems) {
              index[0] = columnIndex(line, names, wanted, problems);
            }

            @Override
            public void row(long line, String[] values, ListFile.Problems problems) {
              String[] vals = new String[wanted.size()];
              for (int i = 0; i < vals.length; i++) {
                vals[i] = values[index[0][i]];
              }
              rows.add(vals);
              lines.add((int) line);
            }
          });
    } catch (ListFileException e) {
      throw new LinkageException(e.getMessage(), e);
    } catch (java.io.UncheckedIOException e) {
      throw new LinkageException(e.getMessage(), e);
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

  private static int[] columnIndex(
      long line, List<String> names, List<String> wanted, ListFile.Problems problems) {
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      pos.put(names.get(i), i);
    }
    int[] idx = new int[wanted.size()];
    for (int i = 0; i < idx.length; i++) {
      Integer c = pos.get(wanted.get(i));
      if (c == null) {
        problems.add(
            line,
            wanted.get(i),
            "missing column (the header has: " + String.join(", ", names) + ")");
        return idx;
      }
      idx[i] = c;
    }
    return idx;
  }
}
