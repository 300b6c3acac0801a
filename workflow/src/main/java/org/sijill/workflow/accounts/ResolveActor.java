package org.sijill.workflow.accounts;

import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.Users;

/**
 * Who the command line records as making a change. {@code --as NAME} must name an existing, active
 * user; without it, the operating-system login is recorded, marked {@code os:} so nobody mistakes
 * it for an account that was checked.
 */
public final class ResolveActor {
  private final Users users;

  public ResolveActor(Users users) {
    this.users = users;
  }

  /**
   * @param as the {@code --as} value, or null
   * @param osUser the operating-system login name
   */
  public String resolve(String as, String osUser) {
    if (as == null || as.isBlank()) {
      return "os:" + (osUser == null || osUser.isBlank() ? "unknown" : osUser);
    }
    User u =
        users
            .find(as.strip())
            .orElseThrow(
                () ->
                    new AccountException(
                        "--as " + as + ": there is no such user (see 'sijill user list')"));
    if (!u.active()) {
      throw new AccountException("--as " + as + ": this account is disabled");
    }
    return u.username();
  }

  /**
   * Whether {@code actor} (as {@link #resolve} returned it) is an active administrator: an
   * operating-system login ({@code os:NAME}) never is.
   */
  public boolean isAdmin(String actor) {
    if (actor == null || actor.startsWith("os:")) {
      return false;
    }
    return users
        .find(actor)
        .filter(User::active)
        .map(u -> u.roleValue() == org.sijill.casefile.model.Enums.Role.ADMIN)
        .orElse(false);
  }
}
