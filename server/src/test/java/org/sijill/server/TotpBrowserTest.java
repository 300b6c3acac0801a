package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.testing.Chromium;

/**
 * In Chromium: an admin enrols an authenticator app on /account, logs out, logs in again with the
 * password and a code computed from the secret the page showed, and reads the audit trail, filtered
 * through its form, where a wrong guess and the enrolment are listed.
 */
class TotpBrowserTest {
  private static final String PASSWORD = "correct horse battery";
  private static CaseFile caseFile;
  private static SijillServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() {
    caseFile = TestDatabases.openCase();
    Accounts accounts = Accounts.over(caseFile, Clock.systemUTC(), d -> {});
    accounts.addUser().add("admin-b", "Admin B", Role.ADMIN, PASSWORD, "test");
    server = SijillServer.start(caseFile, ServerOptions.local(0), accounts);
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

  private static void login(String user, String password) {
    browser.get(base() + "/login");
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("#login-form button")).click();
  }

  @Test
  void enrolLogInWithACodeAndReadTheAuditTrail() throws Exception {
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(10));
    login("admin-b", "not the password");
    assertThat(wait.until(d -> d.findElement(By.id("login-problem"))).getText()).contains("wrong");

    login("admin-b", PASSWORD);
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
    browser.get(base() + "/account");
    assertThat(browser.findElement(By.id("totp-state")).getText()).contains("No second factor");
    browser.findElement(By.cssSelector("#totp-start button")).click();
    String secret = wait.until(d -> d.findElement(By.id("totp-secret"))).getText();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(browser.findElement(By.id("totp-uri")).getAttribute("href"))
        .startsWith("otpauth://totp/");
    Instant now = Instant.now();
    browser
        .findElement(By.cssSelector("#totp-confirm input[name=code]"))
        .sendKeys(AuditWebTest.code(secret, now));
    browser.findElement(By.cssSelector("#totp-confirm button")).click();
    wait.until(d -> d.findElement(By.id("totp-state")).getText().contains("is in use"));
    browser.findElement(By.id("logout")).click();
    wait.until(d -> d.getCurrentUrl().contains("/login"));

    login("admin-b", PASSWORD);
    // The password step answers with the code form; the click returns before that page is in.
    wait.until(d -> d.findElement(By.id("code")))
        .sendKeys(AuditWebTest.code(secret, now.plusSeconds(30)));
    browser.findElement(By.cssSelector("#code-form button")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));

    browser.get(base() + "/admin/audit");
    new Select(browser.findElement(By.name("kind"))).selectByValue("login_failed");
    browser.findElement(By.cssSelector("#audit-filters button")).click();
    wait.until(d -> d.getCurrentUrl().contains("kind=login_failed"));
    String failed = browser.findElement(By.id("audit")).getText();
    assertThat(failed).contains("admin-b").contains("wrong name or password");
    assertThat(failed).doesNotContain("enrolled");

    browser.get(base() + "/admin/audit?kind=second_factor&who=admin-b");
    assertThat(browser.findElement(By.id("audit")).getText())
        .contains("enrolment started")
        .contains("enrolled");
  }
}
