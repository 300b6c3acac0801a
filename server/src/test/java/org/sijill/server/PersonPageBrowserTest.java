package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.workflow.testing.Chromium;

/**
 * The person page in Debian's headless Chromium, on a case whose three synthetic lists (Arabic,
 * Latin, mixed) were uploaded and linked through the API: a reviewer splits a record off a person
 * and merges two persons with the page's buttons, the decisions show with who made them, and the
 * next run's persons follow them. The API twin answers the same and refuses what does not fit.
 */
@ExtendWith(DemoServer.Extension.class)
class PersonPageBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebDriver browser;
  private static DeskCase desk;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    desk = new DeskCase(dir);
    for (String list : List.of("list-a", "list-b", "list-c")) {
      assertThat(desk.upload(desk.list(list), "Group " + list.substring(5)).statusCode())
          .isEqualTo(201);
    }
    link();
    browser = Chromium.start();
    browser.get(desk.base() + "/desk/review");
    waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys(DeskCase.ANALYST);
    browser.findElement(By.name("password")).sendKeys(DeskCase.PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    waiting(20).until(ExpectedConditions.urlToBe(desk.base() + "/desk/review"));
  }

  /** Links the case through the API and waits for the run; returns the new run's id. */
  private static long link() throws Exception {
    long job = JSON.readTree(desk.postJson("/api/linkage-runs", "").body()).get("id").asLong();
    for (int i = 0; i < 600; i++) {
      JsonNode j = JSON.readTree(desk.get("/api/linkage-runs/" + job).body());
      if (!j.get("status").asText().matches("queued|running")) {
        assertThat(j.get("status").asText()).as(j.toString()).isEqualTo("done");
        return j.get("run").asLong();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("linkage job " + job + " did not finish in 5 minutes");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (desk != null) {
      desk.close();
    }
  }

  private static WebDriverWait waiting(int seconds) {
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static Map<Long, List<VictimRecord>> persons() {
    long run = desk.caseFile.linkageRuns().current().orElseThrow().id();
    return desk.caseFile.linkageRuns().records(run);
  }

  private static long personOf(Map<Long, List<VictimRecord>> persons, long victim) {
    return persons.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(r -> r.id() == victim))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void splitARecordOffAndMergeTwoPersonsThenTheNextRunFollows() throws Exception {
    Map<Long, List<VictimRecord>> before = persons();
    // A person whose records are in both scripts, so the table shows Arabic beside Latin.
    Map.Entry<Long, List<VictimRecord>> mixed =
        before.entrySet().stream()
            .filter(e -> e.getValue().size() >= 3)
            .filter(e -> e.getValue().stream().anyMatch(r -> isArabic(r.displayName())))
            .filter(e -> e.getValue().stream().anyMatch(r -> !isArabic(r.displayName())))
            .findFirst()
            .orElseThrow();
    long id = mixed.getKey();
    browser.get(desk.base() + "/persons/" + id);
    List<WebElement> rows = browser.findElements(By.cssSelector("#person-records tbody tr"));
    assertThat(rows).hasSize(mixed.getValue().size());
    Object wrong =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const cells = Array.from(document.querySelectorAll('#person-records td.name'));"
                    + "const ar = cells.filter(td => /[\\u0600-\\u06FF]/.test(td.textContent.trim().charAt(0)));"
                    + "return [ar.length, ar.filter(td => !td.matches(':dir(rtl)')).length,"
                    + " cells.filter(td => /^[A-Za-z]/.test(td.textContent.trim())"
                    + " && !td.matches(':dir(ltr)')).length];");
    List<?> counts = (List<?>) wrong;
    assertThat(((Number) counts.get(0)).intValue()).as("Arabic names").isPositive();
    assertThat(((Number) counts.get(1)).intValue()).as("Arabic names not right-to-left").isZero();
    assertThat(((Number) counts.get(2)).intValue()).as("Latin names not left-to-right").isZero();
    assertThat(browser.findElements(By.id("no-decisions"))).hasSize(1);

    // Split the second record off: one "different" decision per other record, by this analyst.
    VictimRecord leaving = mixed.getValue().get(1);
    browser.findElement(By.id("split-" + leaving.id())).click();
    waiting(20)
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#decisions tbody tr[data-decision=different]"),
                mixed.getValue().size() - 1));
    WebElement row = browser.findElement(By.cssSelector("#decisions tbody tr"));
    assertThat(row.getAttribute("data-pending")).isEqualTo("true");
    assertThat(row.getText()).contains(DeskCase.ANALYST);

    // Merge two persons of one record each through the form.
    List<Long> singles =
        before.entrySet().stream()
            .filter(e -> e.getValue().size() == 1)
            .map(Map.Entry::getKey)
            .limit(2)
            .toList();
    browser.get(desk.base() + "/persons/" + singles.get(0));
    browser.findElement(By.id("merge-other")).sendKeys(String.valueOf(singles.get(1)));
    browser.findElement(By.id("merge-submit")).click();
    waiting(20)
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#decisions tbody tr[data-decision=same]"), 1));

    // The API tells the same: the decisions, pending until the next run.
    JsonNode api = JSON.readTree(desk.get("/api/persons/" + id).body());
    assertThat(api.get("records")).hasSize(mixed.getValue().size());
    assertThat(api.get("decisions")).hasSize(mixed.getValue().size() - 1);
    assertThat(api.get("decisions").get(0).get("pending").asBoolean()).isTrue();
    assertThat(api.get("decisions").get(0).get("decidedBy").asText()).isEqualTo(DeskCase.ANALYST);

    link();
    Map<Long, List<VictimRecord>> after = persons();
    long leftPerson = personOf(after, leaving.id());
    for (VictimRecord r : mixed.getValue()) {
      if (r.id() != leaving.id()) {
        assertThat(personOf(after, r.id())).as("record %d", r.id()).isNotEqualTo(leftPerson);
      }
    }
    long mergedA = before.get(singles.get(0)).get(0).id();
    long mergedB = before.get(singles.get(1)).get(0).id();
    assertThat(personOf(after, mergedA)).isEqualTo(personOf(after, mergedB));

    // The page of the person the rest of the records are now shows them without the one split off.
    long rest = personOf(after, mixed.getValue().get(0).id());
    browser.get(desk.base() + "/persons/" + rest);
    assertThat(browser.findElements(By.cssSelector("#person-records tbody tr[data-victim]")))
        .extracting(e -> Long.parseLong(e.getAttribute("data-victim")))
        .doesNotContain(leaving.id());
    assertThat(
            browser.findElement(By.cssSelector("#decisions tbody tr")).getAttribute("data-pending"))
        .isEqualTo("false");
  }

  @Test
  void theReviewDeskLinksEachRecordOfThePairToItsPersonPage() {
    browser.get(desk.base() + "/desk/review");
    WebElement pair = browser.findElement(By.id("review-pair"));
    long[] ids = org.sijill.workflow.ReviewQueue.parsePairId(pair.getAttribute("data-pair"));
    Map<Long, List<VictimRecord>> persons = persons();
    long left = personOf(persons, ids[0]);
    assertThat(browser.findElement(By.id("right-person")).getAttribute("href"))
        .endsWith("/persons/" + personOf(persons, ids[1]));
    browser.findElement(By.id("left-person")).click();
    waiting(20).until(ExpectedConditions.urlToBe(desk.base() + "/persons/" + left));
    assertThat(browser.findElements(By.cssSelector("#person-records tbody tr[data-victim]")))
        .extracting(e -> Long.parseLong(e.getAttribute("data-victim")))
        .contains(ids[0]);
  }

  @Test
  void theApiRefusesARevisionThatDoesNotFitAndRecordsNothing() throws Exception {
    Map<Long, List<VictimRecord>> persons = persons();
    long single =
        persons.entrySet().stream()
            .filter(e -> e.getValue().size() == 1)
            .map(Map.Entry::getKey)
            .reduce((a, b) -> b)
            .orElseThrow();
    long victim = persons.get(single).get(0).id();
    int decisions = desk.caseFile.linkDecisions().decisions().size();
    var alone =
        desk.postJson("/api/persons/" + single + "/split", "{\"victimId\": " + victim + "}");
    assertThat(alone.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(alone.body()).get("message").asText()).contains("only this record");
    assertThat(
            desk.postJson("/api/persons/" + single + "/merge", "{\"otherPerson\": \"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            desk.postJson("/api/persons/" + single + "/merge", "{\"otherPerson\": " + single + "}")
                .statusCode())
        .isEqualTo(400);
    assertThat(desk.get("/api/persons/999999999").statusCode()).isEqualTo(404);
    assertThat(desk.caseFile.linkDecisions().decisions()).hasSize(decisions);
  }

  private static boolean isArabic(String s) {
    return !s.isBlank()
        && Character.UnicodeBlock.of(s.strip().charAt(0)) == Character.UnicodeBlock.ARABIC;
  }
}
