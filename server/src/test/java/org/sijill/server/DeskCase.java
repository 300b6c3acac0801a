package org.sijill.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.GenerateLists;
import org.sijill.workflow.ProgressListener;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.testing.Chromium;

/**
 * A new case (a database of its own on the tests' PostgreSQL, {@link TestDatabases}) with a server
 * over it, and synthetic victim lists ({@code sijill generate lists}) to upload into it: the
 * counting desk's tests start from nothing, as a documentation group does.
 */
final class DeskCase implements AutoCloseable {
  final CaseFile caseFile;
  final SijillServer server;
  final GenerateLists.Result lists;
  static final String ANALYST = "desk-analyst";
  static final String PASSWORD = "a long desk passphrase";
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  DeskCase(Path dir) throws Exception {
    this(dir, false);
  }

  /**
   * @param truthColumn whether the generated lists name each record's true person (column {@code
   *     true_person_id}), so that a linkage run is scored against it
   */
  DeskCase(Path dir, boolean truthColumn) throws Exception {
    this(dir, truthColumn, 400);
  }

  /** As {@link #DeskCase(Path, boolean)}, with lists of about 1.25 records per simulated person. */
  DeskCase(Path dir, boolean truthColumn, int persons) throws Exception {
    caseFile = TestDatabases.openCase();
    // A real case: every desk request is made by an analyst of the case, with an API token (the
    // browser test logs in with the password instead).
    Accounts accounts = Accounts.over(caseFile, Clock.systemUTC(), d -> {});
    accounts.addUser().add(ANALYST, "Desk analyst", Role.ANALYST, PASSWORD, "test");
    token = accounts.createToken().create(ANALYST, null, "test").token();
    server = SijillServer.start(caseFile, ServerOptions.local(0), accounts);
    lists =
        new GenerateLists()
            .run(
                new GenerateLists.Request(dir.resolve("lists"), 7, persons, false, truthColumn),
                ProgressListener.NONE);
  }

  String base() {
    return "http://localhost:" + server.port();
  }

  Path list(String name) {
    return lists.dir().resolve(name + ".csv");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a list file as a browser's form would (multipart/form-data). */
  HttpResponse<String> upload(byte[] file, String fileName, String source, String encoding)
      throws Exception {
    String boundary = "sijill-" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n"
            + source
            + "\r\n";
    if (encoding != null) {
      head +=
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\n"
              + encoding
              + "\r\n";
    }
    head +=
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n";
    body.write(head.getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + "/api/lists"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(Path file, String source) throws Exception {
    return upload(Files.readAllBytes(file), file.getFileName().toString(), source, null);
  }

  /**
   * A headless Chromium logged in as the desk's analyst, on {@code path}: a real case asks for a
   * login first, and the analyst's session carries the CSRF token. The caller quits it.
   */
  WebDriver analystBrowser(String path) {
    WebDriver browser = Chromium.start();
    try {
      browser.get(base() + path);
      waiting(browser, 20).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
      browser.findElement(By.name("username")).sendKeys(ANALYST);
      browser.findElement(By.name("password")).sendKeys(PASSWORD);
      browser.findElement(By.cssSelector("#login-form button")).click();
      waiting(browser, 20).until(ExpectedConditions.urlToBe(base() + path));
      return browser;
    } catch (RuntimeException e) {
      browser.quit();
      throw e;
    }
  }

  /** A wait that ignores stale elements: htmx swaps parts of the page while a test polls them. */
  static WebDriverWait waiting(WebDriver browser, int seconds) {
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Override
  public void close() {
    server.close();
    caseFile.close();
  }
}
