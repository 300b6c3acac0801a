package org.sijill.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.gazetteer.Gazetteer;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.EvidenceStatus;
import org.sijill.casefile.model.Enums.Grade;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.repo.Evidence.NewItem;
import org.sijill.casefile.repo.Incidents.NewIncident;

/** Repository behaviour on a real (embedded) PostgreSQL. */
class CaseFileTest {
  static CaseFile caseFile;

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  static NewIncident incident(String title, int best) {
    return new NewIncident(
        null,
        title,
        "mass_killing",
        "synthetic",
        LocalDate.of(2025, 3, 7),
        "day",
        null,
        "day",
        null,
        best,
        Math.max(0, best - 5),
        best + 10,
        "under_review");
  }

  @Test
  void aCorrectionIsANewVersionAndTheOldOneStays() {
    long id = caseFile.incidents().add(incident("Shelling of a village", 12), "alice");
    int v =
        caseFile.incidents().correct(id, incident("Killings in a village", 14), "bob", "new list");

    assertThat(v).isEqualTo(2);
    assertThat(caseFile.incidents().find(id))
        .get()
        .extracting(Incident::titleEn, Incident::version)
        .containsExactly("Killings in a village", 2);
    assertThat(caseFile.incidents().history(id))
        .extracting(Incident::titleEn, Incident::recordedBy, Incident::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Shelling of a village", "alice", null),
            org.assertj.core.groups.Tuple.tuple("Killings in a village", "bob", "new list"));
  }

  @Test
  void aCorrectionWithoutReasonIsRefused() {
    long id = caseFile.incidents().add(incident("Raid", 3), "alice");
    assertThatThrownBy(() -> caseFile.incidents().correct(id, incident("Raid", 4), "bob", " "))
        .hasMessageContaining("reason");
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteRecordedRows() {
    long id = caseFile.incidents().add(incident("Arrests", 6), "alice");
    assertThatThrownBy(
            () ->
                caseFile
                    .jdbi()
                    .useHandle(
                        h -> h.execute("update incident set title_en = 'x' where id = ?", id)))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                caseFile.jdbi().useHandle(h -> h.execute("delete from incident where id = ?", id)))
        .hasMessageContaining("append-only");
    assertThat(caseFile.incidents().find(id)).isPresent();
  }

  @Test
  void evidenceAssessmentsSupersedeEachOther() {
    long source =
        caseFile
            .sources()
            .add(
                SourceKind.SOCIAL_ACCOUNT,
                null,
                "A synthetic account",
                Confidentiality.PUBLIC,
                null,
                "alice");
    long item =
        caseFile
            .evidence()
            .add(
                new NewItem(
                    "a".repeat(64),
                    null,
                    "video/mp4",
                    1234,
                    "clip.mp4",
                    "https://example.org/v/1",
                    java.time.Instant.parse("2025-03-08T10:00:00Z"),
                    "alice",
                    source,
                    "{\"duration\": 12.5}",
                    null),
                "alice");
    long first =
        caseFile
            .claims()
            .assess(
                AssessmentTarget.EVIDENCE,
                item,
                "reverse image search",
                null,
                EvidenceStatus.UNVERIFIED,
                "no earlier copy found yet",
                "alice",
                null);
    caseFile
        .claims()
        .assess(
            AssessmentTarget.EVIDENCE,
            item,
            "geolocation",
            null,
            EvidenceStatus.VERIFIED,
            "skyline matches the town's mosque",
            "bob",
            first);

    assertThat(caseFile.claims().assessments(AssessmentTarget.EVIDENCE, item)).hasSize(2);
    assertThat(caseFile.claims().current(AssessmentTarget.EVIDENCE, item))
        .get()
        .extracting(a -> a.status(), a -> a.assessor())
        .containsExactly("verified", "bob");
    assertThat(caseFile.evidence().find(item).get().metadata()).contains("12.5");
    assertThatThrownBy(
            () ->
                caseFile
                    .claims()
                    .assess(
                        AssessmentTarget.EVIDENCE, item, "x", Grade.FAIR, null, "", "bob", null))
        .hasMessageContaining("reasons");
  }

  @Test
  void theGazetteerHasTheFourteenGovernoratesWithArabicNames() {
    Gazetteer g = Gazetteer.syria();
    assertThat(g.governorates()).hasSize(14).allSatisfy(p -> assertThat(p.nameAr()).isNotBlank());
    var ids = g.install(caseFile, "gazetteer");
    var jableh = caseFile.locations().find(ids.get("jableh")).orElseThrow();
    assertThat(jableh.nameAr()).isEqualTo("جبلة");
    assertThat(jableh.variants()).contains("Jebleh");
    assertThat(jableh.parentId()).isEqualTo(ids.get("latakia"));
    assertThat(caseFile.locations().findByName("Jebleh")).isPresent();
  }

  /** The embedded database of a data folder (the other tests run on {@link TestDatabases}). */
  @Test
  void anEmbeddedFolderReopensAfterACrashAndASecondOpenWhileInUseIsRefused(@TempDir Path other)
      throws Exception {
    try (CaseFile c = CaseFile.open(other, Optional.empty())) {
      c.users().add("alice", "Alice", org.sijill.casefile.model.Enums.Role.REVIEWER, "setup");
    }
    // What a kill -9 leaves behind: a pid file naming a process that no longer exists.
    Files.writeString(
        other.resolve("db/postmaster.pid"),
        "999999\n" + other.resolve("db") + "\n1700000000\n5432\n/tmp\nlocalhost\n");
    try (CaseFile c = CaseFile.open(other, Optional.empty())) {
      assertThat(c.users().find("alice")).isPresent();
      assertThatThrownBy(() -> CaseFile.open(other, Optional.empty()))
          .hasMessageContaining("is in use by another Sijill process");
      assertThat(c.users().find("alice")).isPresent();
    }
  }

  @Test
  void publicClaimsReadAsTheyWereMade() {
    caseFile
        .publicClaims()
        .add(
            new org.sijill.casefile.repo.PublicClaims.NewPublicClaim(
                "A synthetic monitor",
                null,
                LocalDate.of(2025, 3, 10),
                1300,
                null,
                "at_least",
                "killed",
                "coast",
                null,
                null,
                null,
                null,
                null),
            "alice");
    assertThat(caseFile.publicClaims().all())
        .extracting(c -> c.figureText())
        .contains("at least 1,300");
    assertThat(List.of(1)).isNotEmpty();
  }
}
