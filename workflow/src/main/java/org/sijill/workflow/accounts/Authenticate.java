package org.sijill.workflow.accounts;

import java.time.Clock;
import java.util.Optional;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.Users;

/**
 * Who is behind a session cookie or an API token. Both are checked against the database on every
 * request, so an expired or ended session, an ended or expired token, a disabled account or a
 * changed role takes effect on the next request. One statement per request finds the account behind
 * the cookie or token and what it may see ({@link Users#callerByToken}, {@link
 * Users#callerBySession}).
 */
public final class Authenticate {
  private final Users users;
  private final Clock clock;

  public Authenticate(Users users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  public Optional<Principal> session(String sessionId) {
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
      return Optional.empty();
    }
    return users.callerBySession(Secrets.hash(sessionId), clock.instant()).flatMap(this::active);
  }

  public Optional<Principal> token(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    return users.callerByToken(Secrets.hash(token), clock.instant()).flatMap(this::active);
  }

  /** The principal of a caller whose account is active; nobody for a disabled account. */
  private Optional<Principal> active(Users.Caller c) {
    User u = c.user();
    if (!u.active()) {
      return Optional.empty();
    }
    return Optional.of(
        new Principal(u.id(), u.username(), u.roleValue(), c.sessionId(), c.csrf(), c.access()));
  }
}
