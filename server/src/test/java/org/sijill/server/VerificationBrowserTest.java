package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.media.video.VideoWriter;
import org.sijill.workflow.Provenance;
import org.sijill.workflow.ReceiveEvidence;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.testing.Chromium;

/**
 * The verification desk in Chromium, from upload to a finalised verdict: an analyst uploads a
 * recycled excerpt of a video already in the vault, the page says "seen before", the analyst
 * records the three strands (an Arabic finding among them) with the judgement misattributed and
 * sends it for review; the same person is shown that they cannot review it; another reviewer
 * approves; the record is finalised and locked; the analyst records the incident the footage was
 * said to show and links a segment of the video to it; and the custody log holds every step, on the
 * item and on the incident (the issue's goal, in one test). The people are synthetic; the analyst
 * holds a reviewer's role, so it is four eyes, not the role, that stops them.
 */
class VerificationBrowserTest {
  private static final String PASSWORD = "a long synthetic pass";
  private static final String FINDING = "المشهد مصوَّر عام ٢٠١٩ <b>وليس</b> في آذار";
  private static CaseFile caseFile;
  private static SijillServer server;
  private static WebDriver browser;
  private static Path original;
  private static Path recycled;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    caseFile = TestDatabases.openCase();
    Accounts accounts = Accounts.over(caseFile, java.time.Clock.systemUTC(), d -> {});
    accounts.addUser().add("nadia-analyst", "Nadia (synthetic)", Role.REVIEWER, PASSWORD, "test");
    accounts.addUser().add("omar-reviewer", "Omar (synthetic)", Role.REVIEWER, PASSWORD, "test");
    original = pan(data.resolve("as-first-posted.mp4"), 0, 6, 400_000);
    recycled = pan(data.resolve("recycled-repost.mp4"), 2, 6, 150_000);
    // The first posting is already in the vault, from an earlier collection.
    new ReceiveEvidence(data, caseFile)
        .receive(
            List.of(upload(original)),
            new Provenance(
                "nadia-analyst",
                Instant.parse("2019-05-02T09:00:00Z"),
                "Synthetic archive channel",
                null,
                null));
    server = SijillServer.start(caseFile, ServerOptions.local(0), accounts, data);
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

  private static String base() {
    return "http://localhost:" + server.port();
  }

  @Test
  void aRecycledVideoGoesFromUploadToAFinalisedMisattributedVerdictUnderFourEyes() {
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(90));
    login(wait, "nadia-analyst", "/evidence/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
    browser.findElement(By.id("upload-file")).sendKeys(recycled.toAbsolutePath().toString());
    browser.findElement(By.id("upload-source")).sendKeys("Synthetic repost account");
    browser.findElement(By.id("upload-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#received .seen")));
    assertThat(browser.findElement(By.cssSelector("#received .seen")).getText())
        .startsWith("seen before: earliest copy acquired");
    browser.findElement(By.cssSelector("#received .received-item > a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
    long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/evidence/(\\d+).*", "$1"));
    assertThat(browser.findElement(By.id("verification-status")).getText()).isEqualTo("new");

    // The three strands, the judgement and a sensitivity flag.
    Waits.click(wait, By.id("assess-link"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assess")));
    type("source-postedBy", "@synthetic_repost");
    type("source-firstAppearance", "2019-05-02, synthetic archive channel (item seen before)");
    strand(
        "source", "posted years earlier by another account", "high", "reverse search in the vault");
    type("technical-reencoding", "lower bit rate than the first posting");
    strand("technical", "a re-encoded excerpt", "medium", "frame comparison");
    type("content-latitude", "35.13");
    type("content-longitude", "36.75");
    new Select(browser.findElement(By.id("content-precision"))).selectByValue("locality");
    type("content-from", "2019-05-01");
    type("content-to", "2019-05-02");
    strand("content", FINDING, "high", "shadows and vegetation");
    new Select(browser.findElement(By.id("judgement"))).selectByValue("misattributed");
    type("reasons", "Footage from 2019 reposted as new.");
    browser.findElement(By.id("graphic")).click();
    browser.findElement(By.id("assess-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-status")));
    assertThat(browser.findElement(By.id("verification-status")).getText())
        .isEqualTo("peer review");

    // The Arabic finding is shown as text (escaped), right to left.
    WebElement finding =
        browser.findElements(By.cssSelector(".strand-content dd")).stream()
            .filter(e -> e.getText().contains("المشهد"))
            .findFirst()
            .orElseThrow();
    assertThat(finding.getText()).isEqualTo(FINDING);
    assertThat(finding.getAttribute("lang")).isEqualTo("ar");
    assertThat(finding.getCssValue("direction")).isEqualTo("rtl");
    assertThat(finding.findElements(By.tagName("b"))).isEmpty();

    // Four eyes: its author is shown the record but no review form.
    browser.findElement(By.id("review-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("four-eyes")));
    assertThat(browser.findElements(By.id("review"))).isEmpty();

    // Another reviewer finds it in the queue and approves it.
    browser.manage().deleteAllCookies();
    login(wait, "omar-reviewer", "/desk/verification");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("waiting-for-review")));
    browser.findElement(By.cssSelector("#waiting-for-review a[href^='/assessments/']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review")));
    browser.findElement(By.id("review-comment")).sendKeys("Checked the earlier copy: agreed.");
    browser.findElement(By.id("review-approve")).click();
    wait.until(ExpectedConditions.textToBe(By.id("review-status"), "finalised"));

    browser.get(base() + "/evidence/" + id);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-locked")));
    assertThat(browser.findElement(By.id("verification-status")).getText()).isEqualTo("finalised");
    assertThat(browser.findElement(By.cssSelector("#verification .judgement")).getText())
        .contains("misattributed", "nadia-analyst", "graphic");
    assertThat(browser.findElement(By.id("verification-history")).getText())
        .contains("peer review", "finalised", "omar-reviewer");
    // The custody table on the page and the log itself show each step.
    assertThat(browser.findElements(By.cssSelector("#custody-timeline li[data-action='assessed']")))
        .hasSize(2);
    List<CustodyEvent> log = caseFile.evidence().events(id);
    assertThat(log)
        .filteredOn(e -> e.action().equals("assessed"))
        .extracting(CustodyEvent::actor)
        .containsExactly("nadia-analyst", "omar-reviewer");
    assertThat(log).extracting(CustodyEvent::action).contains("acquired", "viewed");

    // Locked: changing it asks for a reason.
    browser.get(base() + "/evidence/" + id + "/assess");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("change-reason")));
    assertThat(browser.findElement(By.id("judgement")).getAttribute("value"))
        .isEqualTo("misattributed");

    // The analyst records the incident the re-post was said to show and links a segment of the
    // video to it, so the verdict travels with the incident.
    browser.manage().deleteAllCookies();
    login(wait, "nadia-analyst", "/incidents/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-title")));
    type("f-title", "Reported attack on a village (synthetic)");
    type("f-dateFrom", "2025-03");
    type("f-killedBest", "3");
    browser.findElement(By.id("f-submit")).click();
    wait.until(ExpectedConditions.urlMatches(".*/incidents/\\d+$"));
    long incident = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
    type("le-evidenceId", Long.toString(id));
    type("le-from", "0:00");
    type("le-to", "0:03");
    browser.findElement(By.id("le-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.evidence-link")));
    assertThat(browser.findElement(By.cssSelector("tr.evidence-link")).getText())
        .contains("#" + id, "0:00–0:03");
    assertThat(browser.findElement(By.id("custody")).getText())
        .contains("recorded", "Linked to an incident", "nadia-analyst");

    // Every step, upload to link, is in the custody log: the item's own entries in order, and the
    // incident's (its creation touches no item, and is logged all the same).
    assertThat(caseFile.evidence().events(id))
        .extracting(e -> e.action() + " " + e.actor())
        .containsSubsequence(
            "acquired nadia-analyst",
            "assessed nadia-analyst",
            "assessed omar-reviewer",
            "linked_to_incident nadia-analyst");
    assertThat(caseFile.vaultRecords().incidentTrail(incident))
        .extracting(
            t -> t.action() + " " + t.details().getOrDefault("action", "") + " " + t.evidenceId())
        .containsExactly("recorded created null", "linked_to_incident  " + id);
  }

  private static void login(WebDriverWait wait, String user, String path) {
    browser.get(base() + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
  }

  private static void type(String id, String text) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  private static void strand(String strand, String finding, String confidence, String method) {
    type(strand + "-finding", finding);
    new Select(browser.findElement(By.id(strand + "-confidence"))).selectByValue(confidence);
    type(strand + "-method", method);
    type(strand + "-reasons", "see the finding");
  }

  /** Seconds {@code from..to} of a slow pan over drawn shapes, 10 frames a second (MPEG-4). */
  private static Path pan(Path f, int from, int to, long bitRate) {
    Random r = new Random(7);
    BufferedImage wide = new BufferedImage(1280, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = wide.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, Color.WHITE, 1280, 240, Color.DARK_GRAY));
    g.fillRect(0, 0, 1280, 240);
    for (int i = 0; i < 120; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.fillRect(r.nextInt(1240), r.nextInt(200), 20 + r.nextInt(80), 20 + r.nextInt(60));
    }
    g.dispose();
    try (VideoWriter v = VideoWriter.open(f, 320, 240, 10, "mpeg4", bitRate)) {
      for (int i = from * 10; i < to * 10; i++) {
        BufferedImage frame = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D fg = frame.createGraphics();
        fg.drawImage(wide, -i * 10, 0, null);
        fg.dispose();
        v.write(frame);
      }
    }
    return f;
  }

  private static ReceiveEvidence.Upload upload(Path f) {
    return new ReceiveEvidence.Upload() {
      @Override
      public String name() {
        return f.getFileName().toString();
      }

      @Override
      public InputStream open() throws java.io.IOException {
        return Files.newInputStream(f);
      }
    };
  }
}
