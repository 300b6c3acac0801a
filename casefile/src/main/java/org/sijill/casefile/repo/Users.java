package org.sijill.casefile.repo;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.User;

/** People who use Sijill. Access control comes later; roles are recorded from the start. */
public final class Users {
  private final Jdbi jdbi;

  public Users(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long add(String username, String displayName, Role role, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into app_user (username, display_name, role, recorded_by) values (:u,"
                        + " :d, :r, :by)")
                .bind("u", username)
                .bind("d", displayName)
                .bind("r", role.db())
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<User> find(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from app_user_current where username = :u")
                .bind("u", username)
                .mapTo(User.class)
                .findOne());
  }
}
