package org.sijill.workflow.accounts;

import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.repo.Users;

/** Adds an account with a role and a password (hashed with Argon2id before it is stored). */
public final class AddUser {
  private final Users users;
  private final Passwords passwords;

  public AddUser(Users users, Passwords passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  public record Added(long id, String username, Role role) {}

  /**
   * @throws AccountException when the name is invalid or taken, or the password too weak
   */
  public Added add(String username, String displayName, Role role, String password, String by) {
    String problem = UserNames.problem(username);
    if (problem == null) {
      problem = Passwords.weakness(password);
    }
    if (problem != null) {
      throw new AccountException(problem);
    }
    if (users.find(username).isPresent()) {
      throw new AccountException("there is already a user named " + username);
    }
    String display = displayName == null || displayName.isBlank() ? null : displayName.strip();
    if (display != null && display.length() > 200) {
      throw new AccountException("a display name has at most 200 characters");
    }
    long id = users.add(username, display, role, passwords.hash(password), by);
    return new Added(id, username, role);
  }
}
