package org.sijill.server;

import java.util.Map;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.accounts.Accounts;

/**
 * The server tests' users: one per role, each with an API token, as the tests' set-ups make them.
 */
final class TestUsers {
  private TestUsers() {}

  /**
   * Adds a user {@code namePrefix-ROLE} (shown as {@code "Shown ROLE"}) for every role with {@code
   * password}, and puts each one's new API token into {@code tokens}.
   */
  static void onePerRole(
      Accounts accounts,
      String namePrefix,
      String shown,
      String password,
      Map<Role, String> tokens) {
    for (Role role : Role.values()) {
      String name = namePrefix + "-" + role.db();
      accounts.addUser().add(name, shown + " " + role.db(), role, password, "test");
      tokens.put(role, accounts.createToken().create(name, null, "test").token());
    }
  }
}
