package org.sijill.linkage.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sijill.linkage.LinkageException;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;

/**
 * All input records under one global index (sources concatenated in order), with each record's
 * source and the values of the compared fields. Checks record ids for duplicates within a source.
 */
public final class Records {
  public final List<Source> sources;
  public final int size;
  public final int[] source;
  final int[] row;
  private final int[][] fieldColumn;

  public Records(List<Source> sources, Settings settings) {
    this.sources = List.copyOf(sources);
    int n = 0;
    for (Source s : sources) {
      n += s.size();
    }
    if (n >= (1 << 24)) {
      throw new LinkageException("at most 16,777,215 records can be linked in one run");
    }
    size = n;
    source = new int[n];
    row = new int[n];
    fieldColumn = new int[sources.size()][settings.fields().size()];
    int[] ids = new int[sources.size()];
    int k = 0;
    for (int s = 0; s < sources.size(); s++) {
      Source src = sources.get(s);
      ids[s] = column(src, settings.id());
      for (int f = 0; f < settings.fields().size(); f++) {
        fieldColumn[s][f] = column(src, settings.fields().get(f).column());
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int r = 0; r < src.size(); r++) {
        String id = src.rows().get(r)[ids[s]];
        if (id.isEmpty()) {
          throw LinkageException.at(src.name(), src.line(r), settings.id(), "empty record id");
        }
        Integer first = seen.putIfAbsent(id, r);
        if (first != null) {
          throw LinkageException.at(
              src.name(),
              src.line(r),
              settings.id(),
              "duplicate record id \"" + id + "\" (first at line " + src.line(first) + ")");
        }
        source[k] = s;
        row[k] = r;
        k++;
      }
    }
    this.idColumns = ids;
  }

  private final int[] idColumns;

  private static int column(Source s, String name) {
    int c = s.columns().indexOf(name);
    if (c < 0) {
      throw LinkageException.at(s.name(), 1, name, "missing column");
    }
    return c;
  }

  public String id(int rec) {
    return sources.get(source[rec]).rows().get(row[rec])[idColumns[source[rec]]];
  }

  public String sourceName(int rec) {
    return sources.get(source[rec]).name();
  }

  /** The raw (trimmed) value of compared field {@code f}; "" when missing. */
  public String value(int rec, int f) {
    int s = source[rec];
    return sources.get(s).rows().get(row[rec])[fieldColumn[s][f]];
  }
}
