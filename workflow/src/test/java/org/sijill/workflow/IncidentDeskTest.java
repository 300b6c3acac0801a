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
 * recorded; every write is in the custody log (those touching an item in the item's log too), links
 * are withdrawn without removing anything, and a refused draft stores nothing.
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
    RecordIncident record = new RecordIncident(data, caseFile);
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
    RecordIncident record = new RecordIncident(data, caseFile);
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
        new RecordIncident(data, caseFile).create(draft(null, "Jableh", 5, null), "analyst-1").id();
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
    assertThat(events)
        .filteredOn(
            e ->
                e.action().equals("linked_to_incident")
                    && e.details().contains("\"incident\": \"" + incident + "\""))
        .hasSize(2);
  }

  /** The custody log entries naming {@code incident}, as their action and record. */
  private static List<String> trail(long incident) {
    return caseFile.vaultRecords().incidentTrail(incident).stream()
        .map(r -> r.action() + " " + r.details().getOrDefault("record", "item"))
        .toList();
  }

  @Test
  void everyDeskWriteIsACustodyLogEntryEvenWithoutEvidence() {
    RecordIncident record = new RecordIncident(data, caseFile);
    var first = record.create(draft(null, "Baniyas", 3, "weak"), "analyst-2");
    var second = record.correct(first.id(), draft(null, "Baniyas", 4, "weak"), "recount", "rev-1");
    long other = record.create(draft(null, null, null, null), "analyst-2").id();
    var related = new LinkToIncident(data, caseFile).link(first.id(), "incident", other, null, "a");
    var attributed =
        new AttributeIncident(data, caseFile)
            .attribute(
                first.id(),
                new AttributeIncident.Draft(
                    "Armed group A (synthetic)", "armed_group", null, "weak", null, List.of()),
                "analyst-2");

    var trail = caseFile.vaultRecords().incidentTrail(first.id());
    assertThat(trail)
        .extracting(r -> r.logIndex())
        .containsSubsequence(
            first.logIndex(),
            second.logIndex(),
            related.logIndex(),
            attributed.logIndexes().get(0));
    assertThat(trail)
        .filteredOn(r -> r.logIndex() == second.logIndex())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("recorded");
              assertThat(r.actor()).isEqualTo("rev-1");
              assertThat(r.evidenceId()).isNull();
              assertThat(r.details())
                  .containsEntry("action", "corrected")
                  .containsEntry("version", "2");
            });
    // A related-incident link is in the trail of both incidents.
    assertThat(trail(other)).containsExactly("recorded incident", "recorded incident_link");

    var claim =
        new RecordPublicClaim(data, caseFile)
            .record(
                new RecordPublicClaim.Draft(
                    "A synthetic official",
                    "at least 40",
                    40,
                    null,
                    null,
                    "2025-03-09",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                "analyst-2");
    assertThat(claim.logIndex()).isNull();
    assertThat(caseFile.vaultRecords().events())
        .filteredOn(e -> Long.valueOf(claim.recordIndex()).equals(e.logIndex()))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.claims())
                    .containsEntry("type", "recorded")
                    .containsEntry("record", "public_claim")
                    .containsEntry("public_claim", Long.toString(claim.id())));
    // Every entry is mirrored and matches its row: the vault still verifies.
    var report = new VerifyVault(data, caseFile, ProgressListener.NONE).verify();
    assertThat(report.faults()).isEmpty();
  }

  @Test
  void withoutAVaultADeskWriteIsRefusedAndNothingIsStored() {
    long incidents = caseFile.incidents().count();
    assertThatThrownBy(
            () -> new RecordIncident(null, caseFile).create(draft(null, null, 2, null), "a"))
        .isInstanceOf(EvidenceException.class)
        .hasMessageContaining("without a vault");
    assertThat(caseFile.incidents().count()).isEqualTo(incidents);
  }

  @Test
  void linksAreWithdrawnWithAReasonAndStayInTheHistory() {
    long incident =
        new RecordIncident(data, caseFile).create(draft(null, "Jableh", 2, null), "a-1").id();
    long other =
        new RecordIncident(data, caseFile).create(draft(null, "Jableh", 7, null), "a-1").id();
    var linked = new LinkEvidence(data, caseFile).link(incident, itemId, null, null, "a-1");
    var attributed =
        new AttributeIncident(data, caseFile)
            .attribute(
                incident,
                new AttributeIncident.Draft(
                    "Armed group B (synthetic)",
                    "armed_group",
                    null,
                    "fair",
                    null,
                    List.of(itemId)),
                "a-1");
    var related = new LinkToIncident(data, caseFile).link(incident, "incident", other, null, "a-1");
    WithdrawLink withdraw = new WithdrawLink(data, caseFile);

    assertThatThrownBy(() -> withdraw.withdraw(incident, "evidence", linked.id(), " ", "r-1"))
        .hasMessageStartingWith("reason:");
    assertThatThrownBy(() -> withdraw.withdraw(incident, "victims", linked.id(), "x", "r-1"))
        .hasMessageStartingWith("kind:");
    assertThatThrownBy(() -> withdraw.withdraw(other, "evidence", linked.id(), "x", "r-1"))
        .hasMessageStartingWith("linkId:");
    assertThat(caseFile.incidentLinks().withdrawals(incident)).isEmpty();

    var w1 = withdraw.withdraw(incident, "evidence", linked.id(), "wrong village", "r-1");
    var w2 = withdraw.withdraw(incident, "attribution", attributed.id(), "insignia misread", "r-1");
    // A related-incident link is withdrawn from the other incident's side as well.
    var w3 = withdraw.withdraw(other, "link", related.id(), "different day", "r-1");
    assertThatThrownBy(() -> withdraw.withdraw(incident, "evidence", linked.id(), "again", "r-1"))
        .hasMessageStartingWith("linkId:")
        .hasMessageContaining("withdrawn already");

    assertThat(caseFile.incidentLinks().evidence(incident)).isEmpty();
    assertThat(caseFile.attributions().forIncident(incident)).isEmpty();
    assertThat(caseFile.incidentLinks().links(incident)).isEmpty();
    assertThat(caseFile.incidentLinks().links(other)).isEmpty();
    assertThat(caseFile.evidence().forIncident(incident)).isEmpty();
    assertThat(
            caseFile
                .incidents()
                .search(new Incidents.Filter(null, null, null, null, attributed.actorId()), 1, 9)
                .items())
        .isEmpty();
    assertThat(caseFile.incidentLinks().withdrawals(incident))
        .extracting(w -> w.kind(), w -> w.linkId(), w -> w.reason(), w -> w.recordedBy())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("evidence", linked.id(), "wrong village", "r-1"),
            org.assertj.core.groups.Tuple.tuple(
                "attribution", attributed.id(), "insignia misread", "r-1"),
            org.assertj.core.groups.Tuple.tuple("link", related.id(), "different day", "r-1"));
    assertThat(caseFile.incidentLinks().withdrawals(incident).get(0).what())
        .isEqualTo("evidence item " + itemId);
    assertThat(caseFile.incidentLinks().withdrawals(incident).get(1).what())
        .startsWith("Armed group B (synthetic), alleged_perpetrator, fair");
    assertThat(caseFile.incidentLinks().withdrawals(other)).hasSize(1);

    // The item's custody log tells of both withdrawals it was part of; each withdrawal is an entry.
    assertThat(w1.logIndexes()).hasSize(2);
    assertThat(w2.logIndexes()).hasSize(2);
    assertThat(w3.logIndexes()).hasSize(1);
    assertThat(caseFile.evidence().events(itemId))
        .filteredOn(e -> e.action().equals("unlinked_from_incident"))
        .hasSize(2);
    assertThat(trail(incident))
        .endsWith(
            "unlinked_from_incident item",
            "recorded withdrawal",
            "unlinked_from_incident item",
            "recorded withdrawal",
            "recorded withdrawal");
  }

  /**
   * A victim *person* (a linkage run's person, by the id the runs keep) is linked to an incident
   * beside a victim record (both kinds stay readable), the link is a custody log entry naming the
   * person, an id no run gave is refused, and the link is withdrawn like the others.
   */
  @Test
  void aVictimPersonIsLinkedBesideARecordLoggedAndWithdrawn() throws Exception {
    Path list = files.resolve("orchard-list.csv");
    Files.writeString(
        list,
        "record_id,full_name,date_of_death\no1,Zq Hadi Orchard,2025-03-08\n"
            + "o2,Zq Mona Vineyard,2025-03-09\n");
    new ImportList(caseFile)
        .run(
            new ImportList.Request(list, "orchard-list.csv", "Group Orchard", null, null, "test"),
            ProgressListener.NONE);
    long record = caseFile.victims().search("Zq Hadi Orchard", 1, 1).items().get(0).id();
    var run =
        new LinkCase(caseFile)
            .link(
                LinkCase.Request.of(VictimListSettings.parse(VictimListSettings.json()), "test"),
                ProgressListener.NONE)
            .run();
    long person =
        caseFile.linkageRuns().records(run.id()).entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(r -> r.id() == record))
            .findFirst()
            .orElseThrow()
            .getKey();
    long incident =
        new RecordIncident(data, caseFile).create(draft(null, "Jableh", 3, null), "a-1").id();
    LinkToIncident link = new LinkToIncident(data, caseFile);

    assertThatThrownBy(() -> link.link(incident, "person", 999_999L, null, "a-1"))
        .hasMessageStartingWith("target:")
        .hasMessageContaining("no person 999999");
    assertThatThrownBy(() -> link.link(incident, "persons", person, null, "a-1"))
        .hasMessageStartingWith("kind:")
        .hasMessageContaining("person");
    var byRecord = link.link(incident, "victim", record, null, "a-1");
    var byPerson = link.link(incident, "person", person, "named by a witness", "a-1");
    assertThat(caseFile.incidentLinks().links(incident))
        .extracting(l -> l.kind() + " " + l.targetId())
        .containsExactly("victim " + record, "person " + person);
    assertThat(caseFile.vaultRecords().incidentTrail(incident))
        .filteredOn(r -> r.logIndex() == byPerson.logIndex())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.details())
                    .containsEntry("record", "incident_link")
                    .containsEntry("kind", "person")
                    .containsEntry("target", Long.toString(person))
                    .containsEntry("link_id", Long.toString(byPerson.id())));

    var w = new WithdrawLink(data, caseFile).withdraw(incident, "link", byPerson.id(), "x", "r-1");
    assertThat(w.logIndexes()).hasSize(1);
    assertThat(caseFile.incidentLinks().links(incident))
        .extracting(l -> l.kind() + " " + l.targetId())
        .containsExactly("victim " + record);
    assertThat(caseFile.incidentLinks().withdrawals(incident))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.what()).isEqualTo("person " + person);
              assertThat(x.link().linkKind()).isEqualTo("person");
              assertThat(x.link().target()).isEqualTo(person);
            });
    assertThat(byRecord.id()).isLessThan(byPerson.id());
  }
}
