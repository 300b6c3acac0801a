package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.EvidenceItem;

/** The demo's evidence takes the real ingest path, and its incidents' grades follow from it. */
class DemoEvidenceTest {
  @TempDir Path data;

  @Test
  void demoEvidenceIsIngestedAndOnlyIncidentsWithCorroboratedEvidenceAreConfirmed() {
    try (CaseFile c = TestDatabases.openCase()) {
      DemoCase.load(c, DemoCase.DEFAULT_SEED);
      int stored;
      try (EvidenceVault v = EvidenceVault.open(data, c)) {
        stored = new DemoEvidence(v).add(DemoCase.DEFAULT_SEED);
      }
      assertThat(stored).isEqualTo(5);
      assertThat(c.evidence().count()).isEqualTo(5);

      int confirmed = 0;
      for (var incident : c.incidents().all()) {
        String grade =
            c.claims().current(AssessmentTarget.INCIDENT, incident.id()).orElseThrow().grade();
        var evidence = c.evidence().forIncident(incident.id());
        if (grade.equals("confirmed")) {
          confirmed++;
          assertThat(evidence)
              .as("incident %d is confirmed", incident.id())
              .anySatisfy(
                  e ->
                      assertThat(
                              c.claims()
                                  .current(AssessmentTarget.EVIDENCE, e.id())
                                  .orElseThrow()
                                  .status())
                          .isIn("corroborated", "verified"));
        } else {
          assertThat(evidence.stream().map(EvidenceItem::id))
              .allSatisfy(
                  id ->
                      assertThat(
                              c.claims()
                                  .current(AssessmentTarget.EVIDENCE, id)
                                  .map(a -> a.status())
                                  .orElse("unverified"))
                          .isNotIn("corroborated", "verified"));
        }
      }
      assertThat(confirmed).isPositive();

      // The re-post is recognised by its fingerprint, and recorded as a near-duplicate.
      EvidenceItem repost =
          c.evidence().list(1, 50).items().stream()
              .filter(e -> "reposted.jpg".equals(e.originalName()))
              .findFirst()
              .orElseThrow();
      assertThat(c.nearDuplicates().earlierCopiesOf(repost.id()))
          .extracting(n -> n.earlierName())
          .contains("scene-1.png");
    }
  }

  @Test
  void theDemoDeskFinalisesAMisattributedVerdictAttributesAndRecordsAClaimInTheCustodyLog() {
    try (CaseFile c = TestDatabases.openCase()) {
      DemoCase.load(c, DemoCase.DEFAULT_SEED);
      try (EvidenceVault v = EvidenceVault.open(data, c)) {
        new DemoEvidence(v).add(DemoCase.DEFAULT_SEED);
      }
      DemoDesk.Result r = new DemoDesk(data, c).add().orElseThrow();
      // Done once: a second start leaves the case as it is.
      assertThat(new DemoDesk(data, c).add()).isEmpty();

      VerifyEvidence verify = new VerifyEvidence(data, c);
      VerificationState repost = verify.state(r.repostId());
      assertThat(repost.status()).isEqualTo(VerifyEvidence.FINALISED);
      assertThat(repost.inForce().judgement()).isEqualTo("misattributed");
      assertThat(repost.inForce().recordedBy()).isEqualTo("demo-analyst");
      assertThat(verify.state(r.originalId()).inForce().judgement()).isEqualTo("authentic");

      assertThat(c.attributions().forIncident(r.incidentId()))
          .extracting(a -> a.actorNameEn(), a -> a.grade(), a -> a.evidenceIds())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "Armed group A (synthetic)", "fair", java.util.List.of(r.originalId())),
              org.assertj.core.groups.Tuple.tuple(
                  "Militia B (synthetic)", "weak", java.util.List.of()));
      assertThat(c.publicClaims().find(r.claimId()).orElseThrow().evidenceId())
          .isEqualTo(r.repostId());

      // Every step is a custody log entry: the reviews and assessments on the items, the
      // attributions on the incident, the claim on the item that preserves it.
      assertThat(c.evidence().events(r.repostId()))
          .extracting(e -> e.action())
          .contains("assessed", "annotated");
      assertThat(c.vaultRecords().incidentTrail(r.incidentId()))
          .filteredOn(t -> "attributed".equals(t.details().get("action")))
          .hasSize(2);
      assertThat(new VerifyVault(data, c, ProgressListener.NONE).verify().faults()).isEmpty();
    }
  }
}
