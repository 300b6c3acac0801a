package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.Provenance;
import org.sijill.workflow.ReceiveEvidence;
import org.sijill.workflow.accounts.Accounts;

/**
 * The verification desk's API with tokens, on a fresh case with its own vault: a record in three
 * strands goes to review, its author cannot review it (403), another reviewer approves it, the
 * finalised record changes only with a reason, and every step is in the custody log.
 */
class VerificationApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, String> TOKENS = new HashMap<>();
  private static CaseFile caseFile;
  private static SijillServer server;
  private static Path dataDir;

  @BeforeAll
  static void start(@TempDir Path data) {
    dataDir = data;
    caseFile = TestDatabases.openCase();
    Accounts accounts = Accounts.over(caseFile, java.time.Clock.systemUTC(), d -> {});
    Map<String, Role> users =
        Map.of(
            "v-analyst", Role.ANALYST,
            "v-reviewer", Role.REVIEWER,
            "v-reviewer-2", Role.REVIEWER,
            "v-viewer", Role.VIEWER);
    for (var u : users.entrySet()) {
      accounts
          .addUser()
          .add(u.getKey(), "Synthetic " + u.getKey(), u.getValue(), "pass phrase 1", "test");
      TOKENS.put(u.getKey(), accounts.createToken().create(u.getKey(), null, "test").token());
    }
    server = SijillServer.start(caseFile, ServerOptions.local(0), accounts, data);
  }

  @AfterAll
  static void stop() {
    server.close();
    caseFile.close();
  }

  private static long item(int seed) throws Exception {
    var img = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    img.setRGB(seed % 64, seed % 48, 0xffffff);
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    byte[] bytes = out.toByteArray();
    ReceiveEvidence.Upload u =
        new ReceiveEvidence.Upload() {
          @Override
          public String name() {
            return "api-" + seed + ".png";
          }

          @Override
          public InputStream open() {
            return new ByteArrayInputStream(bytes);
          }
        };
    return new ReceiveEvidence(dataDir, caseFile)
        .receive(
            List.of(u),
            new Provenance(
                "v-analyst", Instant.parse("2025-03-07T00:00:00Z"), "synthetic", null, null))
        .get(0)
        .id();
  }

  static ObjectNode record(String judgement) throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"judgement": "%s", "reasons": "The same scene was posted years earlier.",
             "strands": {
               "source": {"postedBy": "synthetic account", "finding": "account created after the event",
                          "confidence": "medium", "method": "account history", "reasons": "join date"},
               "technical": {"reencoding": "several generations", "finding": "re-encoded",
                             "confidence": "low", "method": "metadata reader", "reasons": "no tags"},
               "content": {"geolocation": {"latitude": 35.52, "longitude": 35.79, "precision": "locality"},
                           "chronolocation": {"from": "2019-01-01", "to": "2019-12-31"},
                           "finding": "ظلال الشتاء لا تطابق آذار", "confidence": "high",
                           "method": "shadow analysis", "reasons": "sun angle"}},
             "sensitivity": {"graphic": false, "personalInfo": true}}
            """
                .formatted(judgement));
  }

  private static HttpResponse<String> send(String method, String path, String user, Object body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json");
    if (user != null) {
      b.header("Authorization", "Bearer " + TOKENS.get(user));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRecordIsReviewedByAnotherReviewerAndLockedWhenFinalised() throws Exception {
    long id = item(1);
    HttpResponse<String> created =
        send("POST", "/api/evidence/" + id + "/assessments", "v-reviewer", record("misattributed"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode c = JSON.readTree(created.body());
    long rec = c.get("id").asLong();
    assertThat(c.get("status").asText()).isEqualTo("peer_review");

    // Four eyes: its author, though a reviewer, is refused; an analyst lacks the role.
    HttpResponse<String> own =
        send(
            "POST",
            "/api/assessments/" + rec + "/review",
            "v-reviewer",
            Map.of("action", "approve"));
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(own.body()).get("message").asText()).contains("four eyes");
    assertThat(
            send(
                    "POST",
                    "/api/assessments/" + rec + "/review",
                    "v-analyst",
                    Map.of("action", "approve"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    "POST",
                    "/api/assessments/" + rec + "/review",
                    "v-reviewer-2",
                    Map.of("action", "maybe"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            JSON.readTree(
                    send("GET", "/api/verification/queue?list=review", "v-viewer", null).body())
                .get("items"))
        .anySatisfy(q -> assertThat(q.get("evidenceId").asLong()).isEqualTo(id));

    HttpResponse<String> approved =
        send(
            "POST",
            "/api/assessments/" + rec + "/review",
            "v-reviewer-2",
            Map.of("action", "approve", "comment", "checked"));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(JSON.readTree(approved.body()).get("status").asText()).isEqualTo("finalised");
    // A second review of the same version is a conflict.
    assertThat(
            send(
                    "POST",
                    "/api/assessments/" + rec + "/review",
                    "v-reviewer-2",
                    Map.of("action", "approve"))
                .statusCode())
        .isEqualTo(409);

    JsonNode state =
        JSON.readTree(
            send("GET", "/api/evidence/" + id + "/verification", "v-viewer", null).body());
    assertThat(state.get("status").asText()).isEqualTo("finalised");
    assertThat(state.get("inForce").asLong()).isEqualTo(rec);
    assertThat(state.get("locked").asBoolean()).isTrue();
    assertThat(state.get("history"))
        .extracting(h -> h.get("status").asText())
        .containsExactly("peer_review", "finalised");
    JsonNode one = JSON.readTree(send("GET", "/api/assessments/" + rec, "v-viewer", null).body());
    assertThat(one.at("/strands/content/finding").asText()).isEqualTo("ظلال الشتاء لا تطابق آذار");
    assertThat(one.at("/sensitivity/personalInfo").asBoolean()).isTrue();
    assertThat(one.get("recordSha256").asText()).hasSize(64);

    // Locked: a change without a reason is refused, with one it is a new version under review.
    HttpResponse<String> noReason =
        send("POST", "/api/evidence/" + id + "/assessments", "v-analyst", record("authentic"));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noReason.body()).get("message").asText()).startsWith("reason:");
    ObjectNode withReason = record("authentic");
    withReason.put("reason", "the earlier post was itself a copy");
    HttpResponse<String> v2 =
        send("POST", "/api/evidence/" + id + "/assessments", "v-analyst", withReason);
    assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
    JsonNode versions =
        JSON.readTree(send("GET", "/api/evidence/" + id + "/assessments", "v-viewer", null).body());
    assertThat(versions.get("total").asInt()).isEqualTo(2);
    assertThat(versions.at("/items/1/reason").asText()).contains("itself a copy");

    // Every step is an 'assessed' entry of the custody log.
    assertThat(caseFile.evidence().events(id).stream().filter(e -> e.action().equals("assessed")))
        .hasSize(3);
  }

  @Test
  void refusalsNameTheFieldAndWriteNothing() throws Exception {
    long id = item(2);
    ObjectNode bad = record("authentic");
    ((ObjectNode) bad.at("/strands/content/geolocation")).remove("precision");
    HttpResponse<String> r = send("POST", "/api/evidence/" + id + "/assessments", "v-analyst", bad);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("message").asText())
        .startsWith("strands.content.geolocation.precision");
    assertThat(
            send("POST", "/api/evidence/" + id + "/assessments", "v-viewer", record("authentic"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("POST", "/api/evidence/" + id + "/assessments", null, record("authentic"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send("POST", "/api/evidence/999999/assessments", "v-analyst", record("authentic"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            send(
                    "POST",
                    "/api/evidence/" + id + "/assign",
                    "v-analyst",
                    Map.of("assignee", "v-viewer"))
                .statusCode())
        .isEqualTo(400);
    assertThat(caseFile.verifications().versions(id)).isEmpty();
    assertThat(caseFile.verifications().steps(id)).isEmpty();

    HttpResponse<String> assigned =
        send(
            "POST",
            "/api/evidence/" + id + "/assign",
            "v-reviewer",
            Map.of("assignee", "v-analyst"));
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    assertThat(
            JSON.readTree(
                    send("GET", "/api/verification/queue?list=mine", "v-analyst", null).body())
                .get("items"))
        .anySatisfy(q -> assertThat(q.get("evidenceId").asLong()).isEqualTo(id));
  }

  @Test
  void aRestrictedItemsRecordIsWithheldFromThoseOutsideItsGroup() throws Exception {
    long id = item(3);
    ObjectNode secret = record("staged");
    ((ObjectNode) secret.at("/strands/source")).put("postedBy", "Zq-secret-poster");
    HttpResponse<String> created =
        send("POST", "/api/evidence/" + id + "/assessments", "v-analyst", secret);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long rec = JSON.readTree(created.body()).get("id").asLong();
    org.sijill.workflow.access.Groups groups = org.sijill.workflow.access.Groups.over(caseFile);
    groups.create().create("v-north", "t");
    groups.members().add("v-north", "v-reviewer", "t");
    groups.restrict().restrict(org.sijill.workflow.access.ItemType.EVIDENCE, id, "v-north", "t");

    for (String path :
        List.of(
            "/api/assessments/" + rec,
            "/api/evidence/" + id + "/assessments",
            "/api/verification/queue?list=review")) {
      String outside = send("GET", path, "v-reviewer-2", null).body();
      assertThat(outside).as(path).doesNotContain("Zq-secret-poster", "api-3.png");
    }
    assertThat(send("GET", "/api/assessments/" + rec, "v-reviewer", null).body())
        .contains("Zq-secret-poster");
    // Nobody reviews what they are not shown; a member of the group may.
    assertThat(
            send(
                    "POST",
                    "/api/assessments/" + rec + "/review",
                    "v-reviewer-2",
                    Map.of("action", "approve"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    "POST",
                    "/api/assessments/" + rec + "/review",
                    "v-reviewer",
                    Map.of("action", "approve"))
                .statusCode())
        .isEqualTo(200);
  }
}
