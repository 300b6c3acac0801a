package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.gazetteer.Gazetteer;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.repo.Incidents;

/**
 * The incident desk on a fresh case with its own vault: incidents recorded and corrected with a
 * reason, graded with reasons, linked to a segment of an item, attributed, and public claims
 * recorded; every write touching an item is in its custody log, and a refused draft stores nothing.
 */
class IncidentDeskTest {
  @TempDir static Path data;
  @TempDir static Path files;
  static CaseFile caseFile;
  static long itemId;

  @BeforeAll
  static void open() throws Exception {
    caseFile = TestDatabases.openCase();
    Gazetteer.syria().install(caseFile, "test");
    Path png = EvidenceFiles.png(files.resolve("scene.png"), EvidenceFiles.scene(7));
    var got =
        new ReceiveEvidence(data, caseFile)
            .receive(
                List.of(new ReceiveEvidenceTest.Bytes("scene.png", Files.readAllBytes(png))),
                new Provenance(
                    "analyst-1", Instant.parse("2025-03-08T10:00:00Z"), "x", null, null));
    itemId = got.get(0).id();
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  private static IncidentDraft draft(String titleAr, String place, Integer best, String grade) {
    return new IncidentDraft(
        "Shelling of a market (synthetic)",
        titleAr,
        null,
        null,
        place,
        null,
        null,
        null,
        null,
        "2025-03",
        null,
        best,
        best == null ? null : best - 2,
        best == null ? null : best + 5,
        grade,
        grade == null ? null : "two independent videos (synthetic)",
        null);
  }

  @Test
  void anIncidentIsRecordedThenCorrectedWithAReasonAndBothVersionsStay() {
    RecordIncident record = new RecordIncident(caseFile);
    var first = record.create(draft("قصف سوق (اصطناعي)", "Baniyas", 12, "fair"), "analyst-1");
    Incident stored = caseFile.incidents().find(first.id()).orElseThrow();
    assertThat(stored.titleAr()).isEqualTo("قصف سوق (اصطناعي)");
    assertThat(stored.startDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(stored.startPrecision()).isEqualTo("month");
    assertThat(caseFile.locations().find(stored.locationId()).orElseThrow().nameEn())
        .isEqualTo("Baniyas");
    assertThat(caseFile.claims().current(AssessmentTarget.INCIDENT, first.id()).orElseThrow())
        .extracting(a -> a.grade(), a -> a.assessor())
        .containsExactly("fair", "analyst-1");

    assertThatThrownBy(
            () -> record.correct(first.id(), draft(null, "Baniyas", 14, "fair"), " ", "analyst-2"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("reason");

    IncidentDraft edit =
        new IncidentDraft(
            "Shelling of a market (synthetic)",
            "قصف سوق (اصطناعي)",
            null,
            null,
            null,
            35.18,
            35.95,
            "Market square (synthetic site)",
            200,
            "2025-03-07",
            "2025-03-08",
            14,
            12,
            20,
            "confirmed",
            "a third video geolocated (synthetic)",
            null);
    var second = record.correct(first.id(), edit, "a third source counted 14", "analyst-2");
    assertThat(second.version()).isEqualTo(2);
    assertThat(caseFile.incidents().history(first.id()))
        .extracting(Incident::version, Incident::casualtiesBest, Incident::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 12, null),
            org.assertj.core.groups.Tuple.tuple(2, 14, "a third source counted 14"));
    var place = caseFile.locations().find(second.locationId()).orElseThrow();
    assertThat(place.latitude()).isEqualTo(35.18);
    assertThat(place.level()).isEqualTo("site");
    assertThat(caseFile.claims().assessments(AssessmentTarget.INCIDENT, first.id()))
        .extracting(a -> a.grade())
        .containsExactly("fair", "confirmed");

    // Finding it: by grade, by the governorate it lies in (the gazetteer's parent of Baniyas is
    // not the new site, so the site's incident is found by period instead).
    assertThat(
            caseFile
                .incidents()
                .search(new Incidents.Filter(null, null, null, "confirmed", null), 1, 50)
                .items())
        .extracting(Incident::id)
        .contains(first.id());
    assertThat(
            caseFile
                .incidents()
                .search(
                    new Incidents.Filter(null, LocalDate.of(2025, 4, 1), null, null, null), 1, 50)
                .items())
        .extracting(Incident::id)
        .doesNotContain(first.id());
  }

  @Test
  void aBadDraftStoresNothing() {
    long incidents = caseFile.incidents().count();
    int places = caseFile.locations().all().size();
    RecordIncident record = new RecordIncident(caseFile);
    IncidentDraft badRange =
        new IncidentDraft(
            "x",
            null,
            null,
            null,
            null,
            35.0,
            36.0,
            "somewhere",
            null,
            "2025-03-09",
            "2025-03-01",
            null,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> record.create(badRange, "analyst-1"))
        .hasMessageStartingWith("dateTo:");
    assertThatThrownBy(() -> record.create(draft(null, "Atlantis", null, null), "analyst-1"))
        .hasMessageStartingWith("place:");
    assertThatThrownBy(() -> record.create(draft(null, null, 3, "sure"), "analyst-1"))
        .hasMessageStartingWith("grade:");
    assertThat(caseFile.incidents().count()).isEqualTo(incidents);
    assertThat(caseFile.locations().all()).hasSize(places);
  }

  @Test
  void linksAttributionsAndClaimsAreInTheItemsCustodyLog() {
    long incident =
        new RecordIncident(caseFile).create(draft(null, "Jableh", 5, null), "analyst-1").id();
    var linked = new LinkEvidence(data, caseFile).link(incident, itemId, 12.5, 40.0, "analyst-1");
    assertThat(caseFile.incidentLinks().evidence(incident))
        .extracting(l -> l.evidenceId(), l -> l.from(), l -> l.to())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(itemId, 12.5, 40.0));
    assertThatThrownBy(
            () -> new LinkEvidence(data, caseFile).link(incident, itemId, 40.0, 12.0, "a"))
        .hasMessageStartingWith("to:");

    var attributed =
        new AttributeIncident(data, caseFile)
            .attribute(
                incident,
                new AttributeIncident.Draft(
                    "Unit 00 (synthetic)",
                    "armed_group",
                    null,
                    "weak",
                    "insignia",
                    List.of(itemId)),
                "analyst-1");
    assertThat(attributed.newActor()).isTrue();
    var again =
        new AttributeIncident(data, caseFile)
            .attribute(
                incident,
                new AttributeIncident.Draft(
                    "unit 00 (synthetic)", null, "commander", "fair", null, List.of()),
                "analyst-1");
    assertThat(again.actorId()).isEqualTo(attributed.actorId());
    assertThat(caseFile.attributions().forIncident(incident))
        .extracting(a -> a.role(), a -> a.evidenceIds())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alleged_perpetrator", List.of(itemId)),
            org.assertj.core.groups.Tuple.tuple("commander", List.of()));
    assertThat(
            caseFile
                .incidents()
                .search(new Incidents.Filter(null, null, null, null, attributed.actorId()), 1, 9)
                .items())
        .extracting(Incident::id)
        .containsExactly(incident);

    var claim =
        new RecordPublicClaim(data, caseFile)
            .record(
                new RecordPublicClaim.Draft(
                    "A synthetic spokesman",
                    "about 9,000 killed on the coast",
                    9000,
                    null,
                    null,
                    "2025-03-08",
                    "the coast",
                    null,
                    "2025-03-06",
                    "2025-03-08",
                    null,
                    null,
                    itemId,
                    null),
                "analyst-1");
    assertThat(claim.qualifier()).isEqualTo("about");
    var stored = caseFile.publicClaims().find(claim.id()).orElseThrow();
    assertThat(stored.statedAs()).isEqualTo("about 9,000 killed on the coast");
    assertThat(stored.figure()).isEqualTo(9000);
    assertThat(stored.evidenceId()).isEqualTo(itemId);

    var events = caseFile.evidence().events(itemId);
    assertThat(events)
        .filteredOn(e -> e.logIndex() != null && e.logIndex() == linked.logIndex())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("linked_to_incident");
              assertThat(e.details()).contains("\"incident\"").contains("12.5");
            });
    assertThat(events).extracting(e -> e.action()).contains("annotated");
    assertThat(events).filteredOn(e -> e.action().equals("linked_to_incident")).hasSize(2);
  }
}
