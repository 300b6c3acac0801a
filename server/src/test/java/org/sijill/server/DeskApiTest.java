package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counting desk's API on a case that starts empty: lists in (and refused), a linkage run as a
 * job, the review pairs and a decision that the next run honours. The tests run in order: each
 * takes the case as the one before left it.
 */
@ExtendWith(DemoServer.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DeskCase desk;

  @BeforeAll
  static void open(@TempDir Path dir) throws Exception {
    desk = new DeskCase(dir);
  }

  @AfterAll
  static void close() {
    desk.close();
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  @Test
  @Order(1)
  void aBrokenListIsRefusedLineByLineAndNothingIsStored() throws Exception {
    String csv =
        "record_id,full_name,sex,age,date_of_death\n"
            + "1,Synthetic Person One,M,30,2025-03-06\n"
            + "2,Synthetic Person Two,X,31,2025-03-07\n"
            + "3,Synthetic Person Three,F,old,2025-03-08\n";
    JsonNode r =
        json(desk.upload(csv.getBytes(StandardCharsets.UTF_8), "broken.csv", "Group Z", null), 400);
    assertThat(r.get("error").asText()).isEqualTo("list_refused");
    assertThat(r.get("problems")).hasSize(2);
    assertThat(r.get("problems").get(0).asText()).startsWith("broken.csv:3: sex: ");
    assertThat(r.get("problems").get(1).asText()).startsWith("broken.csv:4: age: ");
    assertThat(desk.caseFile.victims().count()).isZero();
    assertThat(desk.caseFile.victims().imports()).isEmpty();
  }

  @Test
  @Order(2)
  void listsAreImportedAndARepeatIsRefusedNamingTheEarlierImport() throws Exception {
    JsonNode a = json(desk.upload(desk.list("list-a"), "Group A"), 201);
    JsonNode b = json(desk.upload(desk.list("list-b"), "Group B"), 201);
    assertThat(a.get("records").asInt()).isPositive();
    assertThat(desk.caseFile.victims().count())
        .isEqualTo(a.get("records").asLong() + b.get("records").asLong());
    JsonNode again = json(desk.upload(desk.list("list-a"), "Group A"), 400);
    assertThat(again.get("error").asText()).isEqualTo("already_imported");
    assertThat(again.get("problems").get(0).asText())
        .contains("import " + a.get("id").asLong(), "list-a.csv");
    JsonNode lists = json(desk.get("/api/lists"), 200);
    assertThat(lists.get("lists")).hasSize(2);
    assertThat(lists.at("/lists/0/name").asText()).isEqualTo("Group A");
    assertThat(lists.at("/lists/0/records").asInt()).isEqualTo(a.get("records").asInt());
    assertThat(lists.at("/lists/0/firstDeath").asText()).matches("\\d{4}-\\d{2}(-\\d{2})?");
    assertThat(lists.get("overlaps")).isEmpty(); // not linked yet
  }

  @Test
  @Order(3)
  void badSettingsAreRefusedBeforeAnythingIsQueued() throws Exception {
    JsonNode r =
        json(
            desk.postJson(
                "/api/linkage-runs", "{\"settings\": {\"fields\": [{\"column\": \"x\"}]}}"),
            400);
    assertThat(r.get("message").asText()).contains("settings");
    assertThat(desk.caseFile.linkageRuns().current()).isEmpty();
  }

  @Test
  @Order(4)
  void aLinkageRunIsAJobThatEndsWithPersonsAndItsPairsCanBeDecided() throws Exception {
    JsonNode queued = json(desk.postJson("/api/linkage-runs", ""), 202);
    assertThat(queued.get("status").asText()).isIn("queued", "running");
    JsonNode done = waitFor(queued.get("id").asLong());
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
    long run = done.get("run").asLong();
    int persons = done.get("persons").asInt();
    assertThat(desk.caseFile.linkageRuns().current().orElseThrow().id()).isEqualTo(run);
    assertThat(persons).isEqualTo(desk.caseFile.linkageRuns().current().get().personCount());
    assertThat(json(desk.get("/api/lists"), 200).at("/overlaps/0/persons").asInt()).isPositive();

    JsonNode pairs = json(desk.get("/api/review/pairs?run=" + run), 200);
    assertThat(pairs).isNotEmpty();
    JsonNode joined = null;
    for (JsonNode p : pairs) {
      assertThat(p.at("/left/record_id").asText()).isNotBlank();
      assertThat(p.at("/left/list").asText()).isIn("Group A", "Group B");
      if (joined == null && p.get("sameInRun").asBoolean()) {
        joined = p;
      }
    }
    assertThat(joined).as("a pair the run made one person").isNotNull();
    JsonNode decision =
        json(
            desk.postJson(
                "/api/review/decisions",
                "{\"pairId\": \""
                    + joined.get("pairId").asText()
                    + "\", \"decision\": \"different\"}"),
            201);
    assertThat(decision.get("decision").asText()).isEqualTo("different");
    assertThat(desk.caseFile.linkDecisions().decisions()).hasSize(1);

    JsonNode rerun =
        waitFor(json(desk.postJson("/api/linkage-runs", "{}"), 202).get("id").asLong());
    assertThat(rerun.get("status").asText()).isEqualTo("done");
    assertThat(rerun.get("persons").asInt()).isGreaterThan(persons);
    JsonNode after = json(desk.get("/api/review/pairs"), 200);
    for (JsonNode p : after) {
      if (p.get("pairId").asText().equals(joined.get("pairId").asText())) {
        assertThat(p.get("decision").asText()).isEqualTo("different");
        assertThat(p.get("sameInRun").asBoolean()).isFalse();
      }
    }
  }

  @Test
  @Order(5)
  void badDecisionsAndUnknownJobsAreRefused() throws Exception {
    assertThat(
            desk.postJson("/api/review/decisions", "{\"pairId\": \"1-1\", \"decision\": \"same\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            desk.postJson("/api/review/decisions", "{\"pairId\": \"1-2\", \"decision\": \"maybe\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            desk.postJson(
                    "/api/review/decisions",
                    "{\"pairId\": \"999998-999999\", \"decision\": \"same\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(desk.postJson("/api/review/decisions", "not json").statusCode()).isEqualTo(400);
    assertThat(desk.get("/api/linkage-runs/999").statusCode()).isEqualTo(404);
    assertThat(desk.get("/api/review/pairs?run=999").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(6)
  void anEstimationIsAJobThatStoresItsEstimatesAndAnUnknownStratumFailsTheJobSayingWhy()
      throws Exception {
    assertThat(desk.postJson("/api/estimate-runs", "{\"strata\": \"governorate\"}").statusCode())
        .isEqualTo(400);
    assertThat(desk.postJson("/api/estimate-runs", "{\"strata\": [\"x; drop\"]}").statusCode())
        .isEqualTo(400);
    JsonNode failed =
        waitFor(
            "/api/estimate-runs/",
            json(desk.postJson("/api/estimate-runs", "{\"strata\": [\"no_such_column\"]}"), 202)
                .get("id")
                .asLong());
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("message").asText()).contains("no_such_column");

    JsonNode done =
        waitFor(
            "/api/estimate-runs/",
            json(desk.postJson("/api/estimate-runs", ""), 202).get("id").asLong());
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
    long estimation = done.get("estimation").asLong();
    assertThat(done.get("message").asText()).contains("persons documented");
    assertThat(desk.caseFile.estimates().list(1, 100).items())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.estimationId()).isEqualTo(estimation));
    assertThat(desk.get("/api/linkage-runs/" + done.get("id").asLong()).statusCode())
        .as("an estimation job is not a linkage job")
        .isEqualTo(404);
  }

  private static JsonNode waitFor(long job) throws Exception {
    return waitFor("/api/linkage-runs/", job);
  }

  private static JsonNode waitFor(String path, long job) throws Exception {
    Instant until = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(until)) {
      JsonNode j = json(desk.get(path + job), 200);
      if (!j.get("status").asText().equals("queued")
          && !j.get("status").asText().equals("running")) {
        return j;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + job + " did not finish in 3 minutes");
  }
}
