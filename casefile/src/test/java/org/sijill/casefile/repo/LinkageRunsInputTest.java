package org.sijill.casefile.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.VictimRecord;

/** Reading a run's input says how far it has got after every batch, and reads the same records. */
class LinkageRunsInputTest {
  @TempDir Path files;

  @Test
  void readingTheInputReportsEveryBatchAndTheEnd() throws Exception {
    try (CaseFile caseFile = TestDatabases.openCase()) {
      SmallLists.importList(caseFile, files, "read-list", 7, "Synthetic Reader", 'F', 2);
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
