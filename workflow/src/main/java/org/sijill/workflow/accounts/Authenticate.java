package org.sijill.workflow.accounts;

import java.time.Clock;
import java.util.Optional;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.ApiTokens;
import org.sijill.casefile.repo.Sessions;
import org.sijill.casefile.repo.Users;

/**
 * Who is behind a session cookie or an API token. Both are checked against the database on every
 * request, so an expired or ended session, an ended or expired token, a disabled account or a
 * changed role takes effect on the next request.
 */
public final class Authenticate {
  private final Users users;
  private final Sessions sessions;
  private final ApiTokens tokens;
  private final Clock clock;

  public Authenticate(Users users, Sessions sessions, ApiTokens tokens, Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.clock = clock;
  }

  public Optional<Principal> session(String sessionId) {
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
      return Optional.empty();
    }
    return sessions
        .findLive(Secrets.hash(sessionId), clock.instant())
        .flatMap(
            s ->
                activeUser(s.userId())
                    .map(
                        u -> new Principal(u.id(), u.username(), u.roleValue(), s.id(), s.csrf())));
  }

  public Optional<Principal> token(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    return tokens
        .findLive(Secrets.hash(token), clock.instant())
        .flatMap(
            t ->
                activeUser(t.userId())
                    .map(u -> new Principal(u.id(), u.username(), u.roleValue(), null, null)));
  }

  private Optional<User> activeUser(long id) {
    return users.find(id).filter(User::active);
  }
}
