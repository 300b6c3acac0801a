package org.sijill.server;

import java.time.Duration;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
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
}
