package org.sijill.workflow.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.ApiTokens;
import org.sijill.casefile.repo.Users;

/**
 * Creates an API token for a user. The token is returned once and stored only as its SHA-256; it
 * carries the user's role at the time of each request, not at creation.
 */
public final class CreateToken {
  public static final int MAX_DAYS = 3650;

  private final Users users;
  private final ApiTokens tokens;
  private final Clock clock;

  public CreateToken(Users users, ApiTokens tokens, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
  }

  public record Created(long id, String token, Instant expiresAt) {}

  /**
   * @param days how long the token lives, or null for a token without expiry
   */
  public Created create(String username, Integer days, String by) {
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw new AccountException("--expires takes 1 to " + MAX_DAYS + " days");
    }
    User u =
        users
            .find(username)
            .filter(User::active)
            .orElseThrow(() -> new AccountException("there is no active user named " + username));
    String token = Secrets.random();
    Instant expires = days == null ? null : clock.instant().plus(Duration.ofDays(days));
    long id = tokens.add(u.id(), Secrets.hash(token), expires, by);
    return new Created(id, token, expires);
  }
}
