package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;

/**
 * When every connection of the pool is taken for longer than a request may wait, the server answers
 * 503 with Retry-After (overload, to be retried), not 500 (a fault); once a connection is free
 * again the same requests succeed. The pool here has two connections, which the test holds.
 */
class PoolExhaustionTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aFullPoolIsA503WithRetryAfterAndThenServesAgain() throws Exception {
    String url = TestDatabases.createDatabase();
    String token;
    try (CaseFile migrated = CaseFile.open(Path.of("unused"), Optional.of(url))) {
      token = EmptyCaseTest.viewerToken(migrated);
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    HikariConfig config = new HikariConfig();
    config.setDataSource(pg);
    config.setMaximumPoolSize(2); // opening migrates, and Flyway takes two
    config.setConnectionTimeout(250); // Hikari's least: the test need not wait the real 10 s
    try (HikariDataSource pool = new HikariDataSource(config);
        CaseFile caseFile = CaseFile.over(pool);
        SijillServer server = SijillServer.start(caseFile, 0)) {
      String base = "http://localhost:" + server.port();
      assertThat(get(base + "/api/incidents", token).statusCode()).isEqualTo(200);

      try (Connection held = pool.getConnection();
          Connection heldToo = pool.getConnection()) {
        assertThat(held.isValid(1) && heldToo.isValid(1)).isTrue();
        HttpResponse<String> api = get(base + "/api/incidents", token);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(api.body())
            .startsWith("{\"error\":\"unavailable\",\"message\":\"The server is busy")
            .doesNotContain("Exception")
            .doesNotContain("Hikari");
        HttpResponse<String> page = get(base + "/incidents", token);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(page.body()).contains("Try again in 2 seconds").doesNotContain("Exception");
      }

      assertThat(get(base + "/api/incidents", token).statusCode()).isEqualTo(200);
      assertThat(get(base + "/incidents", token).statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
