package org.sijill.linkage;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * One input list, reduced to the columns linkage needs.
 *
 * @param name the source name written to the output (the file name without folder and extension)
 * @param columns the kept column names, in the order of each row's values
 * @param rows one array of values per record ("" = missing), aligned with {@code columns}
 * @param lines the input line of each row, for messages (may be empty for in-memory sources)
 */
public record Source(String name, List<String> columns, List<String[]> rows, int[] lines)
    implements java.io.Serializable {
  public Source {
    columns = List.copyOf(columns);
    if (lines.length != 0 && lines.length != rows.size()) {
      throw new IllegalArgumentException("lines must be empty or one per row");
    }
  }

  /** An in-memory source (rows aligned with columns). */
  public static Source of(String name, List<String> columns, List<String[]> rows) {
    return new Source(name, columns, rows, new int[0]);
  }

  /**
   * Reads a CSV list by the rules every Sijill command shares ({@link
   * org.sijill.linkage.csv.ListFile}), keeping {@code columns}: headers and values trimmed, UTF-8
   * (with or without BOM) unless {@code encoding} names another charset, decoded strictly. Problems
   * are reported as {@code FILE:LINE: column: reason}, one a line.
   */
  public static Source read(Path file, List<String> columns, Charset encoding) {
    return CsvSources.read(file, columns, encoding);
  }

  public int size() {
    return rows.size();
  }

  public int line(int row) {
    return lines.length == 0 ? row + 2 : lines[row];
  }
}
