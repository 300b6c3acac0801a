package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.VictimRecord;

@ExtendWith(DemoServer.Extension.class)
class PagesTest {
  private static final String BANNER = "synthetic demo data";
  private final DemoServer demo;

  PagesTest(DemoServer demo) {
    this.demo = demo;
  }

  private String page(String path) {
    HttpResponse<String> r = demo.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    return r.body();
  }

  /** The text appears as the whole content of an element marked right-to-left or auto. */
  private static void assertShownRightToLeft(String html, String arabic) {
    Pattern p =
        Pattern.compile(
            "<(\\w+)[^>]*\\bdir=\"(rtl|auto)\"[^>]*>\\s*" + Pattern.quote(arabic) + "\\s*</\\1>");
    assertThat(p.matcher(html).find())
        .as("%s inside an element with dir rtl/auto", arabic)
        .isTrue();
  }

  @Test
  void everyPageSaysTheCaseIsSyntheticDemoData() {
    for (String path :
        List.of(
            "/",
            "/incidents",
            "/incidents/" + demo.incidentId,
            "/victims",
            "/evidence",
            "/evidence/" + demo.evidenceId,
            "/sources")) {
      assertThat(page(path)).as(path).containsIgnoringCase(BANNER);
    }
  }

  @Test
  void overviewShowsCountsPublicClaimsBesideTheDocumentedCountAndTheChart() {
    String html = page("/");
    long records = demo.caseFile.victims().count();
    assertThat(html)
        .contains("<span class=\"n\" id=\"count-incidents\">10</span>")
        .contains("id=\"count-victims\">" + Text.number(records) + "</span>")
        .contains("about 9,000", "at least 1,300")
        .contains("victim records documented here")
        .contains("id=\"deaths-chart\"")
        .contains("class=\"map\"");
    // The chart's data are the case file's deaths per day, embedded for the page script.
    String firstDay = demo.caseFile.victims().deathsPerDay().keySet().iterator().next().toString();
    assertThat(html).containsPattern("data-series=\"[^\"]*" + firstDay);
    // Distinct persons and the recommended estimate come from the demo's own linkage run.
    var run = demo.caseFile.linkageRuns().current().orElseThrow();
    var estimate = demo.caseFile.estimates().recommended().orElseThrow();
    assertThat(estimate.linkageRunId()).isEqualTo(run.id());
    assertThat(html)
        .contains("id=\"count-persons\">" + Text.number(run.personCount()) + "</span>")
        .contains("id=\"estimate-total\">" + Text.number(Math.round(estimate.total())) + "<")
        .contains("95% interval " + Text.number(Math.round(estimate.lowerBound())));
    Incident latest = demo.caseFile.incidents().list(1, 1).items().get(0);
    assertThat(html).contains("href=\"/incidents/" + latest.id() + "\"");
    assertShownRightToLeft(html, latest.titleAr());
  }

  @Test
  void incidentsListsEveryIncidentWithItsArabicTitleRightToLeft() {
    String html = page("/incidents");
    for (Incident i : demo.caseFile.incidents().all()) {
      assertThat(html).contains(i.titleEn());
      assertShownRightToLeft(html, i.titleAr());
    }
  }

  @Test
  void incidentDetailShowsMapCasualtiesEvidenceClaimsAssessmentsAndVersions() {
    Incident incident = demo.caseFile.incidents().find(demo.incidentId).orElseThrow();
    String html = page("/incidents/" + demo.incidentId);
    var place = demo.caseFile.locations().find(incident.locationId()).orElseThrow();
    assertThat(html)
        .contains(incident.titleEn())
        .contains(
            Text.casualties(
                incident.casualtiesBest(), incident.casualtiesLow(), incident.casualtiesHigh()))
        .containsPattern("data-markers=\"[^\"]*" + place.latitude())
        .contains("href=\"/evidence/" + demo.evidenceId + "\"")
        .contains("checkpoint-photo.jpg")
        .contains("Synthetic assessment");
    assertShownRightToLeft(html, incident.titleAr());
    for (var claim : demo.caseFile.claims().forIncident(demo.incidentId)) {
      assertThat(html).contains(claim.text());
    }
  }

  @Test
  void incidentPageShowsEveryVersionWithItsReason() {
    Incident corrected =
        demo.caseFile.incidents().all().stream()
            .filter(i -> i.version() > 1)
            .findFirst()
            .orElseThrow();
    String html = page("/incidents/" + corrected.id());
    List<Incident> history = demo.caseFile.incidents().history(corrected.id());
    assertThat(history).hasSizeGreaterThan(1);
    assertThat(html).contains(corrected.reason()).contains("first record");
  }

  @Test
  void aPagePastTheEndOfAListIsRefusedWithAPage() {
    for (String path : List.of("/incidents", "/victims", "/evidence")) {
      HttpResponse<String> r = demo.get(path + "?page=4294969");
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.body()).as(path).contains("page 4294969 is past the end");
      assertThat(demo.get(path + "?page=-3").statusCode()).as(path).isEqualTo(400);
      assertThat(demo.get(path + "?size=abc").statusCode()).as(path).isEqualTo(400);
    }
  }

  @Test
  void unknownAndMalformedIdsAreRefusedWithAPage() {
    HttpResponse<String> missing = demo.get("/incidents/999999");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("There is no incident 999999.");
    HttpResponse<String> malformed = demo.get("/evidence/abc");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("id must be a positive whole number, not 'abc'");
    HttpResponse<String> nowhere = demo.get("/no-such-page");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("There is no page at /no-such-page.");
  }

  @Test
  void victimsListShowsArabicNamesRightToLeft() {
    String html = page("/victims?size=200");
    VictimRecord arabic =
        demo.caseFile.victims().search("", 1, 200).items().stream()
            .filter(v -> Text.isArabic(v.displayName()))
            .findFirst()
            .orElseThrow();
    assertShownRightToLeft(html, arabic.displayName());
    assertThat(html)
        .contains(Text.number(demo.caseFile.victims().count()) + " records")
        .contains("lang=\"ar\">" + arabic.displayName());
  }

  @Test
  void victimSearchFindsBothScripts() {
    // A name written in Arabic script in one list is written in Latin letters in another.
    VictimRecord arabic =
        demo.caseFile.victims().search("", 1, 500).items().stream()
            .filter(v -> Text.isArabic(v.givenName() == null ? v.displayName() : v.givenName()))
            .findFirst()
            .orElseThrow();
    String word =
        arabic.givenName() != null ? arabic.givenName() : arabic.displayName().split(" ")[0];
    var expected = demo.caseFile.victims().search(word, 1, 500);
    String html = page("/victims?size=500&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
    assertThat(html).contains(Text.number(expected.total()) + " records matching");
    assertThat(expected.items())
        .anySatisfy(v -> assertThat(Text.isArabic(v.displayName())).isTrue())
        .anySatisfy(v -> assertThat(v.displayName()).containsPattern("[A-Za-z]"));
    for (VictimRecord v : expected.items()) {
      assertThat(html).contains(v.displayName());
    }
  }

  @Test
  void htmxSearchGetsOnlyTheResultsTable() {
    HttpResponse<String> r = demo.getAsHtmx("/victims?q=zzzzqqq");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().strip()).startsWith("<div id=\"victim-results\">").doesNotContain("<html");
    assertThat(r.body()).contains("0 records matching").contains("No records match this search.");
  }

  @Test
  void evidencePagesShowMetadataAndCustody() {
    assertThat(page("/evidence")).contains("checkpoint-photo.jpg").contains("abababababab…abab");
    String html = page("/evidence/" + demo.evidenceId);
    assertThat(html)
        .contains("ab".repeat(32))
        .contains("Camera and device")
        .contains("SyntheticCam")
        .contains("Collected and stored in the vault")
        .contains("Metadata read from the stored file")
        .contains("corroborated")
        .contains("Skyline matches the synthetic reference photo.");
    assertShownRightToLeft(html, "صورة اصطناعية للاختبار");
  }

  @Test
  void sourcesPageWithholdsConfidentialIdentities() {
    String html = page("/sources");
    assertThat(html)
        .contains("Sijill demo generator")
        .contains("Confidential witness #" + demo.witnessSourceId)
        .doesNotContain("Synthetic witness W-1")
        .doesNotContain("شاهد اصطناعي");
  }

  @Test
  void scriptsAndTheMapOutlineAreServedLocally() {
    Assets assets = Assets.fromWebjars();
    for (String path :
        List.of(
            assets.leaflet() + "/leaflet.js",
            assets.leaflet() + "/images/marker-icon.png",
            assets.htmx() + "/htmx.min.js",
            assets.echarts() + "/echarts.min.js",
            "/static/app.js",
            "/static/app.css")) {
      assertThat(demo.get(path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(demo.get("/static/syria.geojson").body()).contains("\"name\":\"Syria\"");
    // No page pulls anything from another host, and the browser is told not to let it.
    assertThat(page("/incidents/" + demo.incidentId)).doesNotContainPattern("src=\"https?://");
    assertThat(demo.get("/").headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'self'", "script-src 'self';");
  }
}
