package org.sijill.workflow.accounts;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.SecondFactors;
import org.sijill.casefile.repo.Users;
import org.sijill.casefile.seal.KeyringException;
import org.sijill.casefile.seal.Sealer;

/**
 * The optional second factor: a time-based one-time password (TOTP, RFC 6238: HMAC-SHA1, 6 digits,
 * 30-second steps) from an authenticator app.
 *
 * <p>A user enrols by taking a new secret (shown as an {@code otpauth://} URI and as text) and
 * confirming it with a code; from then on a login asks for a code after the password. An
 * administrator may require a second factor of one user or of everyone (then a user without one
 * enrols during login) and may reset a user's (a lost phone). Codes of the step before and after
 * the current one are accepted (clock drift), and each step's code only once.
 *
 * <p>The secret is sealed at rest under the case's keys like other secrets; on a case with keys
 * that was started without its passphrase, second factors cannot be checked, and a login that needs
 * one is refused.
 */
public final class SecondFactor {
  static final String FIELD = "totp.secret";
  static final Duration STEP = Duration.ofSeconds(30);
  static final String ISSUER = "Sijill";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Users users;
  private final SecondFactors store;
  private final Supplier<Sealer> sealer;
  private final Clock clock;
  private final TimeBasedOneTimePasswordGenerator totp =
      new TimeBasedOneTimePasswordGenerator(STEP, 6);

  public SecondFactor(Users users, SecondFactors store, Supplier<Sealer> sealer, Clock clock) {
    this.users = users;
    this.store = store;
    this.sealer = sealer;
    this.clock = clock;
  }

  /** A new secret to put into an authenticator app: as text (base32) and as an otpauth URI. */
  public record Enrolment(String secret, String uri) {}

  /** Where a user stands: whether a second factor is in use, pending, and required. */
  public record Status(boolean active, boolean pending, boolean required) {}

  public Status status(long userId) {
    Optional<SecondFactors.Current> c = store.current(userId);
    return new Status(
        store.activeSecret(userId).isPresent(),
        c.map(x -> x.state().equals("pending")).orElse(false),
        store.required(userId));
  }

  /** Whether everyone must use a second factor. */
  public boolean requiredForEveryone() {
    return store.requiredForEveryone();
  }

  /**
   * Starts (or restarts) enrolment: a new secret, kept pending until {@link #confirm}. A second
   * factor already in force stays in force until the new secret is confirmed.
   */
  public Enrolment start(long userId, String by) {
    User u = users.find(userId).orElseThrow(() -> new AccountException("no such user"));
    byte[] raw = new byte[20];
    RANDOM.nextBytes(raw);
    String secret = Base32.encode(raw);
    store.record(userId, "pending", seal(secret), by);
    return new Enrolment(secret, uri(u.username(), secret));
  }

  /**
   * Confirms a pending enrolment with a code from the app; the second factor is then in force.
   *
   * @throws AccountException when nothing is pending or the code is wrong
   */
  public void confirm(long userId, String code, String by) {
    SecondFactors.Current c =
        store
            .current(userId)
            .filter(x -> x.state().equals("pending"))
            .orElseThrow(
                () -> new AccountException("there is no enrolment to confirm: start again"));
    if (!accepts(userId, c.secret(), code)) {
      throw new AccountException("the code is wrong or was used already: try the next one");
    }
    store.record(userId, "active", c.secret(), by);
  }

  /** Whether {@code code} is a fresh, right code of the user's active second factor. */
  public boolean verify(long userId, String code) {
    return store.activeSecret(userId).map(secret -> accepts(userId, secret, code)).orElse(false);
  }

  /** Requires (or stops requiring) a second factor of a user, or of everyone when name is null. */
  public void require(String username, boolean required, String by) {
    Long id = username == null ? null : existing(username).id();
    store.require(id, required, by);
  }

  /** Removes a user's second factor (a lost phone); they log in with the password, or enrol. */
  public void reset(String username, String by) {
    User u = existing(username);
    store.record(u.id(), "reset", null, by);
  }

  /** The code for a secret at an instant (for tests and for the enrolment page's own check). */
  public static String code(String secret, Instant at) {
    try {
      return new TimeBasedOneTimePasswordGenerator(STEP, 6)
          .generateOneTimePasswordString(key(secret), at);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean accepts(long userId, String stored, String code) {
    if (code == null) {
      return false;
    }
    String typed = code.replace(" ", "").strip();
    if (!typed.matches("[0-9]{6}")) {
      return false;
    }
    String secret = sealer.get().reveal(stored, FIELD);
    if (secret == null || secret.equals(Sealer.LOCKED) || secret.equals(Sealer.UNREADABLE)) {
      return false;
    }
    long now = clock.instant().getEpochSecond() / STEP.toSeconds();
    for (long step = now - 1; step <= now + 1; step++) {
      String expected;
      try {
        expected =
            totp.generateOneTimePasswordString(
                key(secret), Instant.ofEpochSecond(step * STEP.toSeconds()));
      } catch (InvalidKeyException e) {
        return false;
      }
      if (Secrets.same(expected, typed)) {
        return store.use(userId, step);
      }
    }
    return false;
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(Base32.decode(secret), "HmacSHA1");
  }

  private String seal(String secret) {
    try {
      return sealer.get().seal(secret, FIELD);
    } catch (KeyringException e) {
      throw new AccountException(e.getMessage());
    }
  }

  private User existing(String username) {
    return users
        .find(username == null ? "" : username.strip())
        .orElseThrow(() -> new AccountException("there is no user named " + username));
  }

  private static String uri(String username, String secret) {
    String label =
        URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + ISSUER
        + "&algorithm=SHA1&digits=6&period=30";
  }
}
