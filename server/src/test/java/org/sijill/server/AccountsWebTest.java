package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sijill.casefile.model.Enums.Role;

/**
 * Logging in and out over HTTP, as a browser does, on a case served without --demo: cookies, CSRF
 * tokens, session fixation, lockout, the Host check and escaping of Arabic names.
 */
@ExtendWith(DemoServer.Extension.class)
class AccountsWebTest {
  private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static SijillServer server;
  private final DemoServer demo;

  AccountsWebTest(DemoServer demo) {
    this.demo = demo;
  }

  @BeforeAll
  static void start(DemoServer demo) {
    server = SijillServer.start(demo.caseFile, ServerOptions.local(0), demo.accounts);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A browser's cookies for this server. */
  private final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> get(String path) {
      return keep(demo.send(request(path).GET().build()));
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
          demo.send(
              request(path)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build()));
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
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

    /** Logs in through the form; returns the answer to the post. */
    HttpResponse<String> login(String user, String password) {
      String token = csrfOf(get("/login").body());
      return post("/login", Map.of("csrf", token, "username", user, "password", password));
    }
  }

  private static String csrfOf(String html) {
    Matcher m = HIDDEN_CSRF.matcher(html);
    assertThat(m.find()).as("a csrf field in\n" + html).isTrue();
    return m.group(1);
  }

  @Test
  void loginSetsAStrictHttpOnlyCookieWithANewSessionId() {
    Browser b = new Browser();
    // An attacker plants a session id before login (session fixation).
    b.cookies.put(Access.SESSION_COOKIE, "planted-by-an-attacker");
    HttpResponse<String> r = b.login("test-analyst", DemoServer.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/");
    String setCookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(Access.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    assertThat(setCookie).doesNotContain("Secure"); // plain HTTP on 127.0.0.1
    assertThat(b.cookies.get(Access.SESSION_COOKIE))
        .isNotEqualTo("planted-by-an-attacker")
        .hasSize(43);
    HttpResponse<String> account = b.get("/account");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("test-analyst").contains(">analyst<");
    assertThat(account.headers().firstValue("Cache-Control")).hasValue("no-store");

    Browser attacker = new Browser();
    attacker.cookies.put(Access.SESSION_COOKIE, "planted-by-an-attacker");
    assertThat(attacker.get("/account").statusCode()).isEqualTo(303);
  }

  @Test
  void aLoginFormPostedWithoutItsTokenIsRefused() {
    Browser b = new Browser();
    b.get("/login");
    HttpResponse<String> r =
        b.post(
            "/login",
            Map.of("csrf", "forged", "username", "test-admin", "password", DemoServer.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(b.cookies).doesNotContainKey(Access.SESSION_COOKIE);
  }

  @Test
  void formsAfterLoginNeedTheSessionsCsrfToken() {
    Browser b = new Browser();
    assertThat(b.login("test-admin", DemoServer.PASSWORD).statusCode()).isEqualTo(303);
    String csrf = csrfOf(b.get("/admin/users").body());
    Map<String, String> newUser =
        Map.of(
            "username", "csrf-victim",
            "role", "admin",
            "password", "a synthetic password");
    // A hostile page can make the browser post, but cannot read the token.
    HttpResponse<String> forged = b.post("/admin/users", newUser);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(demo.accounts.list().user("csrf-victim")).isEmpty();
    Map<String, String> withToken = new LinkedHashMap<>(newUser);
    withToken.put("csrf", csrf);
    withToken.put("role", "viewer");
    assertThat(b.post("/admin/users", withToken).statusCode()).isEqualTo(303);
    assertThat(demo.accounts.list().user("csrf-victim").orElseThrow().role()).isEqualTo("viewer");

    // Logout is a form too; afterwards the session is gone.
    assertThat(b.post("/logout", Map.of()).statusCode()).isEqualTo(403);
    String session = b.cookies.get(Access.SESSION_COOKIE);
    assertThat(b.post("/logout", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
    Browser replay = new Browser();
    replay.cookies.put(Access.SESSION_COOKIE, session);
    assertThat(replay.get("/account").statusCode()).isEqualTo(303);
  }

  @Test
  void anAdminEndsAnotherUsersSessions() {
    demo.accounts.addUser().add("ended-1", null, Role.ANALYST, DemoServer.PASSWORD, "test");
    Browser user = new Browser();
    assertThat(user.login("ended-1", DemoServer.PASSWORD).statusCode()).isEqualTo(303);
    assertThat(user.get("/account").statusCode()).isEqualTo(200);
    Browser admin = new Browser();
    admin.login("test-admin", DemoServer.PASSWORD);
    String csrf = csrfOf(admin.get("/admin/users").body());
    assertThat(admin.post("/admin/users/ended-1/sessions/end", Map.of("csrf", csrf)).statusCode())
        .isEqualTo(303);
    assertThat(user.get("/account").statusCode()).isEqualTo(303);
  }

  @Test
  void fiveWrongPasswordsLockTheAccount() {
    demo.accounts.addUser().add("lock-web", null, Role.ANALYST, DemoServer.PASSWORD, "test");
    Browser b = new Browser();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = b.login("lock-web", "not the password " + i);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("The user name or password is wrong");
    }
    HttpResponse<String> locked = b.login("lock-web", DemoServer.PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(b.cookies).doesNotContainKey(Access.SESSION_COOKIE);
    // Another account is not affected.
    assertThat(new Browser().login("test-viewer", DemoServer.PASSWORD).statusCode()).isEqualTo(303);
  }

  @Test
  void arabicNamesAndMarkupInFormsAreEscaped() {
    Browser admin = new Browser();
    admin.login("test-admin", DemoServer.PASSWORD);
    String csrf = csrfOf(admin.get("/admin/users").body());
    String display = "<script>alert('سامر')</script> سامر علي \"<img src=x onerror=alert(1)>";
    HttpResponse<String> added =
        admin.post(
            "/admin/users",
            Map.of(
                "csrf", csrf,
                "username", "سامر_علي",
                "displayName", display,
                "role", "analyst",
                "password", "كلمة سر اصطناعية طويلة"));
    assertThat(added.statusCode()).isEqualTo(303);
    String page = admin.get("/admin/users").body();
    assertThat(page)
        .contains("سامر_علي")
        .contains("&lt;script&gt;alert(")
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x");
    // A name with markup is refused, and the refusal does not echo it.
    HttpResponse<String> refused =
        admin.post(
            "/admin/users",
            Map.of(
                "csrf",
                csrf,
                "username",
                "<img src=x onerror=alert(1)>",
                "role",
                "viewer",
                "password",
                "a synthetic password"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("<img src=x");
    // The new Arabic-named user logs in; the login page never echoes what was typed.
    assertThat(new Browser().login("سامر_علي", "كلمة سر اصطناعية طويلة").statusCode())
        .isEqualTo(303);
    HttpResponse<String> wrong = new Browser().login("<svg onload=alert(1)>سامر", "x");
    assertThat(wrong.body()).doesNotContain("<svg");
  }

  @Test
  void aNextParameterNeverLeavesTheServer() {
    assertThat(AccountPages.safeNext("/victims?q=x")).isEqualTo("/victims?q=x");
    for (String evil : List.of("//evil.example/", "https://evil.example/", "/\\evil.example")) {
      assertThat(AccountPages.safeNext(evil)).as(evil).isEqualTo("/");
    }
  }

  /** DNS rebinding: a hostile page's own name, resolved to 127.0.0.1, gets nothing. */
  @Test
  void aRequestForAnotherHostNameIsRefused() throws IOException {
    assertThat(rawGet("evil.example:" + server.port(), "/api/incidents"))
        .startsWith("HTTP/1.1 421");
    assertThat(rawGet("evil.example", "/login")).startsWith("HTTP/1.1 421");
    assertThat(rawGet("127.0.0.1:" + server.port(), "/login")).startsWith("HTTP/1.1 200");
    assertThat(rawGet("localhost:" + server.port(), "/login")).startsWith("HTTP/1.1 200");
  }

  private static String rawGet(String host, String path) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
