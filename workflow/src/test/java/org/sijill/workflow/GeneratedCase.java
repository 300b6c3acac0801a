package org.sijill.workflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.linkage.Settings;
import org.sijill.linkage.synthetic.GeneratedLists;

/**
 * Generated victim lists imported into a test case, and the settings the counting tests link by.
 */
final class GeneratedCase {
  private GeneratedCase() {}

  /**
   * Name, sex, age, date and place of death, written to {@code dir/settings.json} and read back.
   */
  static Settings settings(Path dir) throws Exception {
    Path s = dir.resolve("settings.json");
    Files.writeString(
        s,
        "{\"id\": \"record_id\", \"fields\": ["
            + "{\"column\": \"full_name\", \"kind\": \"name\"},"
            + "{\"column\": \"sex\", \"kind\": \"exact\"},"
            + "{\"column\": \"age\", \"kind\": \"number\"},"
            + "{\"column\": \"date_of_death\", \"kind\": \"date\", \"format\": \"yyyy-MM-dd\"},"
            + "{\"column\": \"place_of_death\", \"kind\": \"name\"}]}");
    return LinkCase.settings(s);
  }

  /** Writes the lists as CSV files in {@code dir} and imports each under its file's name. */
  static List<Path> importLists(CaseFile caseFile, GeneratedLists g, Path dir) throws Exception {
    List<Path> lists = g.writeCsv(dir);
    VictimListReader reader = new VictimListReader(20);
    for (Path f : lists) {
      var v = reader.read(f, StandardCharsets.UTF_8);
      String name = f.getFileName().toString().replace(".csv", "");
      caseFile
          .victims()
          .importList(name, null, v.fileName(), v.sha256(), "UTF-8", v.rows(), "test", n -> {});
    }
    return lists;
  }
}
