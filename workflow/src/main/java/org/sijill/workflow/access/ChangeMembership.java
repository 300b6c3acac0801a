package org.sijill.workflow.access;

import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.AccessGroups;
import org.sijill.casefile.repo.Users;

/**
 * Puts a user into a group or takes them out. Either is a new fact of record; the earlier ones
 * stay, so who could see a restricted item when can be answered later.
 */
public final class ChangeMembership {
  private final AccessGroups groups;
  private final Users users;

  public ChangeMembership(AccessGroups groups, Users users) {
    this.groups = groups;
    this.users = users;
  }

  /** Adds {@code username} to {@code group}. */
  public void add(String group, String username, String by) {
    change(group, username, true, by);
  }

  /** Removes {@code username} from {@code group}; they no longer see its items. */
  public void remove(String group, String username, String by) {
    change(group, username, false, by);
  }

  private void change(String group, String username, boolean in, String by) {
    AccessGroups.Group g = Groups.named(groups, group);
    User u =
        users
            .find(username == null ? "" : username.strip())
            .orElseThrow(() -> new GroupException("there is no user '" + username + "'"));
    boolean now = groups.members(g.id()).contains(u.id());
    if (now == in) {
      throw new GroupException(
          u.username() + (in ? " is already in " : " is not in ") + "the group '" + g.name() + "'");
    }
    groups.setMember(g.id(), u.id(), in, by);
  }
}
