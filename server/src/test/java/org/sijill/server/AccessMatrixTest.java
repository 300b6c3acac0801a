package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sijill.casefile.model.Enums.Role;

/**
 * The authorization matrix, generated from the router: every registered route, called by an
 * anonymous visitor and by each role, on a real case and on the demo, gets the answer its rule in
 * {@link Access#RULES} promises. A route added without a rule stops the server at start-up.
 */
class AccessMatrixTest {
  private static SijillServer realCase;
  // A demo of its own: the matrix really starts the jobs its analyst calls may start.
  private static DemoServer demo;

  @BeforeAll
  static void startWithoutDemoReading() throws Exception {
    demo = DemoServer.own();
    // The same case file served without --demo: nobody reads anonymously.
    realCase = SijillServer.start(demo.caseFile, ServerOptions.local(0), demo.accounts);
  }

  @AfterAll
  static void stop() throws Exception {
    realCase.close();
    demo.close();
  }

  @Test
  void everyRouteAnswersEachCallerAsItsRuleSays() {
    List<String> routes = realCase.routes();
    assertThat(routes).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      Need need = Access.RULES.get(route);
      for (boolean demoReading : new boolean[] {false, true}) {
        int port = demoReading ? demo.server.port() : realCase.port();
        for (Role role : callers()) {
          HttpResponse<String> r = call(port, method, concrete(path), role);
          calls++;
          String expected = expected(need, method, path, role, demoReading);
          if (!matches(expected, r.statusCode())) {
            wrong.add(
                route
                    + " as "
                    + (role == null ? "anonymous" : role.db())
                    + (demoReading ? " (demo)" : "")
                    + ": "
                    + r.statusCode()
                    + ", expected "
                    + expected);
          }
          assertThat(r.headers().firstValue("Cache-Control")).as(route).hasValue("no-store");
        }
      }
    }
    assertThat(wrong).as("of " + calls + " calls").isEmpty();
  }

  @Test
  void aRouteWithoutARuleIsRefusedAtStartUp() {
    assertThatThrownBy(
            () ->
                Access.verify(
                    List.of(
                        new Endpoint(HandlerType.GET, "/incidents", ctx -> {}),
                        new Endpoint(HandlerType.DELETE, "/api/incidents/{id}", ctx -> {}))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DELETE /api/incidents/{id}")
        .hasMessageNotContaining("GET /incidents");
  }

  @Test
  void theApiRefusesWithItsErrorShape() {
    HttpResponse<String> anonymous = call(realCase.port(), "GET", "/api/incidents", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).startsWith("{\"error\":\"unauthorized\",\"message\":");
    HttpResponse<String> viewer = call(realCase.port(), "GET", "/admin/users", Role.VIEWER);
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(viewer.body()).contains("This needs the role admin; test-viewer is viewer.");
    HttpResponse<String> page = call(realCase.port(), "GET", "/victims?q=x", null);
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Fvictims%3Fq%3Dx");
  }

  /** Anonymous (null), then each role. */
  private static List<Role> callers() {
    List<Role> all = new ArrayList<>();
    all.add(null);
    all.addAll(List.of(Role.values()));
    return all;
  }

  /** What the rule promises: "ok" (any answer but a refusal), or a refusal's status. */
  private static String expected(
      Need need, String method, String path, Role role, boolean demoReading) {
    if (need == Need.PUBLIC) {
      return "public";
    }
    boolean read = method.equals("GET");
    if (role == null) {
      if (read && need == Need.VIEWER && demoReading) {
        return "ok";
      }
      return read && !path.startsWith("/api/") ? "303" : "401";
    }
    return role.includes(need.role) ? "ok" : "403";
  }

  private static boolean matches(String expected, int status) {
    if (expected.equals("public")) {
      // Public forms still refuse a post without their form token (403); never a login demand.
      return status != 401 && status != 500;
    }
    if (expected.equals("ok")) {
      // A handler may still say 400 or 404 (the test sends no body); it must not refuse.
      return status != 401 && status != 403 && status != 500;
    }
    return Integer.parseInt(expected) == status;
  }

  /** A path with its parameters filled in: ids that exist, and a user name that does not. */
  private String concrete(String path) {
    return path.replace("{id}", Long.toString(demo.evidenceId))
        .replace("{name}", "no-such-user")
        .replace("{n}", "0");
  }

  private HttpResponse<String> call(int port, String method, String path, Role role) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (role != null) {
      b.header("Authorization", "Bearer " + demo.token(role));
    }
    return demo.send(b.build());
  }
}
