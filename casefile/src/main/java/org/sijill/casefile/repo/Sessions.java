package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Session;

/**
 * Login sessions. Only the hash of a session id is stored; a session ends by expiring or by a row
 * in {@code app_session_end} (logout, an admin, a disabled account), never by deletion.
 */
public final class Sessions {
  private static final String LIVE =
      "select s.id, s.user_id, u.username, s.csrf, s.expires_at, s.recorded_at from app_session s"
          + " join app_user_current u on u.id = s.user_id where s.expires_at > :now and not exists"
          + " (select 1 from app_session_end e where e.session_id = s.id)";

  private final Jdbi jdbi;

  public Sessions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long open(long userId, String idHash, String csrf, Instant expiresAt, String remote) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into app_session (id_hash, user_id, csrf, expires_at, remote) values"
                        + " (:h, :u, :c, :e, :r)")
                .bind("h", idHash)
                .bind("u", userId)
                .bind("c", csrf)
                .bind("e", expiresAt)
                .bind("r", remote)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The live session whose id hashes to {@code idHash}. */
  public Optional<Session> findLive(String idHash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(LIVE + " and s.id_hash = :h")
                .bind("h", idHash)
                .bind("now", now)
                .mapTo(Session.class)
                .findOne());
  }

  /** Every live session, newest first (the admin page). */
  public List<Session> live(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(LIVE + " order by s.recorded_at desc")
                .bind("now", now)
                .mapTo(Session.class)
                .list());
  }

  /** Ends one session; ending an ended session does nothing. */
  public void end(long sessionId, String reason, String by) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into app_session_end (session_id, reason, recorded_by) values (:s,"
                        + " :reason, :by) on conflict do nothing")
                .bind("s", sessionId)
                .bind("reason", reason)
                .bind("by", by)
                .execute());
  }

  /** Ends every session of a user; returns how many were open. */
  public int endAll(long userId, String reason, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into app_session_end (session_id, reason, recorded_by) select s.id,"
                        + " :reason, :by from app_session s where s.user_id = :u and not exists"
                        + " (select 1 from app_session_end e where e.session_id = s.id) on"
                        + " conflict do nothing")
                .bind("u", userId)
                .bind("reason", reason)
                .bind("by", by)
                .execute());
  }
}
