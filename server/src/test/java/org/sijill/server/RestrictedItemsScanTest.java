package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.repo.Evidence;
import org.sijill.casefile.repo.Incidents;
import org.sijill.casefile.repo.Victims;
import org.sijill.workflow.access.Groups;
import org.sijill.workflow.access.ItemType;

/**
 * Restricted items, scanned from the router: a source, two evidence items, an incident and a victim
 * record, each holding random secret strings (a name, a phone number, GPS coordinates, an EXIF
 * Artist, a file name, a title), are restricted to one access group. Every GET route, with its {id}
 * filled by each restricted item's id, asked by everyone outside the group (anonymous on the demo,
 * a viewer, an analyst, a reviewer), never answers with any secret; a member of the group and an
 * admin do see them, so the scan can fail.
 */
class RestrictedItemsScanTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static DemoServer demo;
  private static String memberToken;
  private static final Map<String, String> SECRETS = new LinkedHashMap<>();
  private static long sourceId;
  private static long evidenceOwn;
  private static long evidenceViaSource;
  private static long incidentId;
  private static long victimId;
  private static String victimName;
  private static final String GROUP = "north-witnesses";

  private static String secret(String what) {
    String s = "Zq" + HexFormat.of().formatHex(RANDOM.generateSeed(6)).replaceAll("[0-9]", "x");
    SECRETS.put(what, s);
    return s;
  }

  @BeforeAll
  static void restrictSecrets() throws Exception {
    demo = DemoServer.own();
    var cf = demo.caseFile;
    String sourceName = secret("source name");
    String phone = "+963" + (100_000_000 + RANDOM.nextInt(800_000_000));
    SECRETS.put("source phone", phone);
    sourceId =
        cf.sources()
            .add(SourceKind.WITNESS, null, sourceName, Confidentiality.PUBLIC, "tel:" + phone, "t");
    String artist = secret("EXIF Artist");
    String lat = "33." + (10_000_000 + RANDOM.nextInt(89_999_999));
    String lon = "36." + (10_000_000 + RANDOM.nextInt(89_999_999));
    SECRETS.put("GPS latitude", lat);
    SECRETS.put("GPS longitude", lon);
    String fileName = secret("file name") + ".jpg";
    String metadata =
        "{\"gps\": {\"latitude\": "
            + lat
            + ", \"longitude\": "
            + lon
            + "}, \"tags\": {\"Exif IFD0\": {\"Artist\": \""
            + artist
            + "\", \"Make\": \"SyntheticCam\"}, \"GPS\": {\"GPS Latitude\": \""
            + lat
            + "\"}}}";
    long publicSource =
        cf.sources()
            .add(SourceKind.MEDIA, null, "Synthetic channel", Confidentiality.PUBLIC, null, "t");
    evidenceOwn =
        cf.evidence()
            .add(
                new Evidence.NewItem(
                    "cd".repeat(32),
                    null,
                    "image/jpeg",
                    1000,
                    fileName,
                    "https://example.org/" + secret("address"),
                    Instant.parse("2025-03-07T10:00:00Z"),
                    "investigator-1",
                    publicSource,
                    metadata,
                    secret("note")),
                "investigator-1");
    cf.evidence()
        .recordEvent(
            evidenceOwn,
            "acquired",
            "investigator-1",
            Instant.parse("2025-03-07T10:00:00Z"),
            "{\"file_name\": \"" + fileName + "\", \"sha256\": \"" + "cd".repeat(32) + "\"}",
            null);
    evidenceViaSource =
        cf.evidence()
            .add(
                new Evidence.NewItem(
                    "ef".repeat(32),
                    null,
                    "image/jpeg",
                    2000,
                    "photo.jpg",
                    null,
                    Instant.parse("2025-03-08T10:00:00Z"),
                    "investigator-1",
                    null,
                    "{\"tags\": {\"Exif IFD0\": {\"Artist\": \"" + artist + "\"}}}",
                    null),
                "investigator-1");
    // The log names the source; the row has no source id: the name alone must hide the item.
    cf.evidence()
        .recordEvent(
            evidenceViaSource,
            "acquired",
            "investigator-1",
            Instant.parse("2025-03-08T10:00:00Z"),
            "{\"source\": \"" + sourceName + "\"}",
            null);
    incidentId =
        cf.incidents()
            .add(
                new Incidents.NewIncident(
                    null,
                    secret("incident title"),
                    "shelling",
                    secret("incident description"),
                    null,
                    "day",
                    null,
                    "day",
                    null,
                    3,
                    2,
                    4,
                    "under_review"),
                "t");
    victimName = secret("victim given name") + " " + secret("victim family name");
    long importId =
        cf.victims()
            .importList(
                "scan-list",
                null,
                "scan.csv",
                HexFormat.of().formatHex(RANDOM.generateSeed(32)),
                "UTF-8",
                List.of(
                    new Victims.NewRecord(
                        2,
                        "S-1",
                        victimName,
                        null,
                        null,
                        null,
                        null,
                        "M",
                        30,
                        "adult",
                        "2025-03-07",
                        "Synthetic town",
                        "Idlib",
                        "civilian",
                        "shelling",
                        "{\"informant_phone\": \"" + phone + "\"}",
                        "{\"full_name\": \"" + victimName + "\"}")),
                "t",
                n -> {});
    victimId =
        cf.victims().imports().stream()
            .filter(i -> i.id() == importId)
            .findFirst()
            .map(i -> cf.victims().search(victimName, 1, 5).items().get(0).id())
            .orElseThrow();
    Groups groups = Groups.over(cf);
    groups.create().create(GROUP, "t");
    demo.accounts.addUser().add("member-viewer", "Member", Role.VIEWER, DemoServer.PASSWORD, "t");
    memberToken = demo.accounts.createToken().create("member-viewer", null, "t").token();
    groups.members().add(GROUP, "member-viewer", "t");
    groups.restrict().restrict(ItemType.SOURCE, sourceId, GROUP, "t");
    groups.restrict().restrict(ItemType.EVIDENCE, evidenceOwn, GROUP, "t");
    groups.restrict().restrict(ItemType.INCIDENT, incidentId, GROUP, "t");
    groups.restrict().restrict(ItemType.VICTIM, victimId, GROUP, "t");
  }

  @AfterAll
  static void stop() throws Exception {
    demo.close();
  }

  /** Every GET route, each {id} filled with each restricted item's id, plus searches by name. */
  private static List<String> paths() {
    List<String> out = new ArrayList<>();
    String q = URLEncoder.encode(victimName, StandardCharsets.UTF_8);
    String family = URLEncoder.encode(victimName.split(" ")[1], StandardCharsets.UTF_8);
    for (String route : demo.server.routes()) {
      if (!route.startsWith("GET ")) {
        continue;
      }
      String path = route.substring(4);
      if (path.contains("{id}")) {
        for (long id :
            new long[] {sourceId, evidenceOwn, evidenceViaSource, incidentId, victimId}) {
          out.add(
              path.replace("{id}", Long.toString(id)).replace("{name}", GROUP).replace("{n}", "0"));
        }
      } else {
        out.add(path.replace("{name}", GROUP));
      }
    }
    for (String s : List.of("/victims?q=", "/api/victims?q=", "/victims?size=500&q=")) {
      out.add(s + q);
      out.add(s + family);
    }
    out.add("/api/victims?size=500&page=1");
    out.add("/api/evidence?size=500");
    out.add("/api/sources?size=500");
    out.add("/api/incidents?size=500");
    out.add("/api/persons?size=500");
    return out;
  }

  @Test
  void nobodyOutsideTheGroupSeesAnySecretOnAnyRoute() {
    List<String> paths = paths();
    assertThat(paths).hasSizeGreaterThan(40);
    List<String> leaks = new ArrayList<>();
    int answered = 0;
    for (String path : paths) {
      for (Role role : new Role[] {null, Role.VIEWER, Role.ANALYST, Role.REVIEWER}) {
        HttpResponse<String> r = get(path, role == null ? null : demo.token(role));
        if (r.statusCode() == 200) {
          answered++;
        }
        if (r.statusCode() == 500) {
          leaks.add(path + " failed with " + r.statusCode() + " (a failure hides leaks too)");
        }
        String body = withoutEchoedQuery(r.body());
        for (Map.Entry<String, String> s : SECRETS.entrySet()) {
          if (body.contains(s.getValue())) {
            leaks.add(
                path
                    + " as "
                    + (role == null ? "anonymous" : role.db())
                    + " shows the "
                    + s.getKey());
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(answered).isGreaterThan(100);
  }

  @Test
  void aMemberOfTheGroupAndAnAdminSeeThem() {
    for (String token : new String[] {memberToken, demo.token(Role.ADMIN)}) {
      assertThat(get("/sources", token).body()).contains(SECRETS.get("source name"));
      assertThat(get("/api/sources/" + sourceId, token).body())
          .contains(SECRETS.get("source phone"));
      assertThat(get("/evidence/" + evidenceOwn, token).body())
          .contains(SECRETS.get("EXIF Artist"), SECRETS.get("GPS latitude"));
      assertThat(get("/api/evidence/" + evidenceViaSource + "/custody", token).body())
          .contains(SECRETS.get("source name"));
      String q = URLEncoder.encode(victimName, StandardCharsets.UTF_8);
      assertThat(get("/api/victims?q=" + q, token).body()).contains(victimName);
      assertThat(get("/incidents/" + incidentId, token).body())
          .contains(SECRETS.get("incident title"), SECRETS.get("incident description"));
    }
  }

  @Test
  void outsidersSeeThatTheItemsExist() {
    String viewer = demo.token(Role.VIEWER);
    assertThat(get("/sources", viewer).body()).contains("Restricted source #" + sourceId);
    assertThat(get("/incidents/" + incidentId, viewer).body())
        .contains("Restricted incident #" + incidentId);
    assertThat(get("/evidence/" + evidenceOwn, viewer).body())
        .contains("restricted to access groups")
        .contains("SyntheticCam");
    assertThat(get("/evidence/" + evidenceOwn + "/original", viewer).statusCode()).isEqualTo(403);
    assertThat(get("/api/victims?size=500&q=", viewer).body()).contains("restricted record");
    assertThat(get("/victims", viewer).body()).contains("1 records are restricted");
  }

  @Test
  void groupsAndRestrictionsThroughTheApiWithAnArabicNameThatTriesScript() {
    String name = "<script>alert(1)</script> شهود \"الجنوب\"";
    String nameJson = name.replace("\"", "\\\"");
    String admin = demo.token(Role.ADMIN);
    String analyst = demo.token(Role.ANALYST);
    assertThat(post("/api/groups", "{\"name\": \"" + nameJson + "\"}", analyst).statusCode())
        .isEqualTo(403);
    HttpResponse<String> created = post("/api/groups", "{\"name\": \"" + nameJson + "\"}", admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(post("/api/groups", "{\"name\": \"" + nameJson + "\"}", admin).statusCode())
        .isEqualTo(409);
    assertThat(post("/api/groups", "{\"name\": \"\"}", admin).body())
        .contains("\"error\":\"bad_request\"");
    String members =
        "/api/groups/"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
            + "/members";
    assertThat(post(members, "{\"user\": \"test-analyst\"}", admin).body())
        .contains("\"members\":[\"test-analyst\"]");
    assertThat(post(members, "{\"user\": \"nobody\"}", admin).statusCode()).isEqualTo(404);
    // An analyst restricts an incident of the demo; a viewer outside the group sees a placeholder.
    long incident = demo.incidentId;
    String body =
        "{\"type\": \"incident\", \"id\": " + incident + ", \"group\": \"" + nameJson + "\"}";
    assertThat(post("/api/restrictions", body, demo.token(Role.VIEWER)).statusCode())
        .isEqualTo(403);
    assertThat(post("/api/restrictions", body, analyst).statusCode()).isEqualTo(201);
    assertThat(post("/api/restrictions", body, analyst).statusCode()).isEqualTo(200);
    assertThat(
            post(
                    "/api/restrictions",
                    "{\"type\": \"incident\", \"id\": 987654, \"group\": \"" + nameJson + "\"}",
                    analyst)
                .statusCode())
        .isEqualTo(404);
    assertThat(get("/api/incidents/" + incident, demo.token(Role.VIEWER)).body())
        .contains("Restricted incident #" + incident);
    assertThat(get("/api/incidents/" + incident, analyst).body())
        .doesNotContain("Restricted incident #");
    // The name is escaped wherever a page shows it.
    String page = get("/admin/groups", admin).body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; شهود")
        .doesNotContain("<script>alert(1)");
    String incidentPage = get("/incidents/" + incident, analyst).body();
    assertThat(incidentPage)
        .contains("Restricted to:")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>alert(1)");
    assertThat(get("/api/groups", demo.token(Role.VIEWER)).body())
        .contains("\"members\":null")
        .doesNotContain("test-analyst");
  }

  private static HttpResponse<String> post(String path, String json, String token) {
    return demo.send(
        HttpRequest.newBuilder(URI.create(demo.base() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * The victims page echoes the asker's own search (the search box and "N records matching …"):
   * that is what they typed, not what the case told them, so it is left out of the scan.
   */
  private static String withoutEchoedQuery(String body) {
    // The search box, the count line and the language switch repeat the query the asker typed.
    return body.replaceAll("(?s)<form class=\"search\".*?</form>", "")
        .replaceAll("(?s)<p class=\"summary\" id=\"victim-count\">.*?</p>", "")
        .replaceAll("<a class=\"lang-switch\"[^>]*>", "");
  }

  private static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.base() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return demo.send(b.build());
  }
}
