package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.workflow.testing.Chromium;

/**
 * The language switch in a real browser: English by default; the link in the header turns the pages
 * Arabic and right-to-left, the choice holds on the next page, and the link turns them back.
 */
@ExtendWith(DemoServer.Extension.class)
class LanguageBrowserTest {
  private static WebDriver browser;
  private final DemoServer demo;

  LanguageBrowserTest(DemoServer demo) {
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

  private String html(String attribute) {
    return browser.findElement(By.tagName("html")).getAttribute(attribute);
  }

  private String nav() {
    return browser.findElement(By.cssSelector("header.top nav")).getText();
  }

  @Test
  void switchingToArabicTurnsThePagesRightToLeftAndBack() {
    browser.manage().deleteAllCookies();
    browser.get(demo.base() + "/victims?q=x");
    assertThat(html("lang")).isEqualTo("en");
    assertThat(html("dir")).isEqualTo("ltr");
    assertThat(nav()).contains("Evidence", "Verification desk");

    browser.findElement(By.id("lang-switch")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
    assertThat(html("lang")).isEqualTo("ar");
    assertThat(nav()).contains("الأدلة", "مكتب التحقق").doesNotContain("Evidence");
    // The page's own labels too, in parts the page includes (the results table).
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("الضحايا");
    assertThat(browser.findElement(By.id("victim-count")).getText()).contains("تطابق");
    // The page stays the same page: its search is kept.
    assertThat(browser.getCurrentUrl()).contains("q=x").contains("lang=ar");
    assertThat(browser.findElement(By.cssSelector("header.top")).getCssValue("direction"))
        .isEqualTo("rtl");

    // The choice is kept for the next page, which has no ?lang= of its own.
    browser.get(demo.base() + "/evidence");
    assertThat(html("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.id("lang-switch")).getText()).isEqualTo("English");

    browser.findElement(By.id("lang-switch")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "ltr"));
    assertThat(html("lang")).isEqualTo("en");
    assertThat(nav()).contains("Evidence").doesNotContain("الأدلة");
    browser.get(demo.base() + "/sources");
    assertThat(html("dir")).isEqualTo("ltr");
    assertThat(browser.findElement(By.id("lang-switch")).getText()).isEqualTo("العربية");
    browser.manage().deleteAllCookies();
  }
}
