package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sijill.casefile.model.Incident;

@ExtendWith(DemoServer.Extension.class)
class ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DemoServer demo;

  ApiTest(DemoServer demo) {
    this.demo = demo;
  }

  private JsonNode json(String path, int status) {
    HttpResponse<String> r = demo.get(path);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError(path + " did not answer JSON: " + r.body(), e);
    }
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(n -> ids.add(n.get("id").asLong()));
    return ids;
  }

  @Test
  void incidentsArePagedNewestFirst() {
    JsonNode all = json("/api/incidents", 200);
    assertThat(all.get("total").asLong()).isEqualTo(10);
    assertThat(all.get("page").asInt()).isEqualTo(1);
    assertThat(all.get("size").asInt()).isEqualTo(50);
    assertThat(ids(all))
        .containsExactlyElementsOf(
            demo.caseFile.incidents().list(1, 50).items().stream().map(Incident::id).toList());
    JsonNode second = json("/api/incidents?page=2&size=3", 200);
    assertThat(second.get("page").asInt()).isEqualTo(2);
    assertThat(second.get("size").asInt()).isEqualTo(3);
    assertThat(second.get("total").asLong()).isEqualTo(10);
    assertThat(ids(second)).containsExactlyElementsOf(ids(all).subList(3, 6));
    assertThat(json("/api/incidents?page=4&size=3", 200).get("items")).hasSize(1);
    assertThat(json("/api/incidents?page=5&size=3", 400).get("message").asText())
        .isEqualTo("page 5 is past the end: the list has 10 items, 4 pages of 3");
    JsonNode first = all.get("items").get(0);
    assertThat(first.get("startDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(first.get("titleAr").asText()).containsPattern("\\p{IsArabic}");
  }

  @Test
  void oneIncidentAndItsHistory() {
    JsonNode one = json("/api/incidents/" + demo.incidentId, 200);
    assertThat(one.get("id").asLong()).isEqualTo(demo.incidentId);
    Incident corrected =
        demo.caseFile.incidents().all().stream().filter(i -> i.version() > 1).findFirst().get();
    JsonNode history = json("/api/incidents/" + corrected.id() + "/history", 200);
    assertThat(history.size()).isEqualTo(corrected.version());
    assertThat(history.get(history.size() - 1).get("reason").asText())
        .isEqualTo(corrected.reason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/incidents/999999",
        "/api/incidents/999999/history",
        "/api/evidence/999999",
        "/api/evidence/999999/custody",
        "/api/sources/999999",
        "/api/locations/999999",
        "/api/no-such-thing"
      })
  void unknownIdsAndPathsAre404Json(String path) {
    JsonNode error = json(path, 404);
    assertThat(error.get("error").asText()).isEqualTo("not_found");
    assertThat(error.get("message").asText()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/incidents?page=0 | page must be at least 1, not 0",
        "/api/incidents?page=two | page must be a whole number, not 'two'",
        "/api/victims?size=0 | size must be between 1 and 500, not 0",
        "/api/evidence?size=501 | size must be between 1 and 500, not 501",
        "/api/sources?size=-3 | size must be between 1 and 500, not -3",
        "/api/public-claims?page=1.5 | page must be a whole number, not '1.5'",
        "/api/incidents/abc | id must be a positive whole number, not 'abc'",
        "/api/evidence/0/custody | id must be a positive whole number, not '0'"
      })
  void badParametersAre400JsonNamingTheParameter(String path, String message) {
    JsonNode error = json(path, 400);
    assertThat(error.get("error").asText()).isEqualTo("bad_request");
    assertThat(error.get("message").asText()).isEqualTo(message);
  }

  @Test
  void victimSearchMatchesTheCaseFileAndKeepsRowsAsJson() {
    var first = demo.caseFile.victims().search("", 1, 1).items().get(0);
    String word = first.displayName().split(" ")[0];
    long expected = demo.caseFile.victims().search(word, 1, 1).total();
    JsonNode page =
        json("/api/victims?size=5&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), 200);
    assertThat(page.get("total").asLong()).isEqualTo(expected).isGreaterThan(0);
    assertThat(page.get("items").size()).isEqualTo((int) Math.min(5, expected));
    assertThat(page.get("items").get(0).get("raw").isObject()).isTrue();
    assertThat(json("/api/victims", 200).get("total").asLong())
        .isEqualTo(demo.caseFile.victims().count());
  }

  @Test
  void evidenceWithMetadataAsJsonAndItsCustody() {
    JsonNode list = json("/api/evidence", 200);
    assertThat(ids(list)).contains(demo.evidenceId);
    JsonNode item = json("/api/evidence/" + demo.evidenceId, 200);
    assertThat(item.get("sha256").asText()).isEqualTo("ab".repeat(32));
    assertThat(item.get("metadata").get("exif").get("Make").asText()).isEqualTo("SyntheticCam");
    assertThat(item.get("acquiredAt").asText()).isEqualTo("2025-03-06T18:00:00Z");
    JsonNode custody = json("/api/evidence/" + demo.evidenceId + "/custody", 200);
    assertThat(custody)
        .extracting(n -> n.get("action").asText())
        .containsExactly("acquired", "metadata_extracted");
    assertThat(custody.get(0).get("details").get("via").asText()).isEqualTo("upload");
  }

  @Test
  void sourcesWithholdConfidentialIdentities() {
    JsonNode page = json("/api/sources?size=500", 200);
    assertThat(page.get("total").asLong()).isEqualTo(demo.caseFile.sources().all().size());
    JsonNode witness = json("/api/sources/" + demo.witnessSourceId, 200);
    assertThat(witness.get("withheld").asBoolean()).isTrue();
    assertThat(witness.get("nameEn").isNull()).isTrue();
    assertThat(witness.get("nameAr").isNull()).isTrue();
    assertThat(page.toString()).doesNotContain("Synthetic witness W-1");
    JsonNode two = json("/api/sources?size=2&page=2", 200);
    assertThat(ids(two)).containsExactlyElementsOf(ids(page).subList(2, 4));
  }

  @Test
  void anIncidentsPlaceHasCoordinatesAndBothNames() {
    long locationId = json("/api/incidents/" + demo.incidentId, 200).get("locationId").asLong();
    JsonNode place = json("/api/locations/" + locationId, 200);
    assertThat(place.get("latitude").asDouble()).isBetween(32.0, 37.5);
    assertThat(place.get("longitude").asDouble()).isBetween(35.5, 42.5);
    assertThat(place.get("nameAr").asText()).containsPattern("\\p{IsArabic}");
    assertThat(json("/api/locations?size=500", 200).get("total").asLong())
        .isEqualTo(demo.caseFile.locations().all().size());
  }

  @Test
  void publicClaimsCarryTheirFigures() {
    JsonNode page = json("/api/public-claims", 200);
    List<Integer> figures = new ArrayList<>();
    page.get("items").forEach(n -> figures.add(n.get("figureLow").asInt()));
    assertThat(figures).contains(9000, 1300);
  }

  @Test
  void personsAreTheCurrentLinkageRunsWithTheirRecords() {
    var run = demo.caseFile.linkageRuns().current().orElseThrow();
    JsonNode page = json("/api/persons?size=5", 200);
    assertThat(page.get("total").asLong()).isEqualTo(run.personCount()).isPositive();
    assertThat(page.get("total").asLong()).isLessThan(demo.caseFile.victims().count());
    assertThat(page.get("items")).hasSize(5);
    JsonNode first = page.get("items").get(0);
    assertThat(first.get("linkageRun").asLong()).isEqualTo(run.id());
    assertThat(first.get("records")).isNotEmpty();
    assertThat(first.at("/records/0/list").asText()).isNotBlank();
    assertThat(ids(page)).isSorted();
    // a person of several records carries the probability that joined them
    JsonNode all = json("/api/persons?size=500", 200);
    boolean joined = false;
    for (JsonNode p : all.get("items")) {
      if (p.get("records").size() > 1) {
        joined = true;
        assertThat(p.at("/records/0/probability").asDouble()).isBetween(0.0, 1.0);
      }
    }
    assertThat(joined).isTrue();
    assertThat(json("/api/persons?run=" + run.id() + "&size=5", 200)).isEqualTo(page);
    assertThat(json("/api/persons?run=999999", 404).get("error").asText()).isEqualTo("not_found");
    assertThat(json("/api/persons?run=x", 400).get("message").asText()).contains("run");
  }

  @Test
  void estimatesCarryMethodIntervalRunAndWhichIsRecommended() {
    var run = demo.caseFile.linkageRuns().current().orElseThrow();
    JsonNode page = json("/api/estimates", 200);
    assertThat(page.get("total").asLong()).isPositive();
    List<JsonNode> recommended = new ArrayList<>();
    for (JsonNode e : page.get("items")) {
      assertThat(e.get("method").asText()).isIn("loglinear", "lcmcr", "dga");
      assertThat(e.get("linkageRun").asLong()).isEqualTo(run.id());
      assertThat(e.has("lower")).isTrue();
      assertThat(e.has("upper")).isTrue();
      assertThat(e.has("stratum")).isTrue();
      if (e.get("recommended").asBoolean()) {
        recommended.add(e);
      }
    }
    assertThat(recommended).hasSize(1);
    JsonNode r = recommended.get(0);
    assertThat(r.get("total").asDouble()).isGreaterThanOrEqualTo(run.personCount());
    assertThat(r.get("lower").asDouble()).isLessThanOrEqualTo(r.get("total").asDouble());
    assertThat(r.get("upper").asDouble()).isGreaterThanOrEqualTo(r.get("total").asDouble());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/incidents",
        "/api/victims",
        "/api/evidence",
        "/api/sources",
        "/api/locations",
        "/api/public-claims",
        "/api/persons",
        "/api/estimates"
      })
  void aPagePastTheEndIsABadRequestWithAMessage(String path) {
    for (String q : List.of("?page=4294969", "?page=2147483647", "?page=100000&size=500")) {
      JsonNode e = json(path + q, 400);
      assertThat(e.get("error").asText()).isEqualTo("bad_request");
      assertThat(e.get("message").asText()).contains("past the end");
    }
    for (String q : List.of("?page=-1", "?page=abc", "?size=0", "?size=-5", "?size=x1")) {
      assertThat(json(path + q, 400).get("error").asText()).isEqualTo("bad_request");
    }
  }
}
