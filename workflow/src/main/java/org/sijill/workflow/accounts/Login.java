package org.sijill.workflow.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.LoginAttempts;
import org.sijill.casefile.repo.Sessions;
import org.sijill.casefile.repo.Users;
import org.sijill.workflow.audit.AuditTrail;

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
 *
 * <p>Beyond the lockout, a {@link Throttle} refuses further attempts from an address or for an
 * account that failed too often ({@link Throttled}, answered 429), and every refusal is written to
 * the audit trail. Where a user has a second factor, or one is required of them, the right password
 * is answered with {@link CodeNeeded}; {@link #code} then takes the TOTP code (and, for a user who
 * must first enrol, confirms the new secret). A wrong code counts as a failed login; the lockout is
 * reset only when the whole login succeeds.
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
  private final Throttle throttle;
  private final SecondFactor secondFactor;
  private final AuditTrail audit;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  public Login(
      Users users,
      Sessions sessions,
      LoginAttempts attempts,
      Passwords passwords,
      Clock clock,
      Delay delay) {
    this(users, sessions, attempts, passwords, clock, delay, null, null, null);
  }

  /**
   * @param throttle limits failures per address and account (null: none beyond the lockout)
   * @param secondFactor asks for a TOTP code after the password where one is in use or required
   *     (null: never)
   * @param audit records each refused attempt (null: not recorded beyond {@code login_attempt})
   */
  public Login(
      Users users,
      Sessions sessions,
      LoginAttempts attempts,
      Passwords passwords,
      Clock clock,
      Delay delay,
      Throttle throttle,
      SecondFactor secondFactor,
      AuditTrail audit) {
    this.users = users;
    this.sessions = sessions;
    this.attempts = attempts;
    this.passwords = passwords;
    this.clock = clock;
    this.delay = delay;
    this.throttle = throttle;
    this.secondFactor = secondFactor;
    this.audit = audit;
  }

  /** What came of a login attempt (one step of it). */
  public sealed interface Outcome permits Opened, Refused, CodeNeeded, Throttled {}

  /** An open session: {@code sessionId} goes into the cookie and is stored only as a hash. */
  public record Opened(String sessionId, String csrf, User user, Instant expiresAt)
      implements Outcome {}

  /** Refused, with the message to show. */
  public record Refused(String message) implements Outcome {}

  /**
   * The password was right; now a TOTP code is needed. {@code pending} identifies this half-done
   * login (it goes into the code form); {@code enrolment} is set when the user must first enrol (a
   * second factor is required and they have none); {@code problem} says why the last code failed.
   */
  public record CodeNeeded(String pending, SecondFactor.Enrolment enrolment, String problem)
      implements Outcome {}

  /**
   * Too many failures from this address or for this account: try again after {@code retryAfter}.
   */
  public record Throttled(Duration retryAfter) implements Outcome {}

  /** A login waiting for its code: whose, until when, and how many codes were tried. */
  private record Pending(
      long userId, String username, Instant expires, SecondFactor.Enrolment enrolment, int tries) {}

  /** How long a login waits for its code, and how many codes it takes before it starts over. */
  public static final Duration CODE_WAIT = Duration.ofMinutes(5);

  public static final int CODE_TRIES = 3;

  /** The message for every refusal: it does not say whether the name exists or is locked. */
  public static final String REFUSED =
      "The user name or password is wrong, or the account is locked.";

  public static final String CODE_REFUSED =
      "The code is wrong or was used already; wait for the next one.";

  /**
   * @return the new session, or empty (after the failure delay) when the login is refused or needs
   *     a further step (see {@link #attempt})
   */
  public Optional<Opened> login(String username, String password, String remote) {
    return attempt(username, password, remote) instanceof Opened o
        ? Optional.of(o)
        : Optional.empty();
  }

  /** The first step: name and password. */
  public Outcome attempt(String username, String password, String remote) {
    String name = username == null ? "" : username.strip();
    if (throttle != null) {
      Optional<Duration> wait = throttle.retryAfter(remote, name);
      if (wait.isPresent()) {
        record(a -> a.throttled(name, "login", remote));
        return new Throttled(wait.get());
      }
    }
    if (name.length() > 64 || password == null || password.length() > Passwords.MAX_LENGTH) {
      fail(name.length() > 64 ? name.substring(0, 64) : name, "malformed login", remote, false);
      return new Refused(REFUSED);
    }
    Instant now = clock.instant();
    boolean locked = locked(name, now);
    Optional<User> user = users.find(name).filter(User::active);
    boolean ok =
        !locked
            && user.isPresent()
            && passwords.verify(password, users.passwordHash(user.get().id()).orElse(null));
    if (!ok) {
      fail(name, locked ? "locked" : "wrong name or password", remote, true);
      return new Refused(REFUSED);
    }
    if (secondFactor != null) {
      long id = user.get().id();
      SecondFactor.Status st = secondFactor.status(id);
      if (st.active() || st.required()) {
        SecondFactor.Enrolment enrol = st.active() ? null : secondFactor.start(id, name);
        String token = Secrets.random();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        pending.put(Secrets.hash(token), new Pending(id, name, now.plus(CODE_WAIT), enrol, 0));
        return new CodeNeeded(token, enrol, null);
      }
    }
    attempts.record(name, true, remote);
    return open(user.get(), now, remote);
  }

  /** The second step: the code for a login that {@link #attempt} answered with CodeNeeded. */
  public Outcome code(String pendingToken, String code, String remote) {
    if (pendingToken == null || pendingToken.length() > 100 || secondFactor == null) {
      return new Refused("This login has expired: log in again.");
    }
    String key = Secrets.hash(pendingToken);
    Instant now = clock.instant();
    Pending p = pending.get(key);
    if (p == null || p.expires().isBefore(now)) {
      pending.remove(key);
      return new Refused("This login has expired: log in again.");
    }
    if (throttle != null) {
      Optional<Duration> wait = throttle.retryAfter(remote, p.username());
      if (wait.isPresent()) {
        record(a -> a.throttled(p.username(), "login code", remote));
        return new Throttled(wait.get());
      }
    }
    boolean ok;
    if (locked(p.username(), now)) {
      ok = false;
    } else if (p.enrolment() != null) {
      try {
        secondFactor.confirm(p.userId(), code, p.username());
        ok = true;
      } catch (AccountException e) {
        ok = false;
      }
    } else {
      ok = secondFactor.verify(p.userId(), code);
    }
    if (!ok) {
      fail(p.username(), "wrong second-factor code", remote, true);
      if (p.tries() + 1 >= CODE_TRIES) {
        pending.remove(key);
        return new Refused(REFUSED);
      }
      pending.put(
          key, new Pending(p.userId(), p.username(), p.expires(), p.enrolment(), p.tries() + 1));
      return new CodeNeeded(pendingToken, p.enrolment(), CODE_REFUSED);
    }
    pending.remove(key);
    Optional<User> user = users.find(p.userId()).filter(User::active);
    if (user.isEmpty()) {
      return new Refused(REFUSED);
    }
    if (p.enrolment() != null) {
      record(a -> a.secondFactor(p.username(), "enrolled during login", remote));
    }
    attempts.record(p.username(), true, remote);
    return open(user.get(), now, remote);
  }

  private boolean locked(String name, Instant now) {
    return attempts.recentFailures(name, now.minus(WINDOW)) >= MAX_FAILURES;
  }

  private Opened open(User user, Instant now, String remote) {
    String sessionId = Secrets.random();
    String csrf = Secrets.random();
    Instant expires = now.plus(SESSION_LENGTH);
    sessions.open(user.id(), Secrets.hash(sessionId), csrf, expires, remote);
    return new Opened(sessionId, csrf, user, expires);
  }

  private void fail(String name, String why, String remote, boolean counted) {
    if (counted) {
      attempts.record(name, false, remote);
    }
    if (throttle != null) {
      throttle.failed(remote, name);
    }
    record(a -> a.failedLogin(name, why, remote));
    delay.pause(FAILURE_DELAY);
  }

  private void record(java.util.function.Consumer<AuditTrail> write) {
    if (audit != null) {
      write.accept(audit);
    }
  }
}
