package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.gazetteer.Gazetteer;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.Provenance;
import org.sijill.workflow.ReceiveEvidence;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.testing.Chromium;

/**
 * The incident desk on a fresh case with its own vault and a real video (PDQ's public test clip):
 * the API of ARCHITECTURE.md ("Desk API") records incidents, corrections with a reason, a video
 * segment, an attribution and a public claim, refusing bad values by field with nothing stored;
 * then an analyst does the same in Chromium. Every write that touches an item is in its custody
 * log.
 */
class IncidentDeskTest {
  private static final Path VIDEO =
      Path.of("../media/src/test/resources/pdq/pattern-sd-with-small-logo-bar.mp4");
  private static final String PASSWORD = "incident desk passphrase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

  private static CaseFile caseFile;
  private static SijillServer server;
  private static long video;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    caseFile = TestDatabases.openCase();
    Gazetteer.syria().install(caseFile, "test");
    Accounts accounts = Accounts.over(caseFile, java.time.Clock.systemUTC(), d -> {});
    TestUsers.onePerRole(accounts, "incident", "Incident", PASSWORD, TOKENS);
    byte[] clip = Files.readAllBytes(VIDEO);
    // The video's source is a source of the case, so evidence can be filtered by it.
    caseFile
        .sources()
        .add(
            org.sijill.casefile.model.Enums.SourceKind.SOCIAL_ACCOUNT,
            null,
            "synthetic channel",
            org.sijill.casefile.model.Enums.Confidentiality.PUBLIC,
            null,
            "test");
    video =
        new ReceiveEvidence(data, caseFile)
            .receive(
                List.of(
                    new ReceiveEvidence.Upload() {
                      @Override
                      public String name() {
                        return "coast-clip.mp4";
                      }

                      @Override
                      public InputStream open() {
                        return new ByteArrayInputStream(clip);
                      }
                    }),
                new Provenance(
                    "test", Instant.parse("2025-03-08T09:00:00Z"), "synthetic channel", null, null))
            .get(0)
            .id();
    server = SijillServer.start(caseFile, ServerOptions.local(0), accounts, data);
  }

  @AfterAll
  static void stop() {
    server.close();
    caseFile.close();
  }

  private static String base() {
    return "http://localhost:" + server.port();
  }

  private static HttpResponse<String> send(Role role, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (role != null) {
      b.header("Authorization", "Bearer " + TOKENS.get(role));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void theApiRecordsCorrectsLinksAttributesAndClaims() throws Exception {
    long before = caseFile.incidents().count();
    HttpResponse<String> bad =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents",
            "{\"title\": \"x\", \"killedLow\": 9, \"killedHigh\": 3, \"reason\": \"new\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("message").asText()).startsWith("killedLow:");
    assertThat(json(bad).has("error")).isTrue();
    assertThat(
            send(
                    Role.ANALYST,
                    "POST",
                    "/api/incidents",
                    "{\"title\": \"x\", \"place\": \"Narnia\"}")
                .body())
        .contains("place:");
    assertThat(send(Role.VIEWER, "POST", "/api/incidents", "{\"title\": \"x\"}").statusCode())
        .isEqualTo(403);
    assertThat(send(null, "POST", "/api/incidents", "{\"title\": \"x\"}").statusCode())
        .isEqualTo(401);
    assertThat(caseFile.incidents().count()).isEqualTo(before);

    HttpResponse<String> created =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents",
            "{\"title\": \"Raid on a farm (synthetic)\", \"titleAr\": \"مداهمة مزرعة (اصطناعية)\","
                + " \"place\": \"جبلة\", \"dateFrom\": \"2025-03-07\", \"dateTo\": \"2025-03-08\","
                + " \"killedBest\": 6, \"killedLow\": 5, \"killedHigh\": 9, \"grade\": \"weak\","
                + " \"gradeReasons\": \"one video (synthetic)\", \"reason\": \"first report\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    assertThat(json(created).at("/incident/titleAr").asText()).isEqualTo("مداهمة مزرعة (اصطناعية)");

    HttpResponse<String> noReason =
        send(Role.ANALYST, "PUT", "/api/incidents/" + id, "{\"killedBest\": 7}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(json(noReason).get("message").asText()).startsWith("reason:");
    HttpResponse<String> corrected =
        send(
            Role.ANALYST,
            "PUT",
            "/api/incidents/" + id,
            "{\"killedBest\": 7, \"reason\": \"a seventh body found\", \"colour\": \"ignored\"}");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    assertThat(json(corrected).get("version").asInt()).isEqualTo(2);
    JsonNode history = json(send(Role.VIEWER, "GET", "/api/incidents/" + id + "/history", null));
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("casualtiesBest").asInt()).isEqualTo(7);
    assertThat(history.get(1).get("titleAr").asText()).isEqualTo("مداهمة مزرعة (اصطناعية)");
    assertThat(history.get(1).get("reason").asText()).isEqualTo("a seventh body found");

    long linkedBefore = linkedEvents();
    HttpResponse<String> segment =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + id + "/evidence",
            "{\"evidenceId\": " + video + ", \"from\": \"0:01\", \"to\": 2.5}");
    assertThat(segment.statusCode()).as(segment.body()).isEqualTo(201);
    assertThat(json(segment).get("from").asDouble()).isEqualTo(1.0);
    assertThat(
            send(
                    Role.ANALYST,
                    "POST",
                    "/api/incidents/" + id + "/evidence",
                    "{\"evidenceId\": 999999}")
                .body())
        .contains("evidenceId:");

    HttpResponse<String> attributed =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + id + "/attributions",
            "{\"actor\": \"Brigade 00 (synthetic)\", \"actorKind\": \"militia\", \"role\":"
                + " \"alleged_perpetrator\", \"grade\": \"fair\", \"evidenceIds\": ["
                + video
                + "]}");
    assertThat(attributed.statusCode()).as(attributed.body()).isEqualTo(201);
    long actor = json(attributed).get("actorId").asLong();
    JsonNode filtered = json(send(Role.VIEWER, "GET", "/api/incidents?actor=" + actor, null));
    assertThat(filtered.get("total").asInt()).isEqualTo(1);
    assertThat(filtered.at("/items/0/id").asLong()).isEqualTo(id);
    assertThat(
            json(send(Role.VIEWER, "GET", "/api/incidents?place=Latakia&grade=weak", null))
                .get("total")
                .asInt())
        .isEqualTo(1);
    assertThat(
            json(send(Role.VIEWER, "GET", "/api/incidents?to=2025-02", null)).get("total").asInt())
        .isZero();
    assertThat(send(Role.VIEWER, "GET", "/api/incidents?grade=certain", null).statusCode())
        .isEqualTo(400);

    HttpResponse<String> claim =
        send(
            Role.ANALYST,
            "POST",
            "/api/public-claims",
            "{\"claimant\": \"A synthetic commander\", \"statedAs\": \"at least 1,300 in Latakia"
                + " and Tartus\", \"figure\": 1300, \"claimedOn\": \"2025-03-10\", \"scope\":"
                + " {\"text\": \"Latakia and Tartus\", \"places\": [\"Latakia\"], \"from\":"
                + " \"2025-03-06\", \"to\": \"2025-03-09\"}, \"evidenceId\": "
                + video
                + "}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
    assertThat(json(claim).at("/claim/qualifier").asText()).isEqualTo("at_least");
    assertThat(json(claim).at("/claim/statedAs").asText()).startsWith("at least 1,300");
    assertThat(send(Role.ANALYST, "POST", "/api/public-claims", "{\"claimant\": \"x\"}").body())
        .contains("figure:");

    JsonNode custody = json(send(Role.VIEWER, "GET", "/api/evidence/" + video + "/custody", null));
    assertThat(custody.findValuesAsText("action")).contains("acquired", "annotated");
    // The segment and the attribution: one custody entry each.
    assertThat(linkedEvents()).isEqualTo(linkedBefore + 2);
  }

  private static long linkedEvents() throws Exception {
    JsonNode custody = json(send(Role.VIEWER, "GET", "/api/evidence/" + video + "/custody", null));
    return custody.findValuesAsText("action").stream().filter("linked_to_incident"::equals).count();
  }

  /**
   * The evidence page lists the incidents the item documents (issue 13, item 2): each current link
   * with its segment; a withdrawn link no longer, and a restricted incident by its placeholder.
   */
  @Test
  void theEvidencePageListsTheIncidentsItDocuments(@TempDir Path tmp) throws Exception {
    long shown = newIncident("Night raid on a hamlet (synthetic)");
    long hiddenIncident = newIncident("Zq sealed incident (synthetic)");
    long withdrawn = newIncident("Wrongly linked incident (synthetic)");
    linkVideo(shown, "{\"evidenceId\": " + video + ", \"from\": 5, \"to\": 12}");
    linkVideo(hiddenIncident, "{\"evidenceId\": " + video + "}");
    long wrong = linkVideo(withdrawn, "{\"evidenceId\": " + video + "}");
    assertThat(
            send(
                    Role.ANALYST,
                    "POST",
                    "/api/incidents/" + withdrawn + "/withdrawals",
                    "{\"kind\": \"evidence\", \"linkId\": "
                        + wrong
                        + ", \"reason\": \"another village's video\"}")
                .statusCode())
        .isEqualTo(201);
    org.sijill.workflow.access.Groups groups = org.sijill.workflow.access.Groups.over(caseFile);
    groups.create().create("evidence-page-group", "test");
    groups
        .restrict()
        .restrict(
            org.sijill.workflow.access.ItemType.INCIDENT,
            hiddenIncident,
            "evidence-page-group",
            "test");

    String page = send(Role.VIEWER, "GET", "/evidence/" + video, null).body();
    String section = page.substring(page.indexOf("<section id=\"incidents\">"));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section)
        .contains("href=\"/incidents/" + shown + "\"", "Night raid on a hamlet (synthetic)")
        .contains("0:05–0:12", "incident-analyst")
        .contains("href=\"/incidents/" + hiddenIncident + "\"")
        .contains("Restricted incident #" + hiddenIncident)
        .doesNotContain("Zq sealed incident")
        .doesNotContain("href=\"/incidents/" + withdrawn + "\"");
    // The API gives the same list.
    JsonNode api = json(send(Role.VIEWER, "GET", "/api/evidence/" + video + "/incidents", null));
    JsonNode first = null;
    List<Long> listed = new java.util.ArrayList<>();
    for (JsonNode l : api) {
      listed.add(l.get("incidentId").asLong());
      if (l.get("incidentId").asLong() == shown) {
        first = l;
      }
      if (l.get("incidentId").asLong() == hiddenIncident) {
        assertThat(l.get("title").asText()).isEqualTo("Restricted incident #" + hiddenIncident);
      }
    }
    assertThat(listed).contains(shown, hiddenIncident).doesNotContain(withdrawn);
    assertThat(first.get("from").asDouble()).isEqualTo(5.0);
    assertThat(first.get("to").asDouble()).isEqualTo(12.0);
    assertThat(first.get("linkedBy").asText()).isEqualTo("incident-analyst");
    assertThat(api.toString()).doesNotContain("Zq sealed");
    assertThat(send(Role.VIEWER, "GET", "/api/evidence/999999/incidents", null).statusCode())
        .isEqualTo(404);

    // The incident's own page names the kind of each other link in the reader's language.
    HttpResponse<String> related =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + shown + "/links",
            "{\"kind\": \"incident\", \"target\": " + withdrawn + "}");
    assertThat(related.statusCode()).as(related.body()).isEqualTo(201);
    long channel = caseFile.evidence().find(video).orElseThrow().sourceId();
    HttpResponse<String> source =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + shown + "/links",
            "{\"kind\": \"source\", \"target\": " + channel + ", \"note\": \"first post\"}");
    assertThat(source.statusCode()).as(source.body()).isEqualTo(201);
    HttpResponse<String> noVictim =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + shown + "/links",
            "{\"kind\": \"victim\", \"target\": 999999}");
    assertThat(noVictim.statusCode()).isEqualTo(400);
    assertThat(json(noVictim).get("message").asText()).startsWith("target:");
    // A victim record of an imported list (synthetic names) is linked by its id.
    Path list = tmp.resolve("hamlet-list.csv");
    Files.writeString(list, "record_id,full_name,date_of_death\nh1,Zq Samir Hamlet,2025-03-07\n");
    new org.sijill.workflow.ImportList(caseFile)
        .run(
            new org.sijill.workflow.ImportList.Request(
                list, "hamlet-list.csv", "Group Hamlet", null, null, "test"),
            org.sijill.workflow.ProgressListener.NONE);
    long victim = caseFile.victims().search("Zq Samir Hamlet", 1, 1).items().get(0).id();
    HttpResponse<String> victimLink =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + shown + "/links",
            "{\"kind\": \"victim\", \"target\": " + victim + "}");
    assertThat(victimLink.statusCode()).as(victimLink.body()).isEqualTo(201);
    assertThat(json(send(Role.VIEWER, "GET", "/api/incidents/" + shown + "/links", null)))
        .extracting(l -> l.get("kind").asText() + " " + l.get("targetId").asLong())
        .contains("victim " + victim, "source " + channel, "incident " + withdrawn);
    String arabic = send(Role.VIEWER, "GET", "/incidents/" + shown + "?lang=ar", null).body();
    String links = arabic.substring(arabic.indexOf("<section id=\"links\">"));
    links = links.substring(0, links.indexOf("</section>"));
    assertThat(links)
        .contains("<td>حادثة مرتبطة</td>", "<td>مصدر</td>", "first post")
        .contains("<td>سجل ضحية</td>", "Zq Samir Hamlet (Group Hamlet)")
        .doesNotContain("<td>incident</td>", "<td>source</td>");
    // So do the withdraw form's choices (shown to a signed-in analyst) and the withdrawn links.
    assertThat(
            IncidentPages.trail(
                    caseFile,
                    shown,
                    org.sijill.workflow.access.Visibility.everything(caseFile),
                    List.of(),
                    Labels.of(Labels.Language.AR))
                .open())
        .extracting(IncidentTrail.Option::label)
        .contains("مادة الأدلة رقم " + video + ", 0:05–0:12");
    String withdrawnPage =
        send(Role.VIEWER, "GET", "/incidents/" + withdrawn + "?lang=ar", null).body();
    String struck = withdrawnPage.substring(withdrawnPage.indexOf("<section id=\"withdrawn\">"));
    assertThat(struck.substring(0, struck.indexOf("</section>")))
        .contains("ربط دليل " + wrong + ": مادة الأدلة رقم " + video, "another village")
        .doesNotContain("evidence item");
  }

  /**
   * An incident links a victim *person* (issue 13, item 5): the linkage run's person, by the id the
   * runs keep. The page names it with its lists and links to the person page; a reader who may not
   * see one of its records sees "restricted record" and the API leaves the link out; the link is in
   * the custody log (shown in the reader's language, item 9) and is withdrawn like the others.
   */
  @Test
  void aVictimPersonIsLinkedNamedAsVisibilityAllowsAndWithdrawn(@TempDir Path tmp)
      throws Exception {
    long incident = newIncident("Shelling of a farm (synthetic)");
    Path list = tmp.resolve("farm-list.csv");
    Files.writeString(
        list,
        "record_id,full_name,date_of_death\nf1,Zq Rami Farmer,2025-03-08\n"
            + "f2,Zq Lina Orchard,2025-03-08\n");
    new org.sijill.workflow.ImportList(caseFile)
        .run(
            new org.sijill.workflow.ImportList.Request(
                list, "farm-list.csv", "Group Farm", null, null, "test"),
            org.sijill.workflow.ProgressListener.NONE);
    long record = caseFile.victims().search("Zq Rami Farmer", 1, 1).items().get(0).id();
    var run =
        new org.sijill.workflow.LinkCase(caseFile)
            .link(
                org.sijill.workflow.LinkCase.Request.of(
                    org.sijill.workflow.VictimListSettings.parse(
                        org.sijill.workflow.VictimListSettings.json()),
                    "test"),
                org.sijill.workflow.ProgressListener.NONE)
            .run();
    long person =
        caseFile.linkageRuns().records(run.id()).entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(r -> r.id() == record))
            .findFirst()
            .orElseThrow()
            .getKey();

    HttpResponse<String> noPerson =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + incident + "/links",
            "{\"kind\": \"person\", \"target\": 999999}");
    assertThat(noPerson.statusCode()).isEqualTo(400);
    assertThat(json(noPerson).get("message").asText()).startsWith("target:");
    HttpResponse<String> linked =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + incident + "/links",
            "{\"kind\": \"person\", \"target\": " + person + ", \"note\": \"named by a witness\"}");
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
    long linkId = json(linked).get("id").asLong();
    assertThat(json(send(Role.VIEWER, "GET", "/api/incidents/" + incident + "/links", null)))
        .extracting(l -> l.get("kind").asText() + " " + l.get("targetId").asLong())
        .containsExactly("person " + person);

    String arabic = send(Role.VIEWER, "GET", "/incidents/" + incident + "?lang=ar", null).body();
    assertThat(section(arabic, "links"))
        .contains("<td>شخص ضحية</td>", "named by a witness")
        .contains("<a href=\"/persons/" + person + "\">Zq Rami Farmer (Group Farm)</a>");
    // The custody log's details in the reader's language: no stored English key or code.
    String custody = section(arabic, "custody");
    assertThat(custody)
        .contains("النوع: شخص ضحية", "السجل: رابط حادثة", "الإجراء: رُبط")
        .contains("رقم المرتبط: " + person, "الحادثة: " + incident)
        .doesNotContain("incident_link", "kind ", "target ", "record ", "linked");
    String english = send(Role.VIEWER, "GET", "/incidents/" + incident, null).body();
    assertThat(section(english, "custody"))
        .contains("kind: victim person", "record: incident link", "linked id: " + person);

    // One of the person's records restricted to a group the viewer is not in: no name, no link.
    org.sijill.workflow.access.Groups groups = org.sijill.workflow.access.Groups.over(caseFile);
    groups.create().create("farm-person-group", "test");
    groups
        .restrict()
        .restrict(org.sijill.workflow.access.ItemType.VICTIM, record, "farm-person-group", "test");
    String restricted = send(Role.VIEWER, "GET", "/incidents/" + incident, null).body();
    assertThat(section(restricted, "links")).contains("restricted record");
    assertThat(restricted).doesNotContain("Zq Rami Farmer");
    assertThat(send(Role.VIEWER, "GET", "/api/incidents/" + incident + "/links", null).body())
        .isEqualTo("[]");
    // An admin still sees who it is.
    assertThat(section(send(Role.ADMIN, "GET", "/incidents/" + incident, null).body(), "links"))
        .contains("Zq Rami Farmer (Group Farm)");

    HttpResponse<String> withdrawn =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents/" + incident + "/withdrawals",
            "{\"kind\": \"link\", \"linkId\": "
                + linkId
                + ", \"reason\": \"another person of that name\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
    assertThat(json(send(Role.ADMIN, "GET", "/api/incidents/" + incident + "/links", null)))
        .isEmpty();
    String after = send(Role.VIEWER, "GET", "/incidents/" + incident + "?lang=ar", null).body();
    assertThat(section(after, "withdrawn"))
        .contains("رابط " + linkId + ": شخص ضحية #" + person, "another person of that name");
    assertThat(section(after, "custody")).contains("الإجراء: سُحب", "المسحوب: رابط");
  }

  private static String section(String page, String id) {
    String s = page.substring(page.indexOf("<section id=\"" + id + "\">"));
    return s.substring(0, s.indexOf("</section>"));
  }

  private static long newIncident(String title) throws Exception {
    HttpResponse<String> r =
        send(
            Role.ANALYST,
            "POST",
            "/api/incidents",
            "{\"title\": \"" + title + "\", \"dateFrom\": \"2025-03-07\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  private static long linkVideo(long incident, String body) throws Exception {
    HttpResponse<String> r =
        send(Role.ANALYST, "POST", "/api/incidents/" + incident + "/evidence", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  @Test
  void evidenceIsFoundByTypeStatusAndJudgementFromTheUrl() throws Exception {
    JsonNode videos = json(send(Role.VIEWER, "GET", "/api/evidence?type=video", null));
    assertThat(videos.get("items").findValuesAsText("id")).contains(Long.toString(video));
    assertThat(
            json(send(Role.VIEWER, "GET", "/api/evidence?type=image", null)).get("total").asInt())
        .isZero();
    assertThat(
            json(send(Role.VIEWER, "GET", "/api/evidence?type=video&status=new", null))
                .get("total")
                .asInt())
        .isEqualTo(1);
    assertThat(
            json(send(Role.VIEWER, "GET", "/api/evidence?judgement=misattributed", null))
                .get("total")
                .asInt())
        .isZero();
    // By source: the video's own, by name or id, and another source with no items.
    long videoSource = caseFile.evidence().find(video).orElseThrow().sourceId();
    long otherSource =
        caseFile
            .sources()
            .add(
                org.sijill.casefile.model.Enums.SourceKind.MEDIA,
                null,
                "A synthetic outlet with no items",
                org.sijill.casefile.model.Enums.Confidentiality.PUBLIC,
                null,
                "test");
    for (String source : List.of("synthetic%20channel", Long.toString(videoSource))) {
      JsonNode found = json(send(Role.VIEWER, "GET", "/api/evidence?source=" + source, null));
      assertThat(found.get("total").asInt()).as(source).isEqualTo(1);
      assertThat(found.at("/items/0/id").asLong()).as(source).isEqualTo(video);
    }
    assertThat(
            json(send(Role.VIEWER, "GET", "/api/evidence?source=" + otherSource, null))
                .get("total")
                .asInt())
        .isZero();
    assertThat(send(Role.VIEWER, "GET", "/api/evidence?source=Narnia", null).statusCode())
        .isEqualTo(400);
    HttpResponse<String> bad = send(Role.VIEWER, "GET", "/api/evidence?status=done", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("message").asText()).startsWith("status:");
    HttpResponse<String> page = send(Role.VIEWER, "GET", "/evidence?type=video", null);
    assertThat(page.body()).contains("coast-clip.mp4", "<option value=\"video\" selected>");
  }

  @Test
  void anAnalystRecordsAnIncidentInTheBrowserAndSeesItOnTheMap() throws Exception {
    WebDriver browser = Chromium.start();
    try {
      WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(20));
      browser.get(base() + "/login");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
      browser.findElement(By.name("username")).sendKeys("incident-analyst");
      browser.findElement(By.name("password")).sendKeys(PASSWORD);
      browser.findElement(By.cssSelector("#login-form button")).click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

      // At phone width (390 px) the form, the list and the claims page fit without sideways
      // scrolling.
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
      for (String page : List.of("/incidents/new", "/incidents", "/public-claims")) {
        browser.get(base() + page);
        Object overflow =
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth");
        assertThat(((Number) overflow).longValue()).as(page).isLessThanOrEqualTo(0);
      }
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
      browser.get(base() + "/incidents/new");
      String arabic = "قصف <b>سوق</b> (اصطناعي)";
      browser.findElement(By.id("f-title")).sendKeys("Shelling of a market (synthetic)");
      browser.findElement(By.id("f-titleAr")).sendKeys(arabic);
      // The place is picked on the map: a click near the coast fills latitude and longitude.
      WebElement map = browser.findElement(By.id("pick-map"));
      wait.until(d -> !d.findElements(By.cssSelector("#pick-map .leaflet-pane")).isEmpty());
      new Actions(browser).moveToElement(map, -30, -20).click().perform();
      wait.until(d -> !d.findElement(By.id("f-latitude")).getAttribute("value").isEmpty());
      browser.findElement(By.id("f-placeName")).sendKeys("Market square (synthetic site)");
      browser.findElement(By.id("f-dateFrom")).sendKeys("2025-03");
      browser.findElement(By.id("f-killedBest")).sendKeys("4");
      new Select(browser.findElement(By.id("f-grade"))).selectByValue("fair");
      browser.findElement(By.id("f-gradeReasons")).sendKeys("two videos (synthetic)");
      browser.findElement(By.id("f-submit")).click();
      wait.until(ExpectedConditions.urlMatches(".*/incidents/\\d+$"));
      long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
      WebElement title = browser.findElement(By.cssSelector(".title-ar"));
      assertThat(title.getText()).isEqualTo(arabic);
      assertThat(title.getAttribute("dir")).isEqualTo("rtl");
      assertThat(browser.findElements(By.cssSelector(".title-ar b"))).isEmpty();

      // A segment of the video, then an attribution resting on it.
      browser.findElement(By.id("le-evidenceId")).sendKeys(Long.toString(video));
      browser.findElement(By.id("le-from")).sendKeys("0:01");
      browser.findElement(By.id("le-to")).sendKeys("0:02");
      browser.findElement(By.id("le-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.evidence-link")));
      assertThat(browser.findElement(By.cssSelector("tr.evidence-link .segment")).getText())
          .isEqualTo("0:01–0:02");
      browser.findElement(By.id("at-actor")).sendKeys("Unit 00 (synthetic)");
      new Select(browser.findElement(By.id("at-grade"))).selectByValue("weak");
      browser.findElement(By.id("at-evidence")).sendKeys(Long.toString(video));
      browser.findElement(By.id("at-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.attribution")));
      assertThat(browser.findElement(By.cssSelector("tr.attribution")).getText())
          .contains("Unit 00 (synthetic)", "weak", "#" + video);

      // The attribution is withdrawn with a reason: struck through among the withdrawn links,
      // no longer among the current ones.
      new Select(browser.findElement(By.id("wd-link")))
          .getOptions().stream()
              .filter(o -> o.getAttribute("value").startsWith("attribution:"))
              .findFirst()
              .orElseThrow()
              .click();
      browser.findElement(By.id("wd-reason")).sendKeys("the insignia is another unit's");
      browser.findElement(By.id("wd-submit")).click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.withdrawn-link del")));
      assertThat(browser.findElement(By.cssSelector("tr.withdrawn-link")).getText())
          .contains("Unit 00 (synthetic)", "the insignia is another unit's", "incident-analyst");
      assertThat(browser.findElements(By.cssSelector("tr.attribution"))).isEmpty();
      assertThat(browser.findElements(By.cssSelector("tr.evidence-link"))).hasSize(1);

      // Edited with a reason: both versions in the history.
      browser.findElement(By.id("edit-incident")).click();
      WebElement best = wait.until(d -> d.findElement(By.id("f-killedBest")));
      best.clear();
      best.sendKeys("5");
      browser.findElement(By.id("f-reason")).sendKeys("a fifth victim identified");
      browser.findElement(By.id("f-submit")).click();
      wait.until(ExpectedConditions.urlMatches(".*/incidents/" + id + "$"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("history"), "a fifth victim identified"));
      // The page's custody log names every step so far.
      assertThat(browser.findElements(By.cssSelector("#custody tr.custody-entry")))
          .hasSizeGreaterThanOrEqualTo(7);
      List<WebElement> versions = browser.findElements(By.cssSelector("#history tbody tr"));
      assertThat(versions).hasSize(2);
      assertThat(versions.get(1).getText()).contains("a fifth victim identified");

      // On the incidents map, as a cluster labelled with its place, filtered by the URL.
      browser.get(base() + "/incidents?grade=fair");
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("#incident-map .cluster")));
      assertThat(browser.findElement(By.cssSelector("#incident-map .cluster .place")).getText())
          .contains("Market square");
      assertThat(browser.findElement(By.cssSelector("table.incidents")).getText())
          .contains("Shelling of a market");
      assertThat(browser.findElements(By.cssSelector("#incident-timeline canvas"))).isNotEmpty();

      // A public claim, with the video as its evidence.
      browser.get(base() + "/public-claims");
      browser.findElement(By.id("c-claimant")).sendKeys("A synthetic claimant");
      browser.findElement(By.id("c-statedAs")).sendKeys("about 9,000 killed on the coast");
      browser.findElement(By.id("c-figure")).sendKeys("9000");
      ((org.openqa.selenium.JavascriptExecutor) browser)
          .executeScript("document.getElementById('c-claimedOn').value = '2025-03-08'");
      browser.findElement(By.id("c-evidenceId")).sendKeys(Long.toString(video));
      browser.findElement(By.id("c-submit")).click();
      wait.until(ExpectedConditions.urlContains("#claim-"));
      assertThat(browser.findElement(By.id("claims")).getText())
          .contains("A synthetic claimant", "about 9,000 killed on the coast", "9,000");

      // Every write that touched the video is in its custody log, by the analyst.
      assertThat(caseFile.evidence().events(video))
          .filteredOn(e -> e.actor().equals("incident-analyst"))
          .extracting(e -> e.action())
          .contains("linked_to_incident", "annotated", "unlinked_from_incident");
      // And every write about the incident is in the custody log, item or not: created,
      // linked, attributed, withdrawn, corrected.
      assertThat(caseFile.vaultRecords().incidentTrail(id))
          .allSatisfy(r -> assertThat(r.actor()).isEqualTo("incident-analyst"))
          .extracting(r -> r.action() + " " + r.details().getOrDefault("action", ""))
          .containsExactly(
              "recorded created",
              "linked_to_incident ",
              "linked_to_incident ",
              "recorded attributed",
              "unlinked_from_incident ",
              "recorded withdrawn",
              "recorded corrected");
    } finally {
      browser.quit();
    }
  }
}
