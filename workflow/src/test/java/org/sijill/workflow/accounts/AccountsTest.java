package org.sijill.workflow.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.Role;

/** The account use cases against a real (embedded) PostgreSQL, with a clock the test moves. */
class AccountsTest {
  private static final String PASSWORD = "a synthetic passphrase";
  private static CaseFile caseFile;
  private static final MovableClock CLOCK = new MovableClock();
  private static final List<Duration> PAUSES = new ArrayList<>();
  private static Accounts accounts;

  @BeforeAll
  static void open(@TempDir Path dir) {
    caseFile = CaseFile.open(dir, Optional.empty());
    accounts = Accounts.over(caseFile, CLOCK, PAUSES::add);
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  @Test
  void passwordsAreArgon2idAndOnlyTheRightOneVerifies() {
    Passwords p = new Passwords();
    String h = p.hash("سر طويل جداً للاختبار");
    assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(p.hash("سر طويل جداً للاختبار")).isNotEqualTo(h); // salted
    assertThat(p.verify("سر طويل جداً للاختبار", h)).isTrue();
    assertThat(p.verify("سر طويل جدا للاختبار", h)).isFalse();
    assertThat(p.verify("x", "$argon2id$v=19$garbage")).isFalse();
    assertThat(p.verify("x", null)).isFalse();
    assertThat(Passwords.weakness("short")).contains("at least 10");
  }

  @Test
  void theStoredHashIsNeverThePassword() {
    accounts.addUser().add("hash-check", null, Role.VIEWER, PASSWORD, "test");
    long id = accounts.list().user("hash-check").orElseThrow().id();
    String stored = caseFile.users().passwordHash(id).orElseThrow();
    assertThat(stored).doesNotContain(PASSWORD).startsWith("$argon2id$");
  }

  @Test
  void namesArePlainAndUnique() {
    accounts.addUser().add("سامر.ع", "سامر", Role.ANALYST, PASSWORD, "test");
    assertThatThrownBy(() -> accounts.addUser().add("سامر.ع", null, Role.ANALYST, PASSWORD, "t"))
        .isInstanceOf(AccountException.class)
        .hasMessageContaining("already");
    for (String bad : List.of("", "two words", "<script>", "os:alice", "a\"b")) {
      assertThatThrownBy(() -> accounts.addUser().add(bad, null, Role.VIEWER, PASSWORD, "t"))
          .as(bad)
          .isInstanceOf(AccountException.class);
    }
    assertThatThrownBy(() -> accounts.addUser().add("weak-one", null, Role.VIEWER, "123", "t"))
        .hasMessageContaining("at least");
  }

  @Test
  void aLoginOpensANewSessionEachTimeAndLogoutEndsIt() {
    accounts.addUser().add("login-ok", null, Role.REVIEWER, PASSWORD, "test");
    Login.Opened a = accounts.login().login("login-ok", PASSWORD, "127.0.0.1").orElseThrow();
    Login.Opened b = accounts.login().login("login-ok", PASSWORD, "127.0.0.1").orElseThrow();
    assertThat(a.sessionId()).isNotEqualTo(b.sessionId()).hasSize(43);
    assertThat(a.csrf()).isNotEqualTo(b.csrf());
    Principal p = accounts.authenticate().session(a.sessionId()).orElseThrow();
    assertThat(p.username()).isEqualTo("login-ok");
    assertThat(p.role()).isEqualTo(Role.REVIEWER);
    assertThat(p.csrf()).isEqualTo(a.csrf());
    accounts.logout().logout(p);
    assertThat(accounts.authenticate().session(a.sessionId())).isEmpty();
    assertThat(accounts.authenticate().session(b.sessionId())).isPresent();
    // The database holds only the hash of a session id.
    long stored =
        caseFile
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from app_session where id_hash = :s")
                        .bind("s", a.sessionId())
                        .mapTo(Long.class)
                        .one());
    assertThat(stored).isZero();
  }

  @Test
  void sessionsExpire() {
    accounts.addUser().add("expiring", null, Role.VIEWER, PASSWORD, "test");
    Login.Opened s = accounts.login().login("expiring", PASSWORD, null).orElseThrow();
    assertThat(accounts.authenticate().session(s.sessionId())).isPresent();
    CLOCK.advance(Login.SESSION_LENGTH.plusSeconds(1));
    try {
      assertThat(accounts.authenticate().session(s.sessionId())).isEmpty();
    } finally {
      CLOCK.advance(Login.SESSION_LENGTH.plusSeconds(1).negated());
    }
  }

  @Test
  void failuresAreDelayedAndFiveLockTheAccountForTheWindow() {
    accounts.addUser().add("locked-out", null, Role.ANALYST, PASSWORD, "test");
    PAUSES.clear();
    for (int i = 0; i < Login.MAX_FAILURES; i++) {
      assertThat(accounts.login().login("locked-out", "wrong password " + i, null)).isEmpty();
    }
    assertThat(PAUSES).hasSize(Login.MAX_FAILURES).allMatch(d -> d.equals(Login.FAILURE_DELAY));
    // Locked: the right password is refused too, and the refusal is delayed like any other.
    assertThat(accounts.login().login("locked-out", PASSWORD, null)).isEmpty();
    assertThat(PAUSES).hasSize(Login.MAX_FAILURES + 1);
    CLOCK.advance(Login.WINDOW.plusSeconds(1));
    try {
      assertThat(accounts.login().login("locked-out", PASSWORD, null)).isPresent();
    } finally {
      CLOCK.advance(Login.WINDOW.plusSeconds(1).negated());
    }
  }

  @Test
  void aDisabledAccountCannotLogInAndItsSessionsAndTokensStop() {
    accounts.addUser().add("leaver", null, Role.ANALYST, PASSWORD, "test");
    Login.Opened s = accounts.login().login("leaver", PASSWORD, null).orElseThrow();
    String token = accounts.createToken().create("leaver", null, "test").token();
    assertThat(accounts.authenticate().token(token)).isPresent();
    accounts.changeUser().disable("leaver", "admin-1");
    assertThat(accounts.authenticate().session(s.sessionId())).isEmpty();
    assertThat(accounts.authenticate().token(token)).isEmpty();
    assertThat(accounts.login().login("leaver", PASSWORD, null)).isEmpty();
    assertThat(accounts.list().user("leaver").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aRoleChangeTakesEffectOnTheNextRequest() {
    accounts.addUser().add("promoted", null, Role.VIEWER, PASSWORD, "test");
    String token = accounts.createToken().create("promoted", null, "test").token();
    assertThat(accounts.authenticate().token(token).orElseThrow().role()).isEqualTo(Role.VIEWER);
    accounts.changeUser().role("promoted", Role.REVIEWER, "admin-1");
    assertThat(accounts.authenticate().token(token).orElseThrow().role()).isEqualTo(Role.REVIEWER);
  }

  @Test
  void tokensExpireAfterTheirDaysAndAreStoredHashed() {
    accounts.addUser().add("scripted", null, Role.ANALYST, PASSWORD, "test");
    CreateToken.Created t = accounts.createToken().create("scripted", 2, "test");
    assertThat(t.token()).hasSize(43);
    assertThat(accounts.authenticate().token(t.token())).isPresent();
    assertThat(accounts.authenticate().token(t.token() + "x")).isEmpty();
    CLOCK.advance(Duration.ofDays(2).plusSeconds(1));
    try {
      assertThat(accounts.authenticate().token(t.token())).isEmpty();
    } finally {
      CLOCK.advance(Duration.ofDays(2).plusSeconds(1).negated());
    }
    assertThatThrownBy(() -> accounts.createToken().create("scripted", 0, "test"))
        .hasMessageContaining("1 to");
    assertThatThrownBy(() -> accounts.createToken().create("nobody", null, "test"))
        .hasMessageContaining("no active user");
  }

  @Test
  void theFirstAdminLinkWorksOnceAndOnlyOnAnEmptyCase(@TempDir Path other) {
    try (CaseFile fresh = CaseFile.open(other, Optional.empty())) {
      Accounts a = Accounts.over(fresh, CLOCK, d -> {});
      FirstAdmin link = a.firstAdmin(fresh);
      assertThat(link.open()).isTrue();
      assertThat(link.accepts("guess")).isFalse();
      assertThatThrownBy(() -> link.create("guess", "root", null, PASSWORD))
          .isInstanceOf(AccountException.class);
      link.create(link.secret(), "first-admin", null, PASSWORD);
      assertThat(a.list().user("first-admin").orElseThrow().roleValue()).isEqualTo(Role.ADMIN);
      assertThat(link.open()).isFalse();
      assertThatThrownBy(() -> link.create(link.secret(), "second-admin", null, PASSWORD))
          .isInstanceOf(AccountException.class);
      // A case that has users never offers a link.
      assertThat(a.firstAdmin(fresh).open()).isFalse();
    }
  }

  @Test
  void theCommandLineActorIsAnExistingUserOrAMarkedOsLogin() {
    accounts.addUser().add("field-1", null, Role.ANALYST, PASSWORD, "test");
    assertThat(accounts.resolveActor().resolve("field-1", "alice")).isEqualTo("field-1");
    assertThat(accounts.resolveActor().resolve(null, "alice")).isEqualTo("os:alice");
    assertThatThrownBy(() -> accounts.resolveActor().resolve("mallory", "alice"))
        .hasMessageContaining("no such user");
  }

  /** A clock the test moves forward and back. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration d) {
      offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
