package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.testing.Chromium;

/**
 * Every page at a phone's width (390 CSS pixels, as an iPhone 12–15 in portrait), in English and in
 * Arabic, as an admin who may open them all: nothing may stick out sideways — the page never
 * scrolls horizontally; a wide table scrolls inside its own box instead.
 */
@ExtendWith(DemoServer.Extension.class)
class PhoneWidthBrowserTest {
  private static final int WIDTH = 390;

  /**
   * The document's width, the viewport's, and the innermost elements that reach past the viewport
   * on either side outside any scrolling box (the culprits, to name them in the failure).
   */
  private static final String OVERFLOW =
      "const w = document.documentElement.clientWidth, wide = new Set();"
          + "const outside = e => { const r = e.getBoundingClientRect();"
          + "  return r.width > 0 && (r.right > w + 1 || r.left < -1); };"
          + "const scrolls = e => { for (let p = e.parentElement; p && p !== document.body;"
          + "  p = p.parentElement) { const o = getComputedStyle(p).overflowX;"
          + "  if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };"
          + "for (const e of document.body.querySelectorAll('*'))"
          + "  if (outside(e) && !scrolls(e)) wide.add(e);"
          + "const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
          + "  + (typeof e.className === 'string' && e.className ? '.' + e.className : '')"
          + "  + ' ' + Math.round(e.getBoundingClientRect().left)"
          + "  + '..' + Math.round(e.getBoundingClientRect().right);"
          + "const culprits = [...wide].filter(e => ![...e.children].some(c => wide.has(c)));"
          + "return [document.documentElement.scrollWidth, w,"
          + "  culprits.slice(0, 4).map(name).join(', ')];";

  private static ChromeDriver browser;
  private final DemoServer demo;

  PhoneWidthBrowserTest(DemoServer demo) {
    this.demo = demo;
  }

  @BeforeAll
  static void startBrowser() {
    browser = (ChromeDriver) Chromium.start();
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Every page a person opens: each GET route that answers HTML, its {id} filled in. */
  private List<String> pages() throws Exception {
    JsonNode assessments =
        Json.mapper()
            .readTree(
                demo.getAs(Role.ADMIN, "/api/evidence/" + demo.evidenceId + "/assessments").body());
    // The demo holds verification records only when another test class added one; without, the
    // page is the "not found" page, which must fit too.
    long assessmentId = assessments.path("items").path(0).path("id").asLong(1);
    List<String> out = new ArrayList<>();
    for (String route : demo.server.routes()) {
      String path = route.substring(route.indexOf(' ') + 1);
      if (!route.startsWith("GET ")
          || path.startsWith("/api/")
          || path.contains("/jobs/")
          || path.contains("/keyframes")
          || path.endsWith("/download")
          || path.endsWith("/original")
          || path.equals("/setup")) {
        continue; // data, fragments that htmx places inside a page, files
      }
      String id =
          path.startsWith("/assessments/")
              ? Long.toString(assessmentId)
              : path.startsWith("/incidents/")
                  ? Long.toString(demo.incidentId)
                  : Long.toString(demo.evidenceId);
      out.add(path.replace("{id}", id).replace("{name}", "test-analyst"));
    }
    out.add(
        "/victims?q="
            + java.net.URLEncoder.encode("محمد", java.nio.charset.StandardCharsets.UTF_8));
    return out;
  }

  @Test
  void noPageScrollsSidewaysAtPhoneWidthInEitherLanguage() throws Exception {
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(20));
    browser.manage().deleteAllCookies();
    browser.get(demo.base() + "/login");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys("test-admin");
    browser.findElement(By.name("password")).sendKeys(DemoServer.PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

    List<String> pages = pages();
    assertThat(pages).hasSizeGreaterThan(20).contains("/", "/evidence", "/desk/verification");
    List<String> wide = new ArrayList<>();
    for (String lang : List.of("en", "ar")) {
      browser.get(demo.base() + "/?lang=" + lang);
      for (String page : pages) {
        browser.get(demo.base() + page);
        wait.until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
            .as(page)
            .isEqualTo(lang);
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) browser.executeScript(OVERFLOW);
        long scrollWidth = ((Number) r.get(0)).longValue();
        long clientWidth = ((Number) r.get(1)).longValue();
        assertThat(clientWidth).as("viewport width").isEqualTo(WIDTH);
        if (scrollWidth > clientWidth) {
          wide.add(lang + " " + page + ": " + scrollWidth + " px wide (" + r.get(2) + ")");
        }
      }
    }
    assertThat(wide).as("pages wider than %d px", WIDTH).isEmpty();
  }
}
