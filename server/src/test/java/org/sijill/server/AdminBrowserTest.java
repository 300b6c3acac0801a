package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.workflow.CountDemoCase;
import org.sijill.workflow.ProgressListener;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.accounts.Throttle;
import org.sijill.workflow.audit.AuditTrail;
import org.sijill.workflow.testing.Chromium;

/**
 * The administrator's pages in Chromium, on a real case of their own (no demo, so every page needs
 * a login): the first admin is created through {@code /setup}; an admin makes an access group, adds
 * a member, restricts a source and a victim record from their list pages and lifts the source's
 * restriction again, while an outsider sees placeholders and a member sees the names; a reviewer
 * takes a redacted package from {@code /exports} and is refused the full one; an admin follows the
 * nav link to {@code /admin/report}, publishes and downloads the report. The methods run in order:
 * the first needs a case without users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {
  private static final String PASSWORD = "a synthetic passphrase";
  private static final Path JPEG = Path.of("../media/src/test/resources/pdq/bridge-1-original.jpg");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path data;
  private static CaseFile caseFile;
  private static Accounts accounts;
  private static SijillServer server;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start() {
    caseFile = TestDatabases.openCase();
    DemoCase.load(caseFile, DemoCase.DEFAULT_SEED);
    new CountDemoCase(caseFile).count(ProgressListener.NONE);
    accounts =
        Accounts.over(
            caseFile,
            Clock.systemUTC(),
            d -> {},
            new Throttle(Clock.systemUTC(), 1000, 1000, Duration.ofMinutes(15)));
    server = SijillServer.start(caseFile, ServerOptions.local(0), accounts, data);
    base = server.address().replaceAll("/$", "");
    browser = Chromium.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
    caseFile.close();
  }

  private static WebDriverWait waiting() {
    return Waits.of(browser, Duration.ofSeconds(30));
  }

  private static void logIn(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/login");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    waiting().until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** The users the later steps need (the first step needs a case without any). */
  private static void users() {
    for (String[] u :
        new String[][] {
          {"member-analyst", "analyst"},
          {"outside-viewer", "viewer"},
          {"export-reviewer", "reviewer"}
        }) {
      if (caseFile.users().find(u[0]).isEmpty()) {
        accounts.addUser().add(u[0], null, Role.ofDb(u[1]), PASSWORD, "test");
      }
    }
  }

  /** A GET or form POST with the browser's session, for what a browser downloads or is refused. */
  private static HttpResponse<byte[]> withSession(String path, String form) throws Exception {
    String session = browser.manage().getCookieNamed(Access.SESSION_COOKIE).getValue();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Cookie", Access.SESSION_COOKIE + "=" + session);
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<String> zipEntries(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  @Order(1)
  void theFirstAdminIsCreatedThroughTheOneTimeSetupLink() {
    String link = server.setupLink().orElseThrow();
    browser.get(link);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("setup-form")));
    WebElement form = browser.findElement(By.id("setup-form"));
    form.findElement(By.name("username")).sendKeys("first-admin");
    form.findElement(By.name("displayName")).sendKeys("مديرة <b>أولى</b>");
    form.findElement(By.name("password")).sendKeys(PASSWORD);
    form.findElement(By.cssSelector("button")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    assertThat(server.setupLink()).isEmpty();
    assertThat(caseFile.users().find("first-admin").orElseThrow().roleValue())
        .isEqualTo(Role.ADMIN);

    // The link works once.
    browser.get(link);
    assertThat(browser.findElements(By.id("setup-form"))).isEmpty();
    assertThat(browser.getPageSource()).contains("not valid");

    logIn("first-admin");
    browser.get(base + "/account");
    assertThat(browser.findElement(By.id("account-name")).getText()).isEqualTo("first-admin");
  }

  @Test
  @Order(2)
  void anAdminRestrictsFromTheListPagesAndLiftsAgainWhileOutsidersSeePlaceholders() {
    users();
    String secret = "Witness-" + UUID.randomUUID().toString().substring(0, 8);
    long source =
        caseFile
            .sources()
            .add(SourceKind.WITNESS, null, secret, Confidentiality.PUBLIC, null, "test");
    VictimRecord victim = caseFile.victims().search("", 1, 1).items().get(0);
    String group = "شهود <i>الشمال</i>";

    logIn("first-admin");
    browser.get(base + "/admin/groups");
    WebElement add = browser.findElement(By.id("add-group"));
    add.findElement(By.name("name")).sendKeys(group);
    add.findElement(By.cssSelector("button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), group));
    WebElement row =
        browser.findElement(By.xpath("//table[@id='groups']//tr[td[1]='" + group + "']"));
    assertThat(row.findElements(By.tagName("i"))).isEmpty();
    row.findElement(By.name("user")).sendKeys("member-analyst");
    new Select(row.findElement(By.name("action"))).selectByValue("add");
    row.findElement(By.cssSelector("button")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "member-analyst"));

    // Restrict the source and a victim record from their list pages.
    browser.get(base + "/sources");
    WebElement restrict = browser.findElement(By.id("restrict-form"));
    restrict.findElement(By.name("id")).sendKeys(Long.toString(source));
    new Select(restrict.findElement(By.name("group"))).selectByValue(group);
    restrict.findElement(By.cssSelector("button")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("source-" + source), "restricted"));
    browser.get(base + "/victims");
    WebElement restrictVictim = browser.findElement(By.id("restrict-form"));
    restrictVictim.findElement(By.name("id")).sendKeys(Long.toString(victim.id()));
    new Select(restrictVictim.findElement(By.name("group"))).selectByValue(group);
    restrictVictim.findElement(By.cssSelector("button")).click();
    Waits.replaced(waiting(), restrictVictim);
    assertThat(
            org.sijill.workflow.access.Groups.over(caseFile)
                .restrictionsOf(org.sijill.workflow.access.ItemType.VICTIM, victim.id()))
        .containsExactly(group);

    // Outside the group: placeholders, no name.
    logIn("outside-viewer");
    browser.get(base + "/sources");
    assertThat(browser.findElement(By.id("source-" + source)).getText())
        .contains("Restricted source #" + source);
    assertThat(browser.getPageSource()).doesNotContain(secret);
    assertThat(browser.findElements(By.id("restrict-form"))).isEmpty();
    browser.get(
        base + "/victims?q=" + URLEncoder.encode(victim.displayName(), StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.id("victim-restricted")).getText()).contains("1 records");
    assertThat(browser.findElements(By.xpath("//td[text()='" + victim.id() + "']"))).isEmpty();

    // A member sees the name, may restrict but not lift.
    logIn("member-analyst");
    browser.get(base + "/sources");
    assertThat(browser.findElement(By.id("source-" + source)).getText()).contains(secret);
    assertThat(browser.findElements(By.id("restrict-form"))).hasSize(1);
    assertThat(browser.findElements(By.id("lift-form"))).isEmpty();

    // The admin lifts the source's restriction, with a reason; the outsider sees the name again.
    logIn("first-admin");
    browser.get(base + "/sources");
    WebElement lift = browser.findElement(By.id("lift-form"));
    lift.findElement(By.name("id")).sendKeys(Long.toString(source));
    new Select(lift.findElement(By.name("group"))).selectByValue(group);
    lift.findElement(By.name("reason")).sendKeys("the witness asked to be named");
    lift.findElement(By.cssSelector("button")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("source-" + source)));
    assertThat(browser.findElement(By.id("source-" + source)).getText())
        .doesNotContain("restricted");
    logIn("outside-viewer");
    browser.get(base + "/sources");
    assertThat(browser.findElement(By.id("source-" + source)).getText()).contains(secret);
    var audited =
        new AuditTrail(caseFile)
            .list(
                new AuditTrail.Query(
                    "first-admin", AuditTrail.Kind.ADMIN, "source:" + source, null, null, 1, 10));
    assertThat(audited.items())
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("the witness asked to be named"));
  }

  private static void upload() throws Exception {
    users();
    String token = accounts.createToken().create("member-analyst", null, "test").token();
    String boundary = "sijill-admin-browser";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bridge.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(JPEG));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/evidence"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(new ObjectMapper().readTree(r.body()).at("/items/0/id").asLong()).isPositive();
  }

  /**
   * Clicks a plain form's submit button and waits until the page it leads to (the POST's redirect)
   * has replaced this one. Refreshing before that can cancel the POST's navigation: the job is then
   * never asked for, and a loop that refreshes until the job is done waits in vain (a CI run on a
   * loaded machine did).
   */
  private void submitAndWaitForTheNextPage(By button) {
    WebElement b = browser.findElement(button);
    b.click();
    Waits.replaced(Waits.of(browser, Duration.ofSeconds(120)), b);
  }

  @Test
  @Order(3)
  void aReviewerTakesTheRedactedPackageAndIsRefusedTheFullOne() throws Exception {
    upload();
    logIn("export-reviewer");
    browser.get(base + "/exports");
    assertThat(browser.findElements(By.cssSelector("#export-form input[value='full']"))).isEmpty();
    String csrf =
        browser
            .findElement(By.cssSelector("#export-form input[name='csrf']"))
            .getAttribute("value");
    submitAndWaitForTheNextPage(By.cssSelector("#export-form button"));
    Waits.of(browser, Duration.ofSeconds(300))
        .until(
            d -> {
              d.navigate().refresh();
              String state = d.findElement(By.cssSelector("#exports .export-state")).getText();
              assertThat(state).doesNotContain("failed");
              return state.startsWith("done");
            });
    String href =
        browser.findElement(By.cssSelector("#exports a[href$='/download']")).getAttribute("href");
    HttpResponse<byte[]> zip = withSession(URI.create(href).getPath(), null);
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zipEntries(zip.body())).anyMatch(n -> n.endsWith("redaction.txt"));

    // The full package is not offered, and asking for it anyway is refused.
    HttpResponse<byte[]> full =
        withSession(
            "/exports", "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&kind=full");
    assertThat(full.statusCode()).isEqualTo(403);
  }

  @Test
  @Order(4)
  void anAdminFollowsTheNavLinkPublishesAndDownloadsTheReport() throws Exception {
    logIn("first-admin");
    browser.get(base + "/account");
    browser.findElement(By.id("admin-report-link")).click();
    waiting().until(ExpectedConditions.urlToBe(base + "/admin/report"));
    submitAndWaitForTheNextPage(By.cssSelector("#report-form button"));
    Waits.of(browser, Duration.ofSeconds(600))
        .until(
            d -> {
              d.navigate().refresh();
              assertThat(d.findElements(By.cssSelector("#report-jobs tr[data-status='failed']")))
                  .isEmpty();
              return !d.findElements(By.cssSelector("#report-jobs tr[data-status='done']"))
                  .isEmpty();
            });
    String href =
        browser
            .findElement(By.cssSelector("#report-jobs tr[data-status='done'] a"))
            .getAttribute("href");
    HttpResponse<byte[]> zip = withSession(URI.create(href).getPath(), null);
    assertThat(zip.statusCode()).isEqualTo(200);
    List<String> entries = zipEntries(zip.body());
    assertThat(entries).anyMatch(n -> n.endsWith("/index.html") || n.equals("index.html"));
    assertThat(entries).anyMatch(n -> n.endsWith("checkpoint.note"));
  }
}
