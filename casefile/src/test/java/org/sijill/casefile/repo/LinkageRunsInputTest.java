package org.sijill.casefile.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.model.VictimRecord;

/** Reading a run's input says how far it has got after every batch, and reads the same records. */
class LinkageRunsInputTest {
  @TempDir Path files;

  @Test
  void readingTheInputReportsEveryBatchAndTheEnd() throws Exception {
    StringBuilder csv = new StringBuilder("record_id,full_name,sex,age\n");
    for (int i = 1; i <= 7; i++) {
      csv.append("r").append(i).append(",Synthetic Reader ").append(i).append(",F,2").append(i);
      csv.append('\n');
    }
    Path list = files.resolve("read.csv");
    Files.writeString(list, csv, StandardCharsets.UTF_8);
    VictimListReader.ValidList valid = new VictimListReader(20).read(list, StandardCharsets.UTF_8);
    try (CaseFile caseFile = TestDatabases.openCase()) {
      caseFile
          .victims()
          .importList(
              "read-list",
              null,
              valid.fileName(),
              valid.sha256(),
              "UTF-8",
              valid.rows(),
              "test",
              n -> {});
      LinkageInput runs = new LinkageInput(caseFile.jdbi(), 2);
      List<Long> heard = new ArrayList<>();
      List<VictimRecord> read = runs.input(heard::add);
      assertThat(heard).containsExactly(2L, 4L, 6L, 7L);
      assertThat(read).isEqualTo(caseFile.linkageInput().input());
      assertThat(read)
          .extracting(VictimRecord::recordId)
          .containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7");
    }
  }
}
