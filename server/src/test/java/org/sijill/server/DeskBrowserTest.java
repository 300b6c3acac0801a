package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The counting desk in Debian's headless Chromium, from an empty case: a broken list is refused
 * line by line, two lists go in, the case is linked as a background job, pairs are decided with the
 * keyboard, and the next run's persons follow the decisions.
 */
@ExtendWith(DemoServer.Extension.class)
class DeskBrowserTest {
  private static WebDriver browser;
  private static DeskCase desk;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    desk = new DeskCase(dir);
    browser = desk.analystBrowser("/desk/lists");
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
    return DeskCase.waiting(browser, seconds);
  }

  private static void upload(Path file, String source, String encoding) {
    browser.findElement(By.id("list-file")).sendKeys(file.toAbsolutePath().toString());
    WebElement s = browser.findElement(By.id("list-source"));
    s.clear();
    s.sendKeys(source);
    new Select(browser.findElement(By.id("list-encoding"))).selectByValue(encoding);
    WebElement before = browser.findElement(By.id("lists-region"));
    browser.findElement(By.id("list-submit")).click();
    Waits.replaced(waiting(20), before);
  }

  private static int linkAndWait() {
    browser.get(desk.base() + "/desk/linking");
    int jobsBefore = browser.findElements(By.cssSelector("#jobs li")).size();
    browser.findElement(By.id("link-start")).click();
    waiting(20)
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#jobs li"), jobsBefore + 1));
    // The new job's line is polled and swapped every second: read its id again if it was swapped.
    String id =
        waiting(20)
            .until(d -> d.findElements(By.cssSelector("#jobs li")).get(0).getAttribute("id"));
    waiting(180)
        .until(
            d ->
                d.findElement(By.id(id)).getAttribute("data-status").equals("done")
                    || d.findElement(By.id(id)).getAttribute("data-status").equals("failed"));
    WebElement done = browser.findElement(By.id(id));
    assertThat(done.getAttribute("data-status")).as(done.getText()).isEqualTo("done");
    return Integer.parseInt(
        done.findElement(By.cssSelector(".persons")).getAttribute("data-persons"));
  }

  @Test
  void uploadTwoListsLinkReviewWithKeysAndRelink(@TempDir Path tmp) throws Exception {
    browser.get(desk.base() + "/desk/lists");
    Path broken = tmp.resolve("broken.csv");
    Files.writeString(
        broken,
        "record_id,full_name,sex\n1,Synthetic Person One,M\n2,Synthetic Person Two,Q\n",
        StandardCharsets.UTF_8);
    upload(broken, "Group Z", "UTF-8");
    assertThat(browser.findElement(By.id("upload-problems")).getText())
        .contains("broken.csv:3: sex:");
    assertThat(desk.caseFile.victims().imports()).isEmpty();

    upload(desk.list("list-a"), "Group A", "UTF-8");
    assertThat(browser.findElement(By.id("upload-outcome")).getText()).startsWith("Imported");
    upload(desk.list("list-b"), "Group B", "UTF-8");
    upload(desk.list("list-a"), "Group A", "UTF-8");
    assertThat(browser.findElement(By.id("upload-problems")).getText())
        .contains("imported before, as import");
    assertThat(browser.findElements(By.cssSelector("#case-lists tbody tr"))).hasSize(2);

    // The page is reloaded while the job runs elsewhere: the job is still there, by its id.
    int persons = linkAndWait();
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("current-persons")).getText())
        .isEqualTo(String.valueOf(persons));
    browser.get(desk.base() + "/desk/lists");
    assertThat(browser.findElement(By.cssSelector("#list-overlaps td.num")).getText())
        .isNotEqualTo("0");

    // Review: split the pairs the run joined (d), leave the others unsure (u), with keys only.
    browser.get(desk.base() + "/desk/review");
    int split = 0;
    int decided = 0;
    Actions keys = new Actions(browser);
    while (split < 3 && decided < 40) {
      WebElement pair = browser.findElement(By.id("review-pair"));
      if (pair.getAttribute("data-pair") == null || pair.getAttribute("data-pair").isEmpty()) {
        break;
      }
      assertArabicCellsReadRightToLeft();
      boolean joined = "true".equals(pair.getAttribute("data-same-in-run"));
      keys.sendKeys(joined ? "d" : "u").perform();
      Waits.replaced(waiting(10), pair);
      split += joined ? 1 : 0;
      decided++;
    }
    assertThat(split).as("pairs the run joined, among those to review").isPositive();
    assertThat(desk.caseFile.linkDecisions().decisions()).hasSize(decided);
    assertThat(desk.caseFile.linkDecisions().decisions())
        .allSatisfy(d -> assertThat(d.decidedBy()).isNotBlank());

    int after = linkAndWait();
    assertThat(after).isGreaterThan(persons);
  }

  /** Every review cell with Arabic script in it is laid out right to left. */
  private static void assertArabicCellsReadRightToLeft() {
    Object wrong =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#review-pair td[dir=auto]'))"
                    + ".filter(td => /[\\u0600-\\u06FF]/.test(td.textContent.trim().charAt(0)))"
                    + ".filter(td => !td.matches(':dir(rtl)')).length;");
    assertThat(((Number) wrong).intValue()).isZero();
  }
}
