package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.ApiToken;

/** API tokens, stored as the SHA-256 of the token; a token ends by expiring or by an end row. */
public final class ApiTokens {
  private final Jdbi jdbi;

  public ApiTokens(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores a token's hash; {@code expiresAt} null means it never expires. */
  public long add(long userId, String tokenHash, Instant expiresAt, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into api_token (token_hash, user_id, expires_at, recorded_by) values"
                        + " (:h, :u, :e, :by)")
                .bind("h", tokenHash)
                .bind("u", userId)
                .bind("e", expiresAt)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The live token whose hash is {@code tokenHash}: not expired at {@code now}, not ended. */
  public Optional<ApiToken> findLive(String tokenHash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, user_id, expires_at, recorded_at from api_token t where"
                        + " token_hash = :h and (expires_at is null or expires_at > :now) and not"
                        + " exists (select 1 from api_token_end e where e.token_id = t.id)")
                .bind("h", tokenHash)
                .bind("now", now)
                .mapTo(ApiToken.class)
                .findOne());
  }

  /** Ends a token; ending an ended token does nothing. */
  public void end(long tokenId, String reason, String by) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into api_token_end (token_id, reason, recorded_by) values (:t,"
                        + " :reason, :by) on conflict do nothing")
                .bind("t", tokenId)
                .bind("reason", reason)
                .bind("by", by)
                .execute());
  }
}
