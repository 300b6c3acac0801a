package org.sijill.workflow.accounts;

import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.repo.Users;

/**
 * The first administrator of a case with no users. The server creates one of these at start and
 * prints a link holding its secret; whoever opens the link (someone with access to the server's
 * console) creates the first admin. The secret works once, and not at all once any user exists.
 */
public final class FirstAdmin {
  private final Users users;
  private final AddUser addUser;
  private final String secret = Secrets.random();
  private boolean used;

  public FirstAdmin(Users users, AddUser addUser) {
    this.users = users;
    this.addUser = addUser;
  }

  /** The secret to print in the link; only meaningful while {@link #open()}. */
  public String secret() {
    return secret;
  }

  /** True while the case has no users and the link has not been used. */
  public synchronized boolean open() {
    return !used && users.count() == 0;
  }

  /** True when {@code candidate} is this link's secret and the link is still open. */
  public boolean accepts(String candidate) {
    return Secrets.same(secret, candidate) && open();
  }

  /**
   * Creates the first admin.
   *
   * @throws AccountException when the secret is wrong, the link used, or the input invalid
   */
  public synchronized AddUser.Added create(
      String candidate, String username, String displayName, String password) {
    if (!accepts(candidate)) {
      throw new AccountException("this setup link is not valid (any more)");
    }
    AddUser.Added added =
        addUser.add(username, displayName, Role.ADMIN, password, "setup:" + username);
    used = true;
    return added;
  }
}
