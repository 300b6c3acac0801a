package org.sijill.server;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' waits. A condition that reads an element of the page a click is replacing can
 * find it on the old page and read it after the new one came in; such a wait asks again instead of
 * failing (WebDriverWait on its own retries only an element not found yet).
 */
final class Waits {
  private Waits() {}

  static WebDriverWait of(WebDriver driver, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /**
   * Clicks an element once nothing covers it: a picture that comes in late moves the page, and the
   * click lands on the picture instead (Chromium refuses it as intercepted); the wait tries again.
   */
  static void click(WebDriverWait wait, By element) {
    wait.until(
        d -> {
          try {
            d.findElement(element).click();
            return true;
          } catch (ElementClickInterceptedException covered) {
            return false;
          }
        });
  }

  /**
   * Waits until the page has run its scripts. They are deferred, so an element can be on the page
   * before the desk's key handler and htmx are: a key pressed then is lost.
   */
  static void scriptsRan(WebDriver driver) {
    of(driver, Duration.ofSeconds(20))
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Waits until an element of the page a click or a key replaces is gone. Selenium's stalenessOf
   * knows only the stale-element error; while Chromium is swapping the document it can instead
   * answer "Node with given id does not belong to the document", which means the same thing and
   * used to fail the test.
   */
  static void replaced(WebDriverWait wait, WebElement old) {
    wait.until(
        d -> {
          try {
            old.isEnabled();
            return false;
          } catch (StaleElementReferenceException gone) {
            return true;
          } catch (WebDriverException swapping) {
            String message = String.valueOf(swapping.getMessage());
            if (message.contains("does not belong to the document")) {
              return true;
            }
            throw swapping;
          }
        });
  }
}
