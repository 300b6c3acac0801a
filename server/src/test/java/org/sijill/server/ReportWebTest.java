package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.VerifyReport;

/**
 * An administrator publishes the demo case from {@code /admin/report}: the job runs in the
 * background, the zip downloads, and the report in it verifies. Anyone else is refused.
 */
@ExtendWith(DemoServer.Extension.class)
class ReportWebTest {
  @TempDir static Path data;
  private static SijillServer server;
  private static DemoServer demo;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(DemoServer d) {
    demo = d;
    server = SijillServer.start(d.caseFile, ServerOptions.local(0), d.accounts, data);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private HttpResponse<byte[]> send(String method, String path, Role role) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .header("Authorization", "Bearer " + demo.token(role));
    b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void onlyAnAdministratorPublishes() throws Exception {
    assertThat(send("POST", "/admin/report", Role.REVIEWER).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/admin/report", Role.ANALYST).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/admin/report/1/download", Role.VIEWER).statusCode()).isEqualTo(403);
  }

  @Test
  void anAdministratorPublishesAndDownloadsAReportThatVerifies() throws Exception {
    assertThat(send("POST", "/admin/report", Role.ADMIN).statusCode()).isEqualTo(303);
    String page = "";
    for (int i = 0; i < 600 && !page.contains("data-status=\"done\""); i++) {
      assertThat(page).doesNotContain("data-status=\"failed\"");
      Thread.sleep(500);
      page =
          new String(
              send("GET", "/admin/report", Role.ADMIN).body(),
              java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(page).contains("data-status=\"done\"").contains("persons in the public list");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/admin/report/(\\d+)/download").matcher(page);
    assertThat(m.find()).isTrue();
    HttpResponse<byte[]> zip = send("GET", "/admin/report/" + m.group(1) + "/download", Role.ADMIN);
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/zip");
    Path out = data.resolve("downloaded");
    Path root = null;
    try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        Path f = out.resolve(e.getName()).normalize();
        assertThat(f.startsWith(out)).as("zip entry inside the folder").isTrue();
        Files.createDirectories(f.getParent());
        Files.copy((InputStream) z, f);
        if (e.getName().endsWith("/checkpoint.note")) {
          root = f.getParent();
        }
      }
    }
    assertThat(root).isNotNull();
    VerifyReport.Result r = new VerifyReport().verify(root, Optional.empty());
    assertThat(r.faults()).isEmpty();
    assertThat(root.resolve("index-ar.html")).exists();
    assertThat(root.resolve("report.pdf")).exists();
  }
}
