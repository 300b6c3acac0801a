package org.sijill.workflow.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sijill.casefile.model.Session;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.Sessions;
import org.sijill.casefile.repo.Users;

/** What an admin sees of the accounts: every user and every live session. */
public final class ListAccounts {
  private final Users users;
  private final Sessions sessions;
  private final Clock clock;

  public ListAccounts(Users users, Sessions sessions, Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.clock = clock;
  }

  public List<User> users() {
    return users.all();
  }

  public Optional<User> user(long id) {
    return users.find(id);
  }

  public Optional<User> user(String username) {
    return users.find(username);
  }

  public long count() {
    return users.count();
  }

  public List<Session> liveSessions() {
    return sessions.live(clock.instant());
  }
}
