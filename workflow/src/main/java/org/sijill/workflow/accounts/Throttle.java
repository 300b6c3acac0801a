package org.sijill.workflow.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sijill.casefile.repo.AuditEvents;

/**
 * Slows down guessing from one address, or against one account, beyond the lockout of {@link
 * Login}: after {@code perAddress} failures from an address, or {@code perAccount} failures for an
 * account name, within {@code window}, further attempts are refused outright (HTTP 429) until the
 * oldest of those failures leaves the window. Failures are logins with a wrong password or code and
 * API calls with an unknown token.
 *
 * <p>Counted in memory for speed, but every failure it counts is also in the audit trail, and a new
 * throttle is filled from there ({@link #recall}): a restart of the server forgets nothing. The
 * per-account limit is above the lockout's, so a locked account still answers "wrong or locked" a
 * few times before it answers 429, and the lockout's message gives nothing away.
 */
public final class Throttle {
  public static final int PER_ADDRESS = 30;
  public static final int PER_ACCOUNT = 10;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final int perAddress;
  private final int perAccount;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public Throttle(Clock clock, int perAddress, int perAccount, Duration window) {
    this.clock = clock;
    this.perAddress = perAddress;
    this.perAccount = perAccount;
    this.window = window;
  }

  /** The default limits. */
  public static Throttle standard(Clock clock) {
    return new Throttle(clock, PER_ADDRESS, PER_ACCOUNT, WINDOW);
  }

  /**
   * How long the caller must wait before trying again, or empty when it may try now.
   *
   * @param address the client's address (null: not limited by address)
   * @param account the account name tried (null: not limited by account)
   */
  public synchronized Optional<Duration> retryAfter(String address, String account) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    if (address != null) {
      wait = max(wait, waitFor("a:" + address, perAddress, now));
    }
    if (account != null) {
      wait = max(wait, waitFor("u:" + account, perAccount, now));
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Counts one failure against the address and the account. */
  public synchronized void failed(String address, String account) {
    failedAt(address, account, clock.instant());
  }

  /**
   * Counts the failures recorded in the audit trail within the window, oldest first (a login's name
   * as typed; an unknown API token, recorded as {@code (token)}, counts against its address only):
   * call once, on a new throttle, before any request is served.
   */
  public synchronized void recall(java.util.List<AuditEvents.Failure> recorded) {
    Instant cutoff = clock.instant().minus(window);
    for (AuditEvents.Failure f : recorded) {
      if (f.at().isAfter(cutoff)) {
        failedAt(f.remote(), TOKEN.equals(f.actor()) ? null : f.actor(), f.at());
      }
    }
  }

  /** The name the audit trail records for a refused API token. */
  static final String TOKEN = "(token)";

  private void failedAt(String address, String account, Instant now) {
    if (failures.size() > MAX_KEYS) {
      failures.values().removeIf(d -> prune(d, now).isEmpty());
    }
    if (address != null) {
      failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
    }
    if (account != null) {
      failures.computeIfAbsent("u:" + account, k -> new ArrayDeque<>()).addLast(now);
    }
  }

  private Duration waitFor(String key, int limit, Instant now) {
    Deque<Instant> d = failures.get(key);
    if (d == null || prune(d, now).size() < limit) {
      return Duration.ZERO;
    }
    // Free again when enough of the failures have left the window.
    Instant[] times = d.toArray(new Instant[0]);
    Instant freeAt = times[times.length - limit].plus(window);
    Duration wait = Duration.between(now, freeAt);
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }

  private Deque<Instant> prune(Deque<Instant> d, Instant now) {
    Instant cutoff = now.minus(window);
    while (!d.isEmpty() && !d.peekFirst().isAfter(cutoff)) {
      d.removeFirst();
    }
    return d;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
