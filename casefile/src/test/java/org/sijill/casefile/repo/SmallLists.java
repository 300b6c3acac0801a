package org.sijill.casefile.repo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.imports.VictimListReader;

/** Small synthetic victim lists imported into a case, for the repository tests of linkage runs. */
final class SmallLists {
  private SmallLists() {}

  /**
   * Imports records r1…r{@code count} as list {@code source}: "{@code name} i", sex {@code sex},
   * age {@code decade} followed by i. The CSV is written to {@code dir} and read as a user's is.
   */
  static void importList(
      CaseFile caseFile, Path dir, String source, int count, String name, char sex, int decade)
      throws Exception {
    StringBuilder csv = new StringBuilder("record_id,full_name,sex,age\n");
    for (int i = 1; i <= count; i++) {
      csv.append('r').append(i).append(',').append(name).append(' ').append(i);
      csv.append(',').append(sex).append(',').append(decade).append(i).append('\n');
    }
    Path list = dir.resolve(source + ".csv");
    Files.writeString(list, csv, StandardCharsets.UTF_8);
    VictimListReader.ValidList valid = new VictimListReader(20).read(list, StandardCharsets.UTF_8);
    caseFile
        .victims()
        .importList(
            source, null, valid.fileName(), valid.sha256(), "UTF-8", valid.rows(), "test", n -> {});
  }
}
