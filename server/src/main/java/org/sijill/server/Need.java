package org.sijill.server;

import org.sijill.casefile.model.Enums.Role;

/** What a route asks of the person calling it: nothing, or at least a role. */
enum Need {
  /** Anyone, logged in or not, on any case: the login and first-admin pages only. */
  PUBLIC(null),
  VIEWER(Role.VIEWER),
  ANALYST(Role.ANALYST),
  REVIEWER(Role.REVIEWER),
  ADMIN(Role.ADMIN);

  final Role role;

  Need(Role role) {
    this.role = role;
  }
}
