package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.workflow.testing.Chromium;

/**
 * The pages finished last for issue 13 — account, administration, the counting desk and the person
 * page — opened in Arabic in a real browser, logged in as the demo's admin: each is right-to-left,
 * its headings, table heads, labels, legends and buttons are Arabic (no English word left among
 * them), and stored codes (a role, a status, a stratum) read in Arabic while the values the forms
 * send stay the stored codes.
 */
@ExtendWith(DemoServer.Extension.class)
class ArabicPagesBrowserTest {
  private static final Pattern ARABIC = Pattern.compile("[\\u0600-\\u06FF]");

  /** An English word: three Latin letters or more, once the names of formats are taken out. */
  private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{3,}");

  private static final Pattern NOT_WORDS =
      Pattern.compile("SHA-256|UTC|JSON|CSV|UTF-8|BOM|Windows-1256|TOTP|LCMCR|dga|log-linear");

  private static WebDriver browser;
  private final DemoServer demo;

  ArabicPagesBrowserTest(DemoServer demo) {
    this.demo = demo;
  }

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private WebDriverWait waiting() {
    return Waits.of(browser, Duration.ofSeconds(30));
  }

  private void logInAsAdmin() {
    browser.manage().deleteAllCookies();
    browser.get(demo.base() + "/login?lang=ar");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys("test-admin");
    browser.findElement(By.name("password")).sendKeys(DemoServer.PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    waiting().until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Opens a page in Arabic and returns the visible labels of its own content still in English. */
  private List<String> englishLabels(String path) {
    browser.get(demo.base() + path + (path.contains("?") ? "&" : "?") + "lang=ar");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("dir")).as(path).isEqualTo("rtl");
    assertThat(html.getAttribute("lang")).as(path).isEqualTo("ar");
    assertThat(browser.findElement(By.tagName("h1")).getText()).as(path).containsPattern(ARABIC);
    List<String> english = new ArrayList<>();
    for (WebElement e :
        browser.findElements(
            By.cssSelector(
                "main h1, main h2, main thead th, main tbody th[scope=row], main label, main"
                    + " legend, main button, main .summary, main .desk-nav a"))) {
      String text = e.getText().strip();
      // dir="auto" marks what people wrote or imported (a list's name), not a label.
      if (text.isEmpty() || ARABIC.matcher(text).find() || "auto".equals(e.getAttribute("dir"))) {
        continue;
      }
      if (ENGLISH_WORD.matcher(NOT_WORDS.matcher(text).replaceAll("")).find()) {
        english.add(text);
      }
    }
    return english;
  }

  @Test
  void accountAdministrationCountingDeskAndPersonPagesReadInArabic() {
    logInAsAdmin();
    long run = demo.caseFile.linkageRuns().current().orElseThrow().id();
    long person = demo.caseFile.linkageRuns().records(run).keySet().iterator().next();
    for (String path :
        List.of(
            "/account",
            "/admin/users",
            "/admin/groups",
            "/admin/audit",
            "/admin/report",
            "/exports",
            "/desk/lists",
            "/desk/linking",
            "/desk/review",
            "/desk/review/blind",
            "/desk/estimates",
            "/desk/claims",
            "/desk/diagnostics",
            "/persons/" + person)) {
      assertThat(englishLabels(path)).as("English labels left on %s", path).isEmpty();
    }
  }

  @Test
  void storedCodesReadInArabicWhileTheFormsSendTheCodes() {
    logInAsAdmin();
    englishLabels("/account");
    assertThat(browser.findElement(By.id("account-role")).getText()).isEqualTo("مدير");

    englishLabels("/admin/users");
    WebElement analyst =
        browser.findElement(By.cssSelector("#add-user select[name=role] option[value=analyst]"));
    assertThat(analyst.getText()).isEqualTo("محلِّل");

    englishLabels("/desk/estimates");
    assertThat(browser.findElement(By.cssSelector("label:has(#stratum-governorate)")).getText())
        .isEqualTo("المحافظة");

    // The verification statuses of the evidence filter: Arabic words, the stored codes as values.
    browser.get(demo.base() + "/evidence?lang=ar");
    WebElement finalised =
        browser.findElement(By.cssSelector("select[name=status] option[value=finalised]"));
    assertThat(finalised.getAttribute("textContent")).isEqualTo("نهائي");
    WebElement recycled =
        browser.findElement(By.cssSelector("select[name=judgement] option[value=misattributed]"));
    assertThat(recycled.getAttribute("textContent")).isEqualTo("منسوبة خطأً (مُعاد تدويرها)");

    // An incident's status and grade, and the same page in English keeps the English words.
    browser.get(demo.base() + "/incidents/" + demo.incidentId + "?lang=ar");
    String status = browser.findElement(By.cssSelector("dd .status")).getText();
    assertThat(status).containsPattern(ARABIC);
    browser.get(demo.base() + "/incidents/" + demo.incidentId + "?lang=en");
    assertThat(browser.findElement(By.cssSelector("dd .status")).getText())
        .doesNotContainPattern(ARABIC);
    browser.manage().deleteAllCookies();
  }
}
