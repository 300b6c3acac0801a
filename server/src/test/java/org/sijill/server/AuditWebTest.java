package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.accounts.Throttle;

/**
 * The audit of reads and the second factor over HTTP, on a fresh case with its own vault: reading
 * an evidence item's page or original writes {@code viewed} events into its custody; reads, failed
 * logins and admins' actions reach {@code /admin/audit} and {@code /api/audit}, which only an admin
 * may read; a TOTP login needs a right, fresh code; too many failures are answered 429.
 */
class AuditWebTest {
  private static final Path BRIDGE =
      Path.of("../media/src/test/resources/pdq/bridge-1-original.jpg");
  private static final String PASSWORD = "correct horse battery";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static CaseFile caseFile;
  private static Accounts accounts;
  private static SijillServer server;
  private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

  @BeforeAll
  static void start(@TempDir Path data) {
    caseFile = TestDatabases.openCase();
    accounts =
        Accounts.over(
            caseFile,
            Clock.systemUTC(),
            d -> {},
            new Throttle(Clock.systemUTC(), 12, 8, Duration.ofMinutes(15)));
    TestUsers.onePerRole(accounts, "audit", "Audit", PASSWORD, TOKENS);
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

  static HttpResponse<String> send(HttpRequest r) {
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> getAs(Role role, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + TOKENS.get(role))
            .build());
  }

  private static long upload() throws IOException {
    String boundary = "sijill-audit-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bridge.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(BRIDGE));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/evidence"))
                .header("Authorization", "Bearer " + TOKENS.get(Role.ANALYST))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).at("/items/0/id").asLong();
  }

  /** A browser's cookie jar for this server. */
  static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    final String base;

    Browser(String base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) {
      return keep(send(request(path).GET().build()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return keep(
          send(
              request(path)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build()));
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
      if (!cookies.isEmpty()) {
        b.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      return b;
    }

    private HttpResponse<String> keep(HttpResponse<String> r) {
      for (String c : r.headers().allValues("Set-Cookie")) {
        String pair = c.substring(0, c.indexOf(';'));
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || c.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return r;
    }

    HttpResponse<String> login(String user, String password) {
      return post(
          "/login",
          Map.of("csrf", csrf(get("/login").body()), "username", user, "password", password));
    }
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a csrf field in\n" + html).isTrue();
    return m.group(1);
  }

  static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a " + name + " field in\n" + html).isTrue();
    return m.group(1);
  }

  static String code(String secret, Instant at) throws Exception {
    return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
        .generateOneTimePasswordString(new SecretKeySpec(base32(secret), "HmacSHA1"), at);
  }

  /** RFC 4648 base32, decoded here independently of the server's own code. */
  static byte[] base32(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : s.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static List<JsonNode> custody(long id) throws IOException {
    HttpResponse<String> r = getAs(Role.ADMIN, "/api/evidence/" + id + "/custody");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode n = JSON.readTree(r.body());
    return StreamSupport.stream((n.has("items") ? n.get("items") : n).spliterator(), false)
        .toList();
  }

  @Test
  void everyAuditedReadRouteIsARegisteredRoute() {
    assertThat(server.routes()).containsAll(AuditedReads.ROUTES.keySet());
  }

  @Test
  void viewingAPageOrAnOriginalIsAViewedCustodyEventAndAnAuditedRead() throws Exception {
    long id = upload();
    long viewedBefore =
        custody(id).stream().filter(e -> e.get("action").asText().equals("viewed")).count();

    assertThat(getAs(Role.VIEWER, "/evidence/" + id).statusCode()).isEqualTo(200);
    assertThat(getAs(Role.VIEWER, "/evidence/" + id + "/original?download=1").statusCode())
        .isEqualTo(200);
    assertThat(getAs(Role.ANALYST, "/api/evidence/" + id).statusCode()).isEqualTo(200);
    assertThat(getAs(Role.VIEWER, "/evidence/999999").statusCode()).isEqualTo(404);

    List<JsonNode> viewed =
        custody(id).stream().filter(e -> e.get("action").asText().equals("viewed")).toList();
    // The admin's own custody reads are viewings too; count those of the viewer and analyst.
    assertThat(viewed.size() - viewedBefore).isGreaterThanOrEqualTo(3);
    assertThat(viewed)
        .extracting(e -> e.get("actor").asText() + " " + e.get("details"))
        .anySatisfy(s -> assertThat(s).startsWith("audit-viewer").contains("page"))
        .anySatisfy(s -> assertThat(s).startsWith("audit-viewer").contains("download"))
        .anySatisfy(s -> assertThat(s).startsWith("audit-analyst").contains("api"));

    HttpResponse<String> audit = getAs(Role.ADMIN, "/api/audit?kind=read&item=evidence:" + id);
    assertThat(audit.statusCode()).isEqualTo(200);
    JsonNode rows = JSON.readTree(audit.body());
    List<String> reads =
        StreamSupport.stream(rows.get("items").spliterator(), false)
            .map(r -> r.get("actor").asText() + " " + r.get("action").asText())
            .toList();
    assertThat(reads)
        .contains(
            "audit-viewer read page",
            "audit-viewer read original download",
            "audit-analyst read api");
    assertThat(rows.get("total").asLong()).isEqualTo(reads.size());
    // Nothing is recorded for an item that does not exist.
    assertThat(getAs(Role.ADMIN, "/api/audit?item=evidence:999999").body()).contains("\"total\":0");
  }

  private static HttpResponse<String> postAs(Role role, String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + TOKENS.get(role))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** Waits for the newest export job listed on /exports to finish; returns its download path. */
  private static String finishedExport(Role role) throws InterruptedException {
    Pattern link = Pattern.compile("href=\"(/exports/[0-9]+/download)\"");
    for (int i = 0; i < 600; i++) {
      String page = getAs(role, "/exports").body();
      assertThat(page).doesNotContain("failed");
      if (!page.contains("queued") && !page.contains("running")) {
        Matcher m = link.matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the export did not finish");
  }

  @Test
  void aReviewerTakesOnlyTheRedactedPackageAndEveryExportIsAudited() throws Exception {
    upload();
    HttpResponse<String> full = postAs(Role.REVIEWER, "/exports", "kind=full");
    assertThat(full.statusCode()).isEqualTo(403);
    assertThat(postAs(Role.ANALYST, "/exports", "kind=redacted").statusCode()).isEqualTo(403);
    assertThat(postAs(Role.REVIEWER, "/exports", "kind=everything").statusCode()).isEqualTo(400);
    assertThat(getAs(Role.REVIEWER, "/exports").body()).doesNotContain("value=\"full\"");
    assertThat(postAs(Role.REVIEWER, "/exports", "kind=redacted").statusCode()).isEqualTo(303);
    String download = finishedExport(Role.REVIEWER);
    HttpResponse<byte[]> zip =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + download))
                .header("Authorization", "Bearer " + TOKENS.get(Role.REVIEWER))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.body()).startsWith('P', 'K'); // a zip
    assertThat(new String(zip.body(), StandardCharsets.ISO_8859_1)).contains("redaction.txt");
    // An analyst may not take packages at all.
    assertThat(getAs(Role.ANALYST, download).statusCode()).isEqualTo(403);

    assertThat(getAs(Role.ADMIN, "/exports").body()).contains("value=\"full\"");
    assertThat(postAs(Role.ADMIN, "/exports", "kind=full").statusCode()).isEqualTo(303);
    finishedExport(Role.ADMIN);

    JsonNode exports = JSON.readTree(getAs(Role.ADMIN, "/api/audit?kind=export").body());
    List<String> actions =
        StreamSupport.stream(exports.get("items").spliterator(), false)
            .map(r -> r.get("actor").asText() + " " + r.get("action").asText())
            .toList();
    assertThat(actions)
        .contains(
            "audit-reviewer export full refused",
            "audit-reviewer export redacted",
            "audit-admin export full");
    JsonNode downloads =
        JSON.readTree(getAs(Role.ADMIN, "/api/audit?kind=read&who=audit-reviewer").body());
    assertThat(downloads.toString()).contains("read download").contains("\"itemType\":\"package\"");
  }

  @Test
  void failedLoginsAndAdminActionsAreListedForAdminsOnly() throws Exception {
    Browser attacker = new Browser(base());
    assertThat(attacker.login("audit-analyst", "a wrong guess").statusCode()).isEqualTo(401);
    assertThat(attacker.login("<b>مستخدم-غير-موجود</b>", "another guess").statusCode())
        .isEqualTo(401);

    Browser admin = new Browser(base());
    assertThat(admin.login("audit-admin", PASSWORD).statusCode()).isEqualTo(303);
    String csrf = csrf(admin.get("/admin/users").body());
    assertThat(
            admin
                .post(
                    "/admin/users/audit-analyst/totp/require",
                    Map.of("csrf", csrf, "required", "no"))
                .statusCode())
        .isEqualTo(303);

    HttpResponse<String> page = admin.get("/admin/audit?kind=login_failed");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("audit-analyst")
        .contains("&lt;b&gt;مستخدم-غير-موجود&lt;/b&gt;")
        .doesNotContain("<b>مستخدم")
        .doesNotContain("a wrong guess");
    HttpResponse<String> admins = admin.get("/admin/audit?kind=admin&who=audit-admin");
    assertThat(admins.body()).contains("second factor optional").contains("user:audit-analyst");
    assertThat(admin.get("/admin/audit?kind=nonsense").statusCode()).isEqualTo(400);
    assertThat(admin.get("/admin/audit?since=yesterday").statusCode()).isEqualTo(400);

    for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.REVIEWER)) {
      assertThat(getAs(role, "/admin/audit").statusCode()).as(role.db()).isEqualTo(403);
      assertThat(getAs(role, "/api/audit").statusCode()).as(role.db()).isEqualTo(403);
    }
    assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/api/audit")).build()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTotpLoginNeedsARightFreshCode() throws Exception {
    accounts.addUser().add("totp-web", null, Role.ANALYST, PASSWORD, "test");
    Browser b = new Browser(base());
    assertThat(b.login("totp-web", PASSWORD).statusCode()).isEqualTo(303);
    HttpResponse<String> started =
        b.post("/account/totp", Map.of("csrf", csrf(b.get("/account").body())));
    assertThat(started.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<").matcher(started.body());
    assertThat(m.find()).as(started.body()).isTrue();
    String secret = m.group(1);
    assertThat(started.body()).contains("otpauth://totp/Sijill%3Atotp-web?secret=" + secret);
    String csrf = csrf(started.body());
    assertThat(
            b.post("/account/totp/confirm", Map.of("csrf", csrf, "code", "000000x")).statusCode())
        .isEqualTo(400);
    Instant now = Instant.now();
    assertThat(
            b.post("/account/totp/confirm", Map.of("csrf", csrf, "code", code(secret, now)))
                .statusCode())
        .isEqualTo(303);
    assertThat(b.get("/account").body()).contains("A second factor (authenticator app) is in use");

    Browser fresh = new Browser(base());
    HttpResponse<String> ask = fresh.login("totp-web", PASSWORD);
    assertThat(ask.statusCode()).isEqualTo(200);
    assertThat(ask.body()).contains("Type the six-digit code");
    assertThat(fresh.cookies).doesNotContainKey(Access.SESSION_COOKIE);
    String pending = hidden(ask.body(), "pending");
    String form = csrf(ask.body());
    String next = code(secret, now.plusSeconds(30));
    String wrong = String.format("%06d", (Integer.parseInt(next) + 1) % 1_000_000);
    HttpResponse<String> refused =
        fresh.post("/login/code", Map.of("csrf", form, "pending", pending, "code", wrong));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(fresh.cookies).doesNotContainKey(Access.SESSION_COOKIE);
    HttpResponse<String> in =
        fresh.post("/login/code", Map.of("csrf", form, "pending", pending, "code", next));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(fresh.get("/account").body()).contains("totp-web");
  }

  @Test
  void tooManyFailuresFromOneAddressAreAnswered429WithRetryAfter() throws Exception {
    // A server of its own, so that its limits do not touch the other tests' logins.
    Accounts tight =
        Accounts.over(
            caseFile,
            Clock.systemUTC(),
            d -> {},
            new Throttle(Clock.systemUTC(), 4, 50, Duration.ofMinutes(15)));
    try (SijillServer own = SijillServer.start(caseFile, ServerOptions.local(0), tight)) {
      Browser b = new Browser("http://localhost:" + own.port());
      for (int i = 0; i < 4; i++) {
        assertThat(b.login("audit-viewer", "wrong " + i).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> limited = b.login("audit-viewer", PASSWORD);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
          .isBetween(1L, 900L);
      HttpResponse<String> api =
          send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + own.port() + "/api/incidents"))
                  .header("Authorization", "Bearer not-a-token")
                  .build());
      assertThat(api.statusCode()).isEqualTo(429);
      assertThat(api.headers().firstValue("Retry-After")).isPresent();
      assertThat(api.body()).startsWith("{\"error\":\"too_many_requests\"");
    }
    // Unknown API tokens count too, and each is audited.
    Accounts tokens =
        Accounts.over(
            caseFile,
            Clock.systemUTC(),
            d -> {},
            new Throttle(Clock.systemUTC(), 2, 50, Duration.ofMinutes(15)));
    try (SijillServer own = SijillServer.start(caseFile, ServerOptions.local(0), tokens)) {
      int[] statuses = new int[3];
      for (int i = 0; i < 3; i++) {
        statuses[i] =
            send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + own.port() + "/api/incidents"))
                    .header("Authorization", "Bearer guessed-token-" + i)
                    .build())
                .statusCode();
      }
      assertThat(statuses).containsExactly(401, 401, 429);
    }
    JsonNode throttled = JSON.readTree(getAs(Role.ADMIN, "/api/audit?kind=throttled").body());
    assertThat(throttled.get("total").asLong()).isGreaterThanOrEqualTo(3);
  }
}
