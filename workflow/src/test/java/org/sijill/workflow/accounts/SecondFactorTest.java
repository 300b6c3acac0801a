package org.sijill.workflow.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.seal.Keyring;
import org.sijill.casefile.seal.Sealer;
import org.sijill.workflow.audit.AuditTrail;
import org.sijill.workflow.keys.CaseKeys;

/**
 * The TOTP second factor and the login throttle against a real (embedded) PostgreSQL, on a case
 * with sealing keys. Codes are computed here with java-otp from the secret the enrolment showed, as
 * an authenticator app would.
 */
class SecondFactorTest {
  private static final String PASSWORD = "a synthetic passphrase";
  private static final AccountsTest.MovableClock CLOCK = new AccountsTest.MovableClock();
  private static final List<Duration> PAUSES = new ArrayList<>();
  @TempDir static Path data;
  private static CaseFile caseFile;
  private static Accounts accounts;

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
    new CaseKeys(data, caseFile, new Keyring.Cost(1024, 1, 1)).create("pass one".toCharArray());
    accounts =
        Accounts.over(
            caseFile, CLOCK, PAUSES::add, new Throttle(CLOCK, 1000, 1000, Duration.ofMinutes(15)));
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  /** The code an authenticator app shows for {@code secret} now (by the test's clock). */
  private static String app(String secret) throws Exception {
    return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
        .generateOneTimePasswordString(
            new SecretKeySpec(Base32.decode(secret), "HmacSHA1"), CLOCK.instant());
  }

  private static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  @Test
  void anEnrolledUserLogsInWithACodeOnlyOnceAndNotWithAWrongOne() throws Exception {
    accounts.addUser().add("totp-user", null, Role.ANALYST, PASSWORD, "test");
    long id = accounts.list().user("totp-user").orElseThrow().id();
    SecondFactor.Enrolment e = accounts.secondFactor().start(id, "totp-user");
    assertThat(e.secret()).matches("[A-Z2-7]{32}");
    assertThat(e.uri())
        .startsWith("otpauth://totp/Sijill%3Atotp-user?secret=" + e.secret())
        .contains("issuer=Sijill");
    // Sealed at rest: the stored value is ciphertext, not the secret.
    String stored = caseFile.secondFactors().current(id).orElseThrow().secret();
    assertThat(Sealer.isSealed(stored)).isTrue();
    assertThat(stored).doesNotContain(e.secret());
    // Not in force until confirmed: the password alone still logs in.
    assertThat(accounts.login().attempt("totp-user", PASSWORD, "10.0.0.1"))
        .isInstanceOf(Login.Opened.class);
    assertThatThrownBy(() -> accounts.secondFactor().confirm(id, wrong(app(e.secret())), "t"))
        .isInstanceOf(AccountException.class);
    accounts.secondFactor().confirm(id, app(e.secret()), "totp-user");
    assertThat(accounts.secondFactor().status(id).active()).isTrue();

    CLOCK.advance(Duration.ofSeconds(90)); // a fresh step: the confirming code is spent
    Login.Outcome first = accounts.login().attempt("totp-user", PASSWORD, "10.0.0.1");
    assertThat(first).isInstanceOf(Login.CodeNeeded.class);
    Login.CodeNeeded need = (Login.CodeNeeded) first;
    assertThat(need.enrolment()).isNull();
    Login.Outcome bad = accounts.login().code(need.pending(), wrong(app(e.secret())), "10.0.0.1");
    assertThat(bad).isInstanceOf(Login.CodeNeeded.class);
    assertThat(((Login.CodeNeeded) bad).problem()).isEqualTo(Login.CODE_REFUSED);
    String code = app(e.secret());
    assertThat(accounts.login().code(need.pending(), code, "10.0.0.1"))
        .isInstanceOf(Login.Opened.class);
    // The pending login is used up, and the same code cannot open a second session.
    assertThat(accounts.login().code(need.pending(), code, "10.0.0.1"))
        .isInstanceOf(Login.Refused.class);
    Login.CodeNeeded again =
        (Login.CodeNeeded) accounts.login().attempt("totp-user", PASSWORD, "10.0.0.1");
    assertThat(accounts.login().code(again.pending(), code, "10.0.0.1"))
        .isInstanceOf(Login.CodeNeeded.class);
    // The old login method says no for a login that needs a code.
    assertThat(accounts.login().login("totp-user", PASSWORD, "10.0.0.1")).isEmpty();

    // An admin resets it (a lost phone): the password alone logs in again.
    accounts.secondFactor().reset("totp-user", "test-admin");
    assertThat(accounts.login().attempt("totp-user", PASSWORD, "10.0.0.1"))
        .isInstanceOf(Login.Opened.class);
  }

  @Test
  void aRequiredSecondFactorIsEnrolledDuringLogin() throws Exception {
    accounts.addUser().add("must-enrol", null, Role.VIEWER, PASSWORD, "test");
    accounts.secondFactor().require("must-enrol", true, "test-admin");
    Login.CodeNeeded need =
        (Login.CodeNeeded) accounts.login().attempt("must-enrol", PASSWORD, "10.0.0.2");
    assertThat(need.enrolment()).isNotNull();
    assertThat(accounts.login().code(need.pending(), app(need.enrolment().secret()), "10.0.0.2"))
        .isInstanceOf(Login.Opened.class);
    long id = accounts.list().user("must-enrol").orElseThrow().id();
    assertThat(accounts.secondFactor().status(id))
        .isEqualTo(new SecondFactor.Status(true, false, true));
    assertThat(
            new AuditTrail(caseFile)
                .list(
                    new AuditTrail.Query(
                        "must-enrol", AuditTrail.Kind.SECOND_FACTOR, null, null, null, 1, 10))
                .items())
        .extracting(AuditTrail.Row::action)
        .containsExactly("enrolled during login");
  }

  @Test
  void requiringItOfEveryoneReachesUsersWithoutTheirOwnRule() {
    accounts.addUser().add("everyone-1", null, Role.VIEWER, PASSWORD, "test");
    accounts.addUser().add("exempt-1", null, Role.VIEWER, PASSWORD, "test");
    accounts.secondFactor().require("exempt-1", false, "test-admin");
    accounts.secondFactor().require(null, true, "test-admin");
    try {
      assertThat(accounts.login().attempt("everyone-1", PASSWORD, null))
          .isInstanceOf(Login.CodeNeeded.class);
      assertThat(accounts.login().attempt("exempt-1", PASSWORD, null))
          .isInstanceOf(Login.Opened.class);
    } finally {
      accounts.secondFactor().require(null, false, "test-admin");
    }
  }

  @Test
  void theThrottleRefusesPastItsLimitAndForgetsAfterItsWindow() {
    Throttle t = new Throttle(CLOCK, 3, 2, Duration.ofMinutes(10));
    assertThat(t.retryAfter("10.9.9.9", "x")).isEmpty();
    t.failed("10.9.9.9", "a");
    t.failed("10.9.9.9", "b");
    assertThat(t.retryAfter("10.9.9.9", "c")).isEmpty();
    t.failed("10.9.9.9", "b");
    assertThat(t.retryAfter("10.9.9.9", "c")).isPresent(); // the address: 3 failures
    assertThat(t.retryAfter("10.1.1.1", "b")).isPresent(); // the account: 2 failures
    assertThat(t.retryAfter("10.1.1.1", "a")).isEmpty();
    assertThat(t.retryAfter("10.9.9.9", null).orElseThrow())
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(10));
    CLOCK.advance(Duration.ofMinutes(11));
    assertThat(t.retryAfter("10.9.9.9", "b")).isEmpty();
  }

  @Test
  void loginsPastTheThrottleAreRefusedWithAWaitAndAudited() {
    Accounts tight =
        Accounts.over(caseFile, CLOCK, d -> {}, new Throttle(CLOCK, 100, 7, Duration.ofMinutes(5)));
    tight.addUser().add("guessed-at", null, Role.VIEWER, PASSWORD, "test");
    for (int i = 0; i < 7; i++) {
      assertThat(tight.login().attempt("guessed-at", "wrong " + i, "10.3.3.3"))
          .isInstanceOf(Login.Refused.class);
    }
    Login.Outcome o = tight.login().attempt("guessed-at", PASSWORD, "10.3.3.3");
    assertThat(o).isInstanceOf(Login.Throttled.class);
    assertThat(((Login.Throttled) o).retryAfter()).isPositive();
    var rows =
        new AuditTrail(caseFile)
            .list(new AuditTrail.Query("guessed-at", null, null, null, null, 1, 50))
            .items();
    assertThat(rows).filteredOn(r -> r.kind().equals("login_failed")).hasSize(7);
    assertThat(rows).filteredOn(r -> r.kind().equals("throttled")).hasSize(1);
    assertThat(rows).allMatch(r -> "10.3.3.3".equals(r.remote()));
  }
}
