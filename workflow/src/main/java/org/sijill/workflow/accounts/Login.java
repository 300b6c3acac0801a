package org.sijill.workflow.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.LoginAttempts;
import org.sijill.casefile.repo.Sessions;
import org.sijill.casefile.repo.Users;

/**
 * Logs a person in with name and password and opens a session.
 *
 * <p>Guessing is slowed twice: every failure waits ({@link #FAILURE_DELAY}, so a script gets a few
 * guesses a second at most), and after {@link #MAX_FAILURES} failures within {@link #WINDOW} a name
 * is locked for the rest of that window — even the right password is refused, with the same message
 * as a wrong one, so the lock tells an attacker nothing. Every attempt is recorded.
 *
 * <p>A successful login always creates a new session id: an id planted before login (session
 * fixation) is never promoted.
 */
public final class Login {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration FAILURE_DELAY = Duration.ofSeconds(1);
  public static final Duration SESSION_LENGTH = Duration.ofHours(8);

  /** Waits after a failure; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Delay {
    void pause(Duration d);

    Delay SLEEP =
        d -> {
          try {
            Thread.sleep(d.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
  }

  private final Users users;
  private final Sessions sessions;
  private final LoginAttempts attempts;
  private final Passwords passwords;
  private final Clock clock;
  private final Delay delay;

  public Login(
      Users users,
      Sessions sessions,
      LoginAttempts attempts,
      Passwords passwords,
      Clock clock,
      Delay delay) {
    this.users = users;
    this.sessions = sessions;
    this.attempts = attempts;
    this.passwords = passwords;
    this.clock = clock;
    this.delay = delay;
  }

  /** An open session: {@code sessionId} goes into the cookie and is stored only as a hash. */
  public record Opened(String sessionId, String csrf, User user, Instant expiresAt) {}

  /** The message for every refusal: it does not say whether the name exists or is locked. */
  public static final String REFUSED =
      "The user name or password is wrong, or the account is locked.";

  /**
   * @return the new session, or empty (after the failure delay) when the login is refused
   */
  public Optional<Opened> login(String username, String password, String remote) {
    String name = username == null ? "" : username.strip();
    if (name.length() > 64 || password == null || password.length() > Passwords.MAX_LENGTH) {
      delay.pause(FAILURE_DELAY);
      return Optional.empty();
    }
    Instant now = clock.instant();
    boolean locked = attempts.recentFailures(name, now.minus(WINDOW)) >= MAX_FAILURES;
    Optional<User> user = users.find(name).filter(User::active);
    boolean ok =
        !locked
            && user.isPresent()
            && passwords.verify(password, users.passwordHash(user.get().id()).orElse(null));
    attempts.record(name, ok, remote);
    if (!ok) {
      delay.pause(FAILURE_DELAY);
      return Optional.empty();
    }
    String sessionId = Secrets.random();
    String csrf = Secrets.random();
    Instant expires = now.plus(SESSION_LENGTH);
    sessions.open(user.get().id(), Secrets.hash(sessionId), csrf, expires, remote);
    return Optional.of(new Opened(sessionId, csrf, user.get(), expires));
  }
}
