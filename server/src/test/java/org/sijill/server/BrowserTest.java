package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * The pages in a real browser: Debian's headless Chromium, driven by Selenium. Checks what only a
 * browser can: that the scripts load from the app itself, Leaflet draws the map and its markers,
 * ECharts draws its canvas, and htmx swaps in search results as one types.
 */
@ExtendWith(DemoServer.Extension.class)
class BrowserTest {
  private static WebDriver browser;
  private final DemoServer demo;

  BrowserTest(DemoServer demo) {
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
    return Waits.of(browser, Duration.ofSeconds(20));
  }

  @Test
  void incidentPageDrawsTheMapWithItsMarker() {
    browser.get(demo.base() + "/incidents/" + demo.incidentId);
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#map .leaflet-marker-icon")));
    assertThat(browser.findElements(By.cssSelector("#map .leaflet-marker-icon"))).hasSize(1);
    // The outline of Syria is drawn as vector paths (no tiles: the app works offline).
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#map .leaflet-overlay-pane path")));
    WebElement marker = browser.findElement(By.cssSelector("#map .leaflet-marker-icon"));
    assertThat(marker.isDisplayed()).isTrue();
    assertThat(marker.getAttribute("src")).startsWith(demo.base() + "/webjars/leaflet/");
    assertThat(browser.findElement(By.id("demo-banner")).getText())
        .containsIgnoringCase("synthetic demo data");
  }

  @Test
  void overviewDrawsTheChartCanvasAndEveryIncidentOnTheMap() {
    browser.get(demo.base() + "/");
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#deaths-chart canvas")));
    WebElement canvas = browser.findElement(By.cssSelector("#deaths-chart canvas"));
    assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
    waiting()
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#map .leaflet-marker-icon"),
                (int) demo.caseFile.incidents().count()));
  }

  @Test
  void typingInTheSearchBoxUpdatesTheVictimsTable() {
    browser.get(demo.base() + "/victims");
    WebElement count = browser.findElement(By.id("victim-count"));
    String before = count.getText();
    var arabic =
        demo.caseFile.victims().search("", 1, 500).items().stream()
            .filter(v -> Text.isArabic(v.displayName()))
            .findFirst()
            .orElseThrow();
    String word = arabic.displayName().split(" ")[0];
    long expected = demo.caseFile.victims().search(word, 1, 1).total();

    browser.findElement(By.id("victim-search")).sendKeys(word);

    // htmx replaces the results in place: no page load, and the URL follows the search.
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("victim-count"), Text.number(expected) + " records matching"));
    assertThat(before).doesNotContain("matching");
    assertThat(browser.findElements(By.cssSelector("#victim-results tbody tr")))
        .hasSize((int) Math.min(expected, Params.DEFAULT_SIZE));
    assertThat(browser.getCurrentUrl()).contains("q=");
  }

  /** On a real case (no --demo) a page asks for a login, then returns to where one was going. */
  @Test
  void aRealCaseAsksForALoginAndReturnsToThePage() {
    try (SijillServer real =
        SijillServer.start(demo.caseFile, ServerOptions.local(0), demo.accounts)) {
      String base = "http://localhost:" + real.port();
      browser.manage().deleteAllCookies();
      browser.get(base + "/victims?q=x");
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
      assertThat(browser.getCurrentUrl()).startsWith(base + "/login?next=");
      browser.findElement(By.name("username")).sendKeys("test-reviewer");
      browser.findElement(By.name("password")).sendKeys("not the password");
      browser.findElement(By.cssSelector("#login-form button")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-problem")));

      browser.findElement(By.name("username")).clear();
      browser.findElement(By.name("username")).sendKeys("test-reviewer");
      browser.findElement(By.name("password")).sendKeys(DemoServer.PASSWORD);
      browser.findElement(By.cssSelector("#login-form button")).click();
      waiting().until(ExpectedConditions.urlToBe(base + "/victims?q=x"));
      assertThat(browser.findElement(By.id("victim-search")).isDisplayed()).isTrue();
      // The session cookie is out of reach of the page's scripts.
      assertThat(
              (String)
                  ((org.openqa.selenium.JavascriptExecutor) browser)
                      .executeScript("return document.cookie"))
          .doesNotContain(Access.SESSION_COOKIE);

      browser.get(base + "/account");
      assertThat(browser.findElement(By.id("account-name")).getText()).isEqualTo("test-reviewer");
      browser.findElement(By.id("logout")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
      browser.get(base + "/victims");
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    } finally {
      browser.manage().deleteAllCookies();
    }
  }

  /** An admin adds a user through the form; the Arabic display name is listed, escaped, RTL. */
  @Test
  void anAdminAddsAUserInTheBrowser() {
    try (SijillServer real =
        SijillServer.start(demo.caseFile, ServerOptions.local(0), demo.accounts)) {
      String base = "http://localhost:" + real.port();
      browser.manage().deleteAllCookies();
      browser.get(base + "/admin/users");
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
      browser.findElement(By.name("username")).sendKeys("test-admin");
      browser.findElement(By.name("password")).sendKeys(DemoServer.PASSWORD);
      browser.findElement(By.cssSelector("#login-form button")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("add-user")));

      WebElement form = browser.findElement(By.id("add-user"));
      form.findElement(By.name("username")).sendKeys("browser-analyst");
      form.findElement(By.name("displayName")).sendKeys("محلل <b>اصطناعي</b>");
      new org.openqa.selenium.support.ui.Select(form.findElement(By.name("role")))
          .selectByValue("analyst");
      form.findElement(By.name("password")).sendKeys("a long enough passphrase");
      form.findElement(By.cssSelector("button")).click();
      waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("users"), "browser-analyst"));
      WebElement row =
          browser.findElement(By.xpath("//table[@id='users']//tr[td[1]='browser-analyst']"));
      WebElement display = row.findElements(By.tagName("td")).get(1);
      assertThat(display.getText()).isEqualTo("محلل <b>اصطناعي</b>");
      assertThat(display.findElements(By.tagName("b"))).isEmpty();
      assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo("analyst");
      assertThat(display.getCssValue("direction")).isEqualTo("rtl");
    } finally {
      browser.manage().deleteAllCookies();
    }
  }
}
