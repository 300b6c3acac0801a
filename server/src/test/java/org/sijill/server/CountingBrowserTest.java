package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.workflow.testing.Chromium;

/**
 * The counting desk's estimates, claims ledger and diagnostics in Debian's headless Chromium, on a
 * case whose three synthetic lists were uploaded and linked through the API.
 */
@ExtendWith(DemoServer.Extension.class)
class CountingBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebDriver browser;
  private static DeskCase desk;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    // The lists name each record's true person, so the diagnostics score the run against it.
    desk = new DeskCase(dir, true);
    for (String list : List.of("list-a", "list-b", "list-c")) {
      assertThat(desk.upload(desk.list(list), "Group " + list.substring(5)).statusCode())
          .isEqualTo(201);
    }
    long job = JSON.readTree(desk.postJson("/api/linkage-runs", "").body()).get("id").asLong();
    waitForJob("/api/linkage-runs/" + job);
    browser = Chromium.start();
    browser.get(desk.base() + "/desk/estimates");
    waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys(DeskCase.ANALYST);
    browser.findElement(By.name("password")).sendKeys(DeskCase.PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    waiting(20).until(ExpectedConditions.urlToBe(desk.base() + "/desk/estimates"));
  }

  static JsonNode waitForJob(String path) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode j = JSON.readTree(desk.get(path).body());
      if (!j.get("status").asText().matches("queued|running")) {
        assertThat(j.get("status").asText()).as(j.toString()).isEqualTo("done");
        return j;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(path + " did not finish in 5 minutes");
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

  @Test
  void anEstimateByGovernorateShowsEachStratumInItsTableAndChart() {
    browser.get(desk.base() + "/desk/estimates");
    assertThat(browser.findElements(By.id("no-estimation"))).hasSize(1);
    browser.findElement(By.id("stratum-governorate")).click();
    browser.findElement(By.id("estimate-start")).click();
    waiting(20)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#estimate-jobs li")));
    String id = browser.findElement(By.cssSelector("#estimate-jobs li")).getAttribute("id");
    waiting(600)
        .until(
            d -> !d.findElement(By.id(id)).getAttribute("data-status").matches("queued|running"));
    WebElement job = browser.findElement(By.id(id));
    assertThat(job.getAttribute("data-status")).as(job.getText()).isEqualTo("done");
    job.findElement(By.cssSelector("a.results-link")).click();
    waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("estimation")));

    // The chart is drawn (ECharts paints a canvas) and the table has the whole case and each
    // governorate, whose documented persons add up to the whole case's.
    waiting(10)
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#estimate-chart canvas")));
    assertThat(browser.findElement(By.id("estimation-inputs")).getText())
        .contains("strata governorate")
        .contains("algorithm versions: log-linear fit 1, LCMCR sampler 2");
    List<WebElement> strata = browser.findElements(By.cssSelector("#estimate-table tbody.stratum"));
    assertThat(strata.size()).isGreaterThan(2);
    assertThat(strata.get(0).getAttribute("data-stratum")).isEmpty();
    long whole = Long.parseLong(strata.get(0).getAttribute("data-documented"));
    long sum =
        strata.stream()
            .skip(1)
            .mapToLong(s -> Long.parseLong(s.getAttribute("data-documented")))
            .sum();
    assertThat(sum).isEqualTo(whole);
    assertThat(whole).isPositive();
    // Every method's row names its method, and one row of the whole case is the recommended one.
    assertThat(strata.get(0).findElements(By.cssSelector("tr[data-method]")))
        .extracting(r -> r.getAttribute("data-method"))
        .contains("loglinear", "lcmcr");
    assertThat(strata.get(0).findElements(By.cssSelector("tr.recommended"))).hasSize(1);
  }

  @Test
  void theClaimsLedgerMarksTheDemosNineThousandAsAboveTheInterval(DemoServer demo) {
    // The demo is read anonymously; 127.0.0.1 keeps its cookies apart from the desk case's.
    browser.get("http://127.0.0.1:" + demo.server.port() + "/desk/claims");
    waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("claims-ledger")));
    waiting(10)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claims-chart canvas")));
    WebElement nineThousand =
        browser.findElements(By.cssSelector("#claims-ledger tbody tr")).stream()
            .filter(r -> r.getText().contains("about 9,000"))
            .findFirst()
            .orElseThrow();
    assertThat(nineThousand.getAttribute("data-marks")).contains("above the interval");
    assertThat(nineThousand.getAttribute("class")).contains("marked");
    long upper =
        Long.parseLong(
            nineThousand.findElement(By.cssSelector(".upper")).getText().replace(",", ""));
    assertThat(upper).isLessThan(9000);
    // A claim no larger than the documented count, and within the interval, is not marked.
    WebElement network =
        browser.findElements(By.cssSelector("#claims-ledger tbody tr")).stream()
            .filter(r -> r.getText().contains("Coastal Documentation Network"))
            .findFirst()
            .orElseThrow();
    assertThat(network.getAttribute("data-marks")).isEmpty();
    // Claimants and quotes are laid out by their own script direction.
    assertThat(browser.findElements(By.cssSelector("#claims-ledger td[dir=auto]"))).isNotEmpty();
  }

  @Test
  void eachReviewPairShowsItsMatchWeightAsAWaterfall() {
    browser.get(desk.base() + "/desk/review");
    for (int pair = 0; pair < 2; pair++) {
      WebElement section =
          waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("waterfall")));
      waiting(10)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#waterfall-chart canvas")));
      List<WebElement> fields = section.findElements(By.cssSelector("tbody tr[data-field]"));
      // One step per compared field of the victim-list settings.
      assertThat(fields).extracting(r -> r.getAttribute("data-field")).contains("full_name", "sex");
      assertThat(fields)
          .allSatisfy(
              r ->
                  assertThat(r.findElements(By.cssSelector("td")).get(2).getText())
                      .matches("missing|[0-9]+: .+"));
      assertThat(Double.parseDouble(section.getAttribute("data-probability"))).isBetween(0.0, 1.0);
      // Arabic values read right to left; the romanised form below them left to right.
      Object wrong =
          ((org.openqa.selenium.JavascriptExecutor) browser)
              .executeScript(
                  "return Array.from(document.querySelectorAll('#waterfall-table td[dir=auto]'))"
                      + ".filter(td => /[\\u0600-\\u06FF]/.test(td.textContent.trim().charAt(0)))"
                      + ".filter(td => !td.matches(':dir(rtl)')).length;");
      assertThat(((Number) wrong).intValue()).isZero();
      WebElement before = browser.findElement(By.id("review-pair"));
      new org.openqa.selenium.interactions.Actions(browser).sendKeys("u").perform();
      Waits.replaced(waiting(10), before);
    }
  }

  /**
   * Every table cell of the desk's pages whose text begins in Arabic script is laid out right to
   * left (computed direction, {@code :dir(rtl)}), and the pages that show the lists' names do show
   * Arabic ones: lists, review desk, blind review, a person's page, diagnostics, estimates, claims.
   */
  @Test
  void arabicNamesReadRightToLeftInEveryDeskTable() throws Exception {
    String person = null;
    for (JsonNode p : JSON.readTree(desk.get("/api/persons?size=100").body()).get("items")) {
      if (p.toString().matches("(?s).*[\\u0600-\\u06FF].*")) {
        person = "/persons/" + p.get("id").asLong();
        break;
      }
    }
    assertThat(person).as("a person with a record in Arabic").isNotNull();
    long arabic = 0;
    for (String page :
        List.of(
            "/desk/lists",
            "/desk/review",
            "/desk/review/blind",
            person,
            "/desk/diagnostics",
            "/desk/estimates",
            "/desk/claims")) {
      browser.get(desk.base() + page);
      waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
      @SuppressWarnings("unchecked")
      List<Long> counts =
          (List<Long>)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript(
                      "const cells = Array.from(document.querySelectorAll('table td, table th'))"
                          + ".filter(c => /^[\\u0600-\\u06FF]/.test(c.textContent.trim()));"
                          + "return [cells.length, cells.filter(c => !c.matches(':dir(rtl)'))"
                          + ".length];");
      assertThat(counts.get(1)).as("cells in Arabic laid out left to right on " + page).isZero();
      if (page.equals(person)) {
        assertThat(counts.get(0)).as("cells in Arabic on " + page).isPositive();
      }
      arabic += counts.get(0);
    }
    // Besides the person's page, the pairs and the other tables show Arabic names too.
    assertThat(arabic).isGreaterThan(2);
  }

  @Test
  void theDiagnosticsAddUpToTheRunsPersons() throws Exception {
    int persons = desk.caseFile.linkageRuns().current().orElseThrow().personCount();
    JsonNode d = JSON.readTree(desk.get("/api/diagnostics").body());
    long bySize = 0;
    for (var e :
        (Iterable<java.util.Map.Entry<String, JsonNode>>) d.get("recordsPerPerson")::fields) {
      bySize += e.getValue().asLong();
    }
    assertThat(bySize).isEqualTo(persons);
    long byOverlap = 0;
    for (JsonNode o : d.get("overlaps")) {
      byOverlap += o.get("persons").asLong();
    }
    assertThat(byOverlap).isEqualTo(persons);
    assertThat(d.get("fields").get(0).get("column").asText()).isEqualTo("full_name");
    // Agreeing exactly on a name says more than disagreeing on it.
    JsonNode levels = d.get("fields").get(0).get("levels");
    assertThat(levels.get(levels.size() - 1).get("weight").asDouble())
        .isGreaterThan(levels.get(0).get("weight").asDouble());
    long review = 0;
    for (JsonNode b : d.get("matchWeights")) {
      review += b.get("reviewPairs").asLong();
    }
    assertThat(review).isEqualTo(desk.caseFile.linkageRuns().current().orElseThrow().reviewCount());

    browser.get(desk.base() + "/desk/diagnostics");
    waiting(10)
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overlap-chart canvas")));
    assertThat(browser.findElements(By.cssSelector("#weights-chart canvas"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#m-u tr[data-field=full_name]")))
        .hasSizeGreaterThan(1);
    assertThat(browser.findElements(By.cssSelector("#list-overlap tbody tr")))
        .hasSize(d.get("overlaps").size());

    // Against the truth the lists carry: every true pair of truth.csv counted, most compared.
    java.util.Map<String, Integer> perPerson = new java.util.HashMap<>();
    List<String> truth = java.nio.file.Files.readAllLines(desk.lists.truth());
    for (String line : truth.subList(1, truth.size())) {
      perPerson.merge(line.substring(line.lastIndexOf(',') + 1), 1, Integer::sum);
    }
    long truePairs = 0;
    for (int n : perPerson.values()) {
      truePairs += (long) n * (n - 1) / 2;
    }
    JsonNode t = d.get("groundTruth");
    assertThat(t.get("records").asInt()).isEqualTo(truth.size() - 1);
    assertThat(t.get("truePersons").asInt()).isEqualTo(perPerson.size());
    assertThat(t.get("truePairs").asLong()).isEqualTo(truePairs);
    assertThat(t.get("blockingRecall").asDouble()).isBetween(0.9, 1.0);
    assertThat(t.get("f1").asDouble()).isBetween(0.8, 1.0);
    assertThat(
            browser
                .findElement(
                    By.cssSelector("#ground-truth tr[data-measure=blocking-recall] td.num"))
                .getText())
        .isEqualTo(
            String.format(java.util.Locale.ROOT, "%.4f", t.get("blockingRecall").asDouble()));
  }

  private static List<String> decideBlind(WebDriver driver, String keys) {
    List<String> ids = new java.util.ArrayList<>();
    for (char k : keys.toCharArray()) {
      WebElement pair =
          Waits.of(driver, Duration.ofSeconds(10))
              .ignoring(StaleElementReferenceException.class)
              .until(ExpectedConditions.presenceOfElementLocated(By.id("review-pair")));
      ids.add(pair.getAttribute("data-pair"));
      Waits.scriptsRan(driver);
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(String.valueOf(k)).perform();
      Waits.replaced(Waits.of(driver, Duration.ofSeconds(10)), pair);
    }
    return ids;
  }

  @Test
  void blindDoubleReviewHidesTheScoreAndTheOtherDecisionAndShowsKappa(@TempDir Path tmp)
      throws Exception {
    org.sijill.workflow.accounts.Accounts.over(desk.caseFile, java.time.Clock.systemUTC(), d -> {})
        .addUser()
        .add(
            "desk-reviewer-2",
            "Second reviewer",
            org.sijill.casefile.model.Enums.Role.ANALYST,
            DeskCase.PASSWORD,
            "test");
    browser.get(desk.base() + "/desk/review/blind");
    List<String> first = decideBlind(browser, "ssdd");
    assertThat(first).doesNotContainNull().doesNotHaveDuplicates();

    WebDriver second = Chromium.start();
    try {
      second.get(desk.base() + "/desk/review/blind");
      Waits.of(second, Duration.ofSeconds(20))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
      second.findElement(By.name("username")).sendKeys("desk-reviewer-2");
      second.findElement(By.name("password")).sendKeys(DeskCase.PASSWORD);
      second.findElement(By.cssSelector("#login-form button")).click();
      Waits.of(second, Duration.ofSeconds(20))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("review-pair")));
      // The second reviewer sees the same pairs, but neither the score, nor the run's verdict,
      // nor the first reviewer's decision.
      WebElement pair = second.findElement(By.id("review-pair"));
      assertThat(pair.getAttribute("data-same-in-run")).isNull();
      assertThat(second.findElements(By.id("review-probability"))).isEmpty();
      assertThat(pair.getText()).doesNotContain("%").doesNotContain(DeskCase.ANALYST);
      List<String> secondIds = decideBlind(second, "sddd");
      assertThat(secondIds).isEqualTo(first);
      // Observed agreement 3/4; chance (1/2)(1/4) + (1/2)(3/4) = 1/2; kappa = 0.5.
      WebElement kappa = second.findElement(By.id("kappa"));
      assertThat(kappa.getAttribute("data-pairs")).isEqualTo("4");
      assertThat(Double.parseDouble(kappa.getAttribute("data-kappa")))
          .isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(kappa.getText()).contains("0.50");
    } finally {
      second.quit();
    }
    JsonNode agreement = JSON.readTree(desk.get("/api/review/agreement").body());
    assertThat(agreement.get("pairs").asInt()).isEqualTo(4);
    assertThat(agreement.get("disagreements")).hasSize(1);
    assertThat(agreement.get("disagreements").get(0).asText()).isEqualTo(first.get(1));
  }
}
