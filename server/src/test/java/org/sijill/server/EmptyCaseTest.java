package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.accounts.Accounts;

/**
 * A new, empty case file — not the demo: every page renders its empty state and none carries the
 * demo banner. It lives in a database of its own on the tests' PostgreSQL ({@link TestDatabases}).
 */
@ExtendWith(DemoServer.Extension.class)
class EmptyCaseTest {
  private static CaseFile empty;
  private static SijillServer server;
  private static String token;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void openEmptyCase() {
    empty = TestDatabases.openCase();
    // A real (non-demo) case: every read needs an account.
    token = viewerToken(empty);
    server = SijillServer.start(empty, 0);
  }

  /** A viewer and an API token on a case file. */
  static String viewerToken(CaseFile caseFile) {
    Accounts accounts = Accounts.over(caseFile);
    accounts.addUser().add("viewer-1", null, Role.VIEWER, DemoServer.PASSWORD, "test");
    return accounts.createToken().create("viewer-1", null, "test").token();
  }

  @AfterAll
  static void close() {
    server.close();
    empty.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPageRendersItsEmptyStateWithoutTheDemoBanner() throws Exception {
    for (String path : List.of("/", "/incidents", "/victims", "/evidence", "/sources")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContainIgnoringCase("synthetic demo data");
    }
    assertThat(get("/").body())
        .contains("No published figures recorded yet.")
        .contains("No incidents recorded yet.")
        .contains("data-series=\"{&#34;days&#34;:[],&#34;counts&#34;:[]}\"");
    assertThat(get("/victims").body()).contains("0 records").contains("No records.");
  }

  /** A failure inside the server is logged and answered without its stack trace. */
  @Test
  void aLostDatabaseIsA500WithoutInternals(DemoServer demo) throws Exception {
    String url = TestDatabases.createDatabase();
    String name = url.replaceFirst("^jdbc:postgresql://[^/]*/([^?]+).*$", "$1");
    CaseFile doomed = CaseFile.open(Path.of("unused"), Optional.of(url));
    String doomedToken = viewerToken(doomed);
    try (SijillServer s = SijillServer.start(doomed, 0)) {
      demo.caseFile.jdbi().useHandle(h -> h.execute("drop database " + name + " with (force)"));
      String base = "http://localhost:" + s.port();
      HttpResponse<String> api =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/incidents"))
                  .header("Authorization", "Bearer " + doomedToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(500);
      assertThat(api.body())
          .isEqualTo(
              "{\"error\":\"server_error\",\"message\":\"Something went wrong on the"
                  + " server.\"}");
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/incidents"))
                  .header("Authorization", "Bearer " + doomedToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(500);
      assertThat(page.body()).contains("Something went wrong").doesNotContain("Exception");
    } finally {
      doomed.close();
    }
  }

  @Test
  void emptyListsAreEmptyPages() throws Exception {
    assertThat(get("/api/incidents").body())
        .isEqualTo("{\"items\":[],\"page\":1,\"size\":50,\"total\":0}");
    assertThat(get("/api/persons").body())
        .isEqualTo("{\"items\":[],\"page\":1,\"size\":50,\"total\":0}");
    assertThat(get("/api/estimates").body())
        .isEqualTo("{\"items\":[],\"page\":1,\"size\":50,\"total\":0}");
    // past the end of an empty list: page 1 is the only page
    assertThat(get("/api/sources?page=3").statusCode()).isEqualTo(400);
  }
}
