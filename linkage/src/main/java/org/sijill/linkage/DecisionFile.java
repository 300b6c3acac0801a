package org.sijill.linkage;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads decision files (and edited review files) into {@link Decision}s. */
final class DecisionFile {
  private DecisionFile() {}

  static final List<String> COLUMNS =
      List.of("source_l", "record_id_l", "source_r", "record_id_r", "decision");

  static List<Decision> read(Path file, Charset encoding) {
    Source s = CsvSources.read(file, COLUMNS, encoding);
    List<Decision> out = new ArrayList<>();
    for (int r = 0; r < s.size(); r++) {
      String[] v = s.rows().get(r);
      String d = v[4].toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
      if (d.isEmpty()) {
        continue;
      }
      Decision.Verdict verdict =
          switch (d) {
            case "must-link", "same", "match", "yes", "1", "true" -> Decision.Verdict.SAME;
            case "cannot-link", "different", "non-match", "no-match", "no", "0", "false" ->
                Decision.Verdict.DIFFERENT;
            default ->
                throw LinkageException.at(
                    file.toString(),
                    s.line(r),
                    "decision",
                    "unknown decision \"" + v[4] + "\" (must-link or cannot-link)");
          };
      for (int c = 0; c < 4; c++) {
        if (v[c].isEmpty()) {
          throw LinkageException.at(file.toString(), s.line(r), COLUMNS.get(c), "empty value");
        }
      }
      out.add(new Decision(v[0], v[1], v[2], v[3], verdict, file + ":" + s.line(r)));
    }
    return out;
  }
}
