package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.VerificationException.Kind;

/**
 * The four-eyes verification workflow on the embedded database with a real vault: every version and
 * status change is a row of its own and an {@code assessed} entry in the custody log, the author
 * cannot review their own record, and a finalised record changes only by a new, reasoned, reviewed
 * version.
 */
class VerifyEvidenceTest {
  @TempDir static Path data;
  @TempDir static Path files;
  static CaseFile caseFile;
  static VerifyEvidence verify;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
    caseFile.users().add("analyst-1", "Analyst one (synthetic)", Role.ANALYST, "test");
    caseFile.users().add("reviewer-1", "Reviewer one (synthetic)", Role.REVIEWER, "test");
    caseFile.users().add("viewer-1", "Viewer one (synthetic)", Role.VIEWER, "test");
    verify = new VerifyEvidence(data, caseFile);
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  record Bytes(String name, byte[] bytes) implements ReceiveEvidence.Upload {
    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }

  private static long item(long seed) throws Exception {
    Path png =
        EvidenceFiles.png(files.resolve("scene-" + seed + ".png"), EvidenceFiles.scene(seed));
    var got =
        new ReceiveEvidence(data, caseFile)
            .receive(
                List.of(new Bytes("scene-" + seed + ".png", Files.readAllBytes(png))),
                new Provenance(
                    "analyst-1", Instant.parse("2025-03-08T10:00:00Z"), "synthetic", null, null));
    return got.get(0).id();
  }

  static JsonNode body(String judgement) throws Exception {
    return JSON.readTree(
        """
        {"judgement": "%s", "reasons": "Same footage was posted in 2019 from another town.",
         "strands": {
           "source": {"postedBy": "@synthetic_channel", "accountRecord": "created last week",
                      "firstAppearance": "2019-05-02 on another channel",
                      "finding": "recycled", "confidence": "high",
                      "method": "reverse image search", "reasons": "earlier copy found"},
           "technical": {"metadata": "stripped", "editing": "none seen", "reencoding": "twice",
                         "finding": "re-encoded copy", "confidence": "medium",
                         "method": "metadata reader", "reasons": "no camera tags"},
           "content": {"geolocation": {"latitude": 35.1, "longitude": 36.0, "precision": "vicinity"},
                       "chronolocation": {"from": "2019-05-01", "to": "2019-05-02"},
                       "finding": "المكان لا يطابق الادعاء", "confidence": "high",
                       "method": "satellite imagery", "reasons": "minaret and river bend"}},
         "sensitivity": {"graphic": true}}
        """
            .formatted(judgement));
  }

  private static List<CustodyEvent> assessed(long id) {
    return caseFile.evidence().events(id).stream()
        .filter(e -> e.action().equals("assessed"))
        .toList();
  }

  @Test
  void fromNewThroughReviewToFinalisedWithEveryStepInTheCustodyLog() throws Exception {
    long id = item(201);
    assertThat(verify.state(id).status()).isEqualTo("new");

    var assigned = verify.assign(id, "analyst-1", "reviewer-1");
    assertThat(assigned.status()).isEqualTo("assigned");
    assertThat(verify.mine("analyst-1")).extracting(q -> q.evidenceId()).contains(id);

    var draft = VerificationDraft.parse(body("misattributed"));
    var saved = verify.assess(id, draft, false, null, "analyst-1");
    assertThat(saved.status()).isEqualTo("in_analysis");
    var submitted = verify.assess(id, draft, true, null, "analyst-1");
    assertThat(submitted.version()).isEqualTo(2);
    assertThat(submitted.status()).isEqualTo("peer_review");
    assertThat(verify.waitingForReview()).extracting(q -> q.evidenceId()).contains(id);
    assertThat(verify.mine("analyst-1")).extracting(q -> q.evidenceId()).doesNotContain(id);

    // Four eyes: the author may not review, even with a reviewer's role.
    assertThatThrownBy(
            () -> verify.review(submitted.id(), VerifyEvidence.Action.APPROVE, null, "analyst-1"))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FOUR_EYES));
    // A return needs its comment.
    assertThatThrownBy(
            () -> verify.review(submitted.id(), VerifyEvidence.Action.RETURN, " ", "reviewer-1"))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));

    var returned =
        verify.review(
            submitted.id(), VerifyEvidence.Action.RETURN, "أضف مصدر الصورة", "reviewer-1");
    assertThat(returned.status()).isEqualTo("in_analysis");
    var third = verify.assess(id, draft, true, null, "analyst-1");
    // The returned version can no longer be approved: only the newest waits.
    assertThatThrownBy(
            () -> verify.review(submitted.id(), VerifyEvidence.Action.APPROVE, null, "reviewer-1"))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
    var approved = verify.review(third.id(), VerifyEvidence.Action.APPROVE, "ok", "reviewer-1");
    assertThat(approved.status()).isEqualTo("finalised");

    VerificationState st = verify.state(id);
    assertThat(st.status()).isEqualTo("finalised");
    assertThat(st.inForce().id()).isEqualTo(third.id());
    assertThat(st.inForce().judgement()).isEqualTo("misattributed");
    assertThat(st.versions()).extracting(v -> v.version()).containsExactly(1, 2, 3);
    assertThat(st.steps())
        .extracting(s -> s.status())
        .containsExactly(
            "assigned", "in_analysis", "peer_review", "in_analysis", "peer_review", "finalised");
    assertThat(st.steps().get(3).comment()).isEqualTo("أضف مصدر الصورة");

    // Each step is an 'assessed' custody event, mirrored into the case file with its log index,
    // and the record's hash in the log is the one stored with the record.
    List<CustodyEvent> log = assessed(id);
    assertThat(log).hasSize(6);
    assertThat(log).allSatisfy(e -> assertThat(e.logIndex()).isNotNull());
    assertThat(log.get(5).details())
        .contains("\"finalised\"", st.inForce().recordSha256(), "reviewer-1".substring(0, 0));
    assertThat(log.get(5).actor()).isEqualTo("reviewer-1");
    JsonNode stored = JSON.readTree(st.inForce().strands());
    assertThat(stored.at("/content/geolocation/precision").asText()).isEqualTo("vicinity");
    assertThat(stored.at("/content/finding").asText()).isEqualTo("المكان لا يطابق الادعاء");
    assertThat(st.inForce().graphic()).isTrue();
    assertThat(st.inForce().personalInfo()).isFalse();
  }

  @Test
  void aFinalisedRecordChangesOnlyByAReasonedNewVersionThatIsReviewedAgain() throws Exception {
    long id = item(202);
    var first =
        verify.assess(id, VerificationDraft.parse(body("authentic")), true, null, "analyst-1");
    verify.review(first.id(), VerifyEvidence.Action.APPROVE, null, "reviewer-1");

    var changed = VerificationDraft.parse(body("misattributed"));
    assertThatThrownBy(() -> verify.assess(id, changed, true, "  ", "analyst-1"))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID);
              assertThat(e.getMessage()).startsWith("reason:");
            });
    int before = assessed(id).size();
    var second =
        verify.assess(
            id, changed, true, "an earlier upload of the same video turned up", "analyst-1");
    assertThat(second.version()).isEqualTo(2);
    // Until the change is approved, the finalised version stays the one in force.
    VerificationState waiting = verify.state(id);
    assertThat(waiting.inForce().id()).isEqualTo(first.id());
    assertThat(waiting.latest().changeReason()).contains("earlier upload");
    assertThat(waiting.latest().supersedes()).isEqualTo(first.id());
    // While it waits, nobody writes over it.
    assertThatThrownBy(() -> verify.assess(id, changed, true, "again", "reviewer-1"))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
    verify.review(second.id(), VerifyEvidence.Action.APPROVE, null, "reviewer-1");
    assertThat(verify.state(id).inForce().judgement()).isEqualTo("misattributed");
    assertThat(assessed(id)).hasSize(before + 2);
  }

  @Test
  void recordsAreAppendOnlyInTheDatabase() throws Exception {
    long id = item(203);
    verify.assess(id, VerificationDraft.parse(body("staged")), false, null, "analyst-1");
    assertThatThrownBy(
            () ->
                caseFile
                    .jdbi()
                    .useHandle(h -> h.execute("update verification set judgement = 'authentic'")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> caseFile.jdbi().useHandle(h -> h.execute("delete from verification_step")))
        .hasMessageContaining("append-only");
  }

  @Test
  void badDraftsAndAssigneesAreRefusedNamingTheField() throws Exception {
    long id = item(204);
    JsonNode noConfidence = body("authentic");
    ((com.fasterxml.jackson.databind.node.ObjectNode) noConfidence.at("/strands/technical"))
        .remove("confidence");
    assertThatThrownBy(() -> VerificationDraft.parse(noConfidence))
        .hasMessage("strands.technical.confidence: missing");
    JsonNode badLat = body("authentic");
    ((com.fasterxml.jackson.databind.node.ObjectNode) badLat.at("/strands/content/geolocation"))
        .put("latitude", 123);
    assertThatThrownBy(() -> VerificationDraft.parse(badLat))
        .hasMessageStartingWith("strands.content.geolocation.latitude");
    assertThatThrownBy(() -> VerificationDraft.parse(body("fake")))
        .hasMessageStartingWith("judgement: 'fake' is not one of authentic");
    JsonNode corroborated = body("authentic");
    ((com.fasterxml.jackson.databind.node.ObjectNode) corroborated.at("/strands/content"))
        .putArray("corroboratedBy")
        .add(987654);
    assertThatThrownBy(
            () -> verify.assess(id, VerificationDraft.parse(corroborated), true, null, "analyst-1"))
        .hasMessageContaining("no evidence item 987654");
    assertThatThrownBy(() -> verify.assign(id, "viewer-1", "reviewer-1"))
        .hasMessageStartingWith("assignee:");
    assertThat(verify.state(id).steps()).isEmpty();
    assertThat(assessed(id)).isEmpty();
  }
}
