package org.sijill.casefile.repo;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Every login attempt, kept as a fact of record: the lockout counts the recent failures. */
public final class LoginAttempts {
  private final Jdbi jdbi;

  public LoginAttempts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void record(String username, boolean succeeded, String remote) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into login_attempt (username, succeeded, remote) values (:u, :s, :r)")
                .bind("u", username)
                .bind("s", succeeded)
                .bind("r", remote)
                .execute());
  }

  /** Failed attempts for a name since {@code since} and since its last successful login. */
  public int recentFailures(String username, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select count(*) from login_attempt where username = :u and not succeeded and"
                        + " recorded_at > :since and recorded_at > coalesce((select"
                        + " max(recorded_at) from login_attempt where username = :u and"
                        + " succeeded), '-infinity')")
                .bind("u", username)
                .bind("since", since)
                .mapTo(Integer.class)
                .one());
  }
}
