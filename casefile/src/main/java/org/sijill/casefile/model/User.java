package org.sijill.casefile.model;

import java.time.Instant;
import org.sijill.casefile.model.Enums.Role;

/**
 * A person who uses Sijill: the current version of the account. The password hash is not part of it
 * (see {@code Users.passwordHash}), so a user record can be shown or logged safely.
 */
public record User(
    long id,
    int version,
    String username,
    String displayName,
    String role,
    boolean active,
    Instant recordedAt,
    String recordedBy) {

  /** The role as the access rules read it. */
  public Role roleValue() {
    return Role.ofDb(role);
  }
}
