package org.sijill.casefile.repo;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Users' TOTP second factors: each change is a new row (pending, active, reset), the latest row of
 * a user is in force. The secret is stored as the caller gives it: sealed, on a case with keys.
 */
public final class SecondFactors {
  private final Jdbi jdbi;

  public SecondFactors(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A user's second factor in force: its state and its secret as stored (null once reset). */
  public record Current(String state, String secret) {}

  public void record(long userId, String state, String secret, String by) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into second_factor (user_id, state, secret, recorded_by) values (:u,"
                        + " :s, :secret, :by)")
                .bind("u", userId)
                .bind("s", state)
                .bind("secret", secret)
                .bind("by", by)
                .execute());
  }

  public Optional<Current> current(long userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select state, secret from second_factor where user_id = :u order by id desc"
                        + " limit 1")
                .bind("u", userId)
                .map((rs, ctx) -> new Current(rs.getString("state"), rs.getString("secret")))
                .findOne());
  }

  /**
   * The secret of the user's second factor in force: the latest confirmed one with no reset after
   * it (a new enrolment that is still pending does not replace it).
   */
  public Optional<String> activeSecret(long userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select secret from second_factor s where user_id = :u and state = 'active'"
                        + " and not exists (select 1 from second_factor r where r.user_id ="
                        + " s.user_id and r.state = 'reset' and r.id > s.id) order by id desc"
                        + " limit 1")
                .bind("u", userId)
                .mapTo(String.class)
                .findOne());
  }

  /** Marks a time step as used by a user; false when it was used already (a replayed code). */
  public boolean use(long userId, long step) {
    try {
      return jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "insert into second_factor_use (user_id, step) values (:u, :s) on"
                              + " conflict do nothing")
                      .bind("u", userId)
                      .bind("s", step)
                      .execute())
          == 1;
    } catch (UnableToExecuteStatementException e) {
      return false;
    }
  }

  /** Records whether a user (null: everyone) must use a second factor. */
  public void require(Long userId, boolean required, String by) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into totp_requirement (user_id, required, recorded_by) values (:u, :r,"
                        + " :by)")
                .bind("u", userId)
                .bind("r", required)
                .bind("by", by)
                .execute());
  }

  /** Whether a user must use a second factor: the user's own latest rule, else everyone's. */
  public boolean required(long userId) {
    return jdbi.withHandle(
        h -> {
          Optional<Boolean> own =
              h.createQuery(
                      "select required from totp_requirement where user_id = :u order by id desc"
                          + " limit 1")
                  .bind("u", userId)
                  .mapTo(Boolean.class)
                  .findOne();
          if (own.isPresent()) {
            return own.get();
          }
          return h.createQuery(
                  "select required from totp_requirement where user_id is null order by id desc"
                      + " limit 1")
              .mapTo(Boolean.class)
              .findOne()
              .orElse(false);
        });
  }

  /** Whether everyone must use a second factor (the case-wide rule). */
  public boolean requiredForEveryone() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select required from totp_requirement where user_id is null order by id desc"
                        + " limit 1")
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
  }
}
