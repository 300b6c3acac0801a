package org.sijill.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.EvidenceStatus;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.repo.Evidence;
import org.sijill.workflow.CountDemoCase;
import org.sijill.workflow.ProgressListener;
import org.sijill.workflow.accounts.Accounts;

/**
 * One demo case file on an embedded PostgreSQL and one server over it, shared by every test class
 * of the module (starting PostgreSQL costs seconds). Test classes take it as a parameter:
 * {@code @ExtendWith(DemoServer.Extension.class)}. Tests only read, except what {@link #seed} adds
 * once.
 */
final class DemoServer implements AutoCloseable {
  /** The first (lowest id) incident of the demo, which the seed links evidence to. */
  final long incidentId;

  final long evidenceId;
  final long witnessSourceId;

  /** The password of every test-ROLE user. */
  static final String PASSWORD = "correct horse battery";

  final CaseFile caseFile;
  final SijillServer server;
  final Accounts accounts;
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private final Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private DemoServer(Path dir) {
    this.dir = dir;
    this.caseFile = TestDatabases.openCase();
    DemoCase.load(caseFile, DemoCase.DEFAULT_SEED);
    new CountDemoCase(caseFile).count(ProgressListener.NONE);
    this.incidentId = caseFile.incidents().all().get(0).id();
    this.witnessSourceId =
        caseFile
            .sources()
            .add(
                SourceKind.WITNESS,
                "شاهد اصطناعي",
                "Synthetic witness W-1",
                Confidentiality.CONFIDENTIAL,
                null,
                "test");
    this.evidenceId = seed(caseFile, incidentId);
    // No failure delay here: the workflow's AccountsTest checks the delay with its own recorder.
    this.accounts = Accounts.over(caseFile, Clock.systemUTC(), d -> {});
    TestUsers.onePerRole(accounts, "test", "Test", PASSWORD, tokens);
    // As 'serve --demo' does: anyone may read; anything else needs token(ROLE).
    this.server = SijillServer.start(caseFile, ServerOptions.local(0).withDemo(true), accounts);
  }

  /** An API token of the user {@code test-ROLE} (password {@link #PASSWORD}). */
  String token(Role role) {
    return tokens.get(role);
  }

  /** A request as a script sends it, with the API token of a role. */
  HttpResponse<String> getAs(Role role, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + token(role))
            .GET()
            .build());
  }

  /** The demo has no evidence yet: add one item with metadata, custody and an assessment. */
  private static long seed(CaseFile caseFile, long incidentId) {
    long sourceId = caseFile.sources().all().get(0).id();
    long id =
        caseFile
            .evidence()
            .add(
                new Evidence.NewItem(
                    "ab".repeat(32),
                    null,
                    "image/jpeg",
                    123_456,
                    "checkpoint-photo.jpg",
                    "https://example.org/post/1",
                    Instant.parse("2025-03-06T18:00:00Z"),
                    "investigator-1",
                    sourceId,
                    "{\"exif\": {\"Make\": \"SyntheticCam\", \"GPS\": [35.36, 35.92]}}",
                    "صورة اصطناعية للاختبار"),
                "investigator-1");
    caseFile
        .evidence()
        .recordEvent(
            id,
            "acquired",
            "investigator-1",
            Instant.parse("2025-03-06T18:00:00Z"),
            "{\"via\": \"upload\"}",
            0L);
    caseFile
        .evidence()
        .recordEvent(
            id,
            "metadata_extracted",
            "investigator-1",
            Instant.parse("2025-03-06T18:05:00Z"),
            null,
            1L);
    caseFile.evidence().linkToIncident(incidentId, id, "depicts", "investigator-1");
    caseFile
        .claims()
        .assess(
            AssessmentTarget.EVIDENCE,
            id,
            "geolocation",
            null,
            EvidenceStatus.CORROBORATED,
            "Skyline matches the synthetic reference photo.",
            "analyst-1",
            null);
    return id;
  }

  String base() {
    return "http://localhost:" + server.port();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
  }

  /** A request as htmx sends it. */
  HttpResponse<String> getAsHtmx(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path)).header("HX-Request", "true").build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A demo of the caller's own, for a test that writes to the case in ways other tests must not see
   * (the authorization matrix starts linkage jobs); the caller closes it.
   */
  static DemoServer own() throws IOException {
    return new DemoServer(Files.createTempDirectory("sijill-server-test"));
  }

  @Override
  public void close() throws IOException {
    server.close();
    caseFile.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Hands the shared server to test methods and constructors. */
  static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == DemoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      return c.getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(
              DemoServer.class,
              k -> {
                try {
                  return new DemoServer(Files.createTempDirectory("sijill-server-test"));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              DemoServer.class);
    }
  }
}
