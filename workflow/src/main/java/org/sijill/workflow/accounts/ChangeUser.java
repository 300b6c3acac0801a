package org.sijill.workflow.accounts;

import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.Sessions;
import org.sijill.casefile.repo.Users;

/**
 * Changes an account: its role, its password, or disables it. Each change is a new version of the
 * account; disabling it, or changing its role or password, also ends its open sessions so the
 * change takes effect at once.
 */
public final class ChangeUser {
  private final Users users;
  private final Sessions sessions;
  private final Passwords passwords;

  public ChangeUser(Users users, Sessions sessions, Passwords passwords) {
    this.users = users;
    this.sessions = sessions;
    this.passwords = passwords;
  }

  public User role(String username, Role role, String by) {
    User u = existing(username);
    users.revise(u.id(), role, u.active(), hash(u), by, "role " + role.db());
    sessions.endAll(u.id(), "role changed", by);
    return users.find(u.id()).orElseThrow();
  }

  public User disable(String username, String by) {
    User u = existing(username);
    users.revise(u.id(), u.roleValue(), false, hash(u), by, "disabled");
    sessions.endAll(u.id(), "account disabled", by);
    return users.find(u.id()).orElseThrow();
  }

  public User password(String username, String password, String by) {
    String weak = Passwords.weakness(password);
    if (weak != null) {
      throw new AccountException(weak);
    }
    User u = existing(username);
    users.revise(u.id(), u.roleValue(), u.active(), passwords.hash(password), by, "password");
    sessions.endAll(u.id(), "password changed", by);
    return users.find(u.id()).orElseThrow();
  }

  /** Ends every open session of a user (an admin's "log out everywhere"); returns how many. */
  public int endSessions(String username, String by) {
    return sessions.endAll(existing(username).id(), "ended by " + by, by);
  }

  private User existing(String username) {
    return users
        .find(username)
        .orElseThrow(() -> new AccountException("there is no user named " + username));
  }

  private String hash(User u) {
    return users.passwordHash(u.id()).orElse(null);
  }
}
