package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.User;

/**
 * People who use Sijill. An account is a versioned entity: a new role, a new password or a disabled
 * account is a new version with who and why; earlier versions stay.
 */
public final class Users {
  private final Jdbi jdbi;

  public Users(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Adds an account without a password (it cannot log in until one is set). */
  public long add(String username, String displayName, Role role, String by) {
    return add(username, displayName, role, null, by);
  }

  /**
   * Adds an account. The caller checks that the name is free ({@link #find}); the database refuses
   * a second version 1 of the same name anyway.
   */
  public long add(String username, String displayName, Role role, String passwordHash, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into app_user (username, display_name, role, password_hash,"
                        + " recorded_by) values (:u, :d, :r, :p, :by)")
                .bind("u", username)
                .bind("d", displayName)
                .bind("r", role.db())
                .bind("p", passwordHash)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Records a new version of an account with the given role, state and password hash (pass the
   * current hash to keep it).
   */
  public void revise(
      long id, Role role, boolean active, String passwordHash, String by, String reason) {
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    "insert into app_user (id, version, username, display_name, role, active,"
                        + " password_hash, recorded_by, reason) select id, version + 1, username,"
                        + " display_name, :r, :a, :p, :by, :reason from app_user_current where id"
                        + " = :id")
                .bind("id", id)
                .bind("r", role.db())
                .bind("a", active)
                .bind("p", passwordHash)
                .bind("by", by)
                .bind("reason", reason)
                .execute());
  }

  public Optional<User> find(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from app_user_current where username = :u")
                .bind("u", username)
                .mapTo(User.class)
                .findOne());
  }

  /**
   * Who is behind a live API token or session: the account's current version, the session's id and
   * CSRF token (null for a token), and what the account may see ({@link AccessGroups#viewerState})
   * — read in one statement, so a request spends one round trip on who is asking.
   */
  public record Caller(User user, Long sessionId, String csrf, AccessGroups.ViewerState access) {}

  private static final String CALLER_USER =
      "u.id, u.version, u.username, u.display_name, u.role, u.active, u.recorded_at,"
          + " u.recorded_by";

  /**
   * The caller behind the API token whose hash is {@code tokenHash}: not expired at {@code now},
   * not ended (as {@link ApiTokens#findLive}); the account may be disabled (the caller checks).
   */
  public Optional<Caller> callerByToken(String tokenHash, Instant now) {
    return caller(
        "select "
            + CALLER_USER
            + ", null::bigint as session_id, null as csrf, "
            + AccessGroups.viewerColumns("u.id")
            + " from api_token t join app_user_current u on u.id = t.user_id where t.token_hash ="
            + " :h and (t.expires_at is null or t.expires_at > :now) and not exists (select 1"
            + " from api_token_end e where e.token_id = t.id)",
        tokenHash,
        now);
  }

  /**
   * The caller behind the session whose id hashes to {@code idHash}: not expired at {@code now},
   * not ended (as {@link Sessions#findLive}); the account may be disabled (the caller checks).
   */
  public Optional<Caller> callerBySession(String idHash, Instant now) {
    return caller(
        "select "
            + CALLER_USER
            + ", s.id as session_id, s.csrf, "
            + AccessGroups.viewerColumns("u.id")
            + " from app_session s join app_user_current u on u.id = s.user_id where s.id_hash ="
            + " :h and s.expires_at > :now and not exists (select 1 from app_session_end e where"
            + " e.session_id = s.id)",
        idHash,
        now);
  }

  private Optional<Caller> caller(String sql, String hash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(sql)
                .bind("h", hash)
                .bind("now", now)
                .map(
                    (rs, ctx) -> {
                      User u = ctx.findRowMapperFor(User.class).orElseThrow().map(rs, ctx);
                      long session = rs.getLong("session_id");
                      Long sessionId = rs.wasNull() ? null : session;
                      return new Caller(
                          u, sessionId, rs.getString("csrf"), AccessGroups.viewerState(rs));
                    })
                .findOne());
  }

  public Optional<User> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from app_user_current where id = :id")
                .bind("id", id)
                .mapTo(User.class)
                .findOne());
  }

  /** Every account, by name. */
  public List<User> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from app_user_current order by username")
                .mapTo(User.class)
                .list());
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("select count(*) from app_user_current").mapTo(Long.class).one());
  }

  /** The stored Argon2id hash of the current version, when the account has a password. */
  public Optional<String> passwordHash(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select password_hash from app_user_current where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
  }
}
