package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;

/**
 * {@code sijill restore FILE --db URL}: a backup goes into an empty database of an organisation's
 * PostgreSQL as the role Sijill uses there — the owner of its database, no superuser — and the
 * restored case answers as the original did. Runs on the server {@code SIJILL_TEST_PG} names (CI:
 * Debian's PostgreSQL, role {@code sijill_ci} with only CREATEDB) or on the embedded one, where the
 * test makes such a role itself. Every name is synthetic.
 */
class RestoreIntoServerTest {
  @TempDir Path data;
  @TempDir Path files;
  @TempDir Path elsewhere;

  @Test
  void aBackupRestoresIntoAnEmptyServerDatabaseAsItsOwnerAndChecks() throws Exception {
    long itemId;
    long victims;
    int viewings;
    Path backup = files.resolve("case.sijill-backup");
    try (CaseFile original = TestDatabases.openCase()) {
      Path png = EvidenceFiles.png(files.resolve("scene.png"), EvidenceFiles.scene(71));
      itemId =
          new ReceiveEvidence(data, original)
              .receive(
                  List.of(ReceiveEvidenceTest.Bytes.of("scene.png", png)),
                  new Provenance("analyst-1", null, null, null, null))
              .get(0)
              .id();
      assertThat(new OpenOriginal(data, original).recordView(itemId, "analyst-2", "page")).isTrue();
      Path list = files.resolve("list.csv");
      Files.writeString(
          list,
          "record_id,full_name,sex,date_of_death\n"
              + "r1,Synthetic Person One,M,2025-03-07\n"
              + "r2,شخص اصطناعي,F,2025-03-08\n",
          StandardCharsets.UTF_8);
      new ImportList(original)
          .run(
              new ImportList.Request(list, "list.csv", "Group Restore", null, null, "tester"),
              ProgressListener.NONE);
      victims = original.victims().count();
      viewings = original.evidence().events(itemId).size();
      new BackupCase(data, original, ProgressListener.NONE).write(backup);
    }

    String url = ownedByAnOrdinaryRole(TestDatabases.createDatabase());
    Path restored = elsewhere.resolve("restored");
    RestoreCase.Result r =
        new RestoreCase(ProgressListener.NONE)
            .restore(backup, restored, Optional.of(url), Optional.empty());
    assertThat(r.items()).isEqualTo(1);
    assertThat(r.rows()).containsEntry("evidence_item", 1L).containsEntry("victim_record", 2L);
    try (CaseFile back = CaseFile.open(restored, Optional.of(url))) {
      assertThat(back.victims().count()).isEqualTo(victims);
      assertThat(back.victims().search("Synthetic", 1, 10).items())
          .extracting(v -> v.recordId())
          .containsExactly("r1");
      assertThat(back.evidence().events(itemId)).hasSize(viewings);
      assertThat(new VerifyVault(restored, back, ProgressListener.NONE).verify().sound()).isTrue();
    }

    // The database now holds a case: a second restore into it is refused and leaves it as it was.
    Path again = elsewhere.resolve("again");
    assertThatThrownBy(
            () ->
                new RestoreCase(ProgressListener.NONE)
                    .restore(backup, again, Optional.of(url), Optional.empty()))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("already holds a case");
    assertThat(again).doesNotExist();
    try (CaseFile back = CaseFile.open(restored, Optional.of(url))) {
      assertThat(back.victims().count()).isEqualTo(victims);
    }
  }

  /**
   * The database of {@code url} as an organisation's server gives it to Sijill: owned by a role
   * that is no superuser. When the tests' server lets the test be a superuser (the embedded one),
   * such a role is made; otherwise the tests' own role already is one (CI's {@code sijill_ci}).
   */
  private static String ownedByAnOrdinaryRole(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("show is_superuser")) {
        rs.next();
        if (!"on".equals(rs.getString(1))) {
          return url;
        }
      }
      String role = "sijill_owner_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
      String password = UUID.randomUUID().toString();
      String database = c.getCatalog();
      s.execute("create role " + role + " login password '" + password + "'");
      s.execute("alter database " + database + " owner to " + role);
      s.execute("alter schema public owner to " + role);
      return url.replaceFirst("\\?.*$", "") + "?user=" + role + "&password=" + password;
    }
  }
}
