package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.accounts.Accounts;

/**
 * The set-up the evidence-page tests share: a fresh case with its vault in a temporary folder, one
 * user per role (password {@link #PASSWORD}, a bearer token each), the server over it, and the two
 * requests they make: a GET as a role and an upload to {@code POST /api/evidence} as an analyst.
 */
final class EvidenceServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final CaseFile caseFile;
  final SijillServer server;
  final Map<Role, String> tokens = new EnumMap<>(Role.class);

  /** Users are named {@code prefix-<role>}, shown as {@code display <role>} (TestUsers). */
  EvidenceServer(Path data, String prefix, String display) {
    caseFile = TestDatabases.openCase();
    Accounts accounts = Accounts.over(caseFile, java.time.Clock.systemUTC(), d -> {});
    TestUsers.onePerRole(accounts, prefix, display, PASSWORD, tokens);
    server = SijillServer.start(caseFile, ServerOptions.local(0), accounts, data);
  }

  String base() {
    return "http://localhost:" + server.port();
  }

  /** GET {@code path} with the bearer token of {@code role} (null: anonymous). */
  HttpResponse<byte[]> get(String path, Role role) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (role != null) {
      b.header("Authorization", "Bearer " + tokens.get(role));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Uploads one file with these form fields as the analyst; the new item's id (201 expected). */
  long upload(String name, byte[] bytes, Map<String, String> fields)
      throws IOException, InterruptedException {
    HttpResponse<String> r = upload(Role.ANALYST, List.of(Map.entry(name, bytes)), fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).at("/items/0/id").asLong();
  }

  /**
   * A multipart upload as a script sends it, as {@code role} (null: anonymous): the files (name,
   * bytes) as {@code file}, then the fields.
   */
  HttpResponse<String> upload(
      Role role, List<Map.Entry<String, byte[]>> files, Map<String, String> fields)
      throws IOException, InterruptedException {
    String boundary = "sijill-evidence-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> f : files) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + f.getKey()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(f.getValue());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    for (var e : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + e.getKey()
                  + "\"\r\n\r\n"
                  + e.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + "/api/evidence"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (role != null) {
      b.header("Authorization", "Bearer " + tokens.get(role));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
    caseFile.close();
  }
}
