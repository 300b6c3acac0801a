package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sijill serve --demo} as a user runs it: a separate JVM, real HTTP. It is then killed with
 * SIGKILL — leaving the embedded PostgreSQL orphaned and its pid file behind — and started again,
 * which must recover and still hold the demo case.
 */
class ServeProcessTest {
  private static final Pattern SERVING =
      Pattern.compile("serving on (http://127\\.0\\.0\\.1:\\d+/)");

  @TempDir Path data;

  /** A running serve, its URL and everything it printed so far. */
  record Served(Process process, String url, StringBuffer output) {}

  Served serve() throws Exception {
    return serve(data, "--demo");
  }

  /**
   * Starts {@code sijill --data DATA serve --port 0 EXTRA…} in a new JVM; returns once it serves.
   */
  static Served serve(Path data, String... extra) throws Exception {
    return serve(data, List.of(), extra);
  }

  /**
   * The command line that runs {@code sijill --data DATA ARGS} in a JVM of its own (this test's
   * Java and class path, with {@code jvm} options such as {@code -Xmx}).
   */
  static List<String> sijill(Path data, List<String> jvm, String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "org.sijill.cli.Main", "--data"));
    command.add(data.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** As {@link #serve(Path, String...)}, with options for the new JVM (such as {@code -Xmx}). */
  static Served serve(Path data, List<String> jvm, String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(List.of(extra));
    List<String> command = sijill(data, jvm, args.toArray(new String[0]));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    // A dedicated thread, not the common fork-join pool: on two cores that pool has one worker,
    // which other work in this JVM may hold, and the child's startup line would go unread.
    CompletableFuture<String> url = new CompletableFuture<>();
    StringBuffer output = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              StringBuffer seen = output;
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  Matcher m = SERVING.matcher(line);
                  if (!url.isDone() && m.find()) {
                    url.complete(m.group(1));
                  }
                  seen.append(line).append('\n');
                  // Keep reading to the end so the child never blocks on a full pipe.
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
              url.completeExceptionally(
                  new IllegalStateException("serve exited without serving:\n" + seen));
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new Served(p, url.get(300, TimeUnit.SECONDS), output);
    } catch (Exception e) {
      p.destroyForcibly();
      throw e;
    }
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheDemoAndRecoversAfterKillMinusNine() throws Exception {
    Served first = serve();
    try {
      HttpResponse<String> incidents = get(first.url() + "api/incidents");
      assertThat(incidents.statusCode()).isEqualTo(200);
      assertThat(incidents.body()).contains("Jableh");
      assertThat(get(first.url()).body()).containsIgnoringCase("synthetic demo data");
      // The desk's part of the demo: a finalised "misattributed" verdict on the re-post,
      // attributions with grades, a public claim preserved by an item.
      assertThat(get(first.url() + "api/evidence?judgement=misattributed&status=finalised").body())
          .contains("reposted.jpg")
          .doesNotContain("scene-1.png");
      assertThat(get(first.url() + "api/actors").body())
          .contains("Armed group A (synthetic)", "Militia B (synthetic)");
      assertThat(get(first.url() + "api/public-claims").body()).contains("A synthetic spokesman");
      // The console says that anyone may read, and gives one account per role.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!first.output().toString().contains("DEMO MODE") && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertThat(first.output().toString())
          .contains("DEMO MODE: anyone who can reach this address may read")
          .contains("demo-viewer", "demo-analyst", "demo-reviewer", "demo-admin");
      // Reading is open; nothing else is.
      HttpResponse<String> anonymousPost =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(first.url() + "logout"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(anonymousPost.statusCode()).isEqualTo(401);
      // The demo's evidence went through the vault: five items, each page renders.
      HttpResponse<String> evidence = get(first.url() + "api/evidence");
      assertThat(evidence.body()).contains("\"total\":5").contains("scene-1.png", "reposted.jpg");
      // The source named at acquisition is linked to the case file's source of that name.
      assertThat(evidence.body()).doesNotContain("\"sourceId\":null");
      for (int id = 1; id <= 5; id++) {
        assertThat(get(first.url() + "evidence/" + id).statusCode())
            .as("evidence " + id)
            .isEqualTo(200);
      }
      // While serve holds the data directory, another command is refused with a clear reason.
      Process verify =
          new ProcessBuilder(sijill(data, List.of(), "vault", "verify"))
              .redirectErrorStream(true)
              .start();
      String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(verify.waitFor()).isEqualTo(1);
      assertThat(said).contains("in use by another Sijill process");
    } finally {
      first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    // A crash leaves the database's pid file (and here an orphaned server) behind.
    assertThat(Files.exists(data.resolve("db/postmaster.pid"))).isTrue();

    Served second = serve();
    try {
      HttpResponse<String> incidents = get(second.url() + "api/incidents");
      assertThat(incidents.statusCode()).isEqualTo(200);
      assertThat(incidents.body()).contains("Jableh");
      assertThat(get(second.url() + "api/evidence").body()).contains("\"total\":5");
    } finally {
      second.process().destroy();
      assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    // A clean stop shuts the database down: no pid file is left.
    assertThat(Files.exists(data.resolve("db/postmaster.pid"))).isFalse();
  }
}
