package org.sijill.casefile.repo;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.PersonLink;

/**
 * Unique persons and the links of victim records to them. A changed decision (a reviewer splits two
 * records the linker had merged) is a new link that supersedes the old.
 */
public final class Persons {
  private final Jdbi jdbi;

  public Persons(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long add(String displayName, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("insert into person (display_name, recorded_by) values (:n, :by)")
                .bind("n", displayName)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Links a record to a person. {@code decidedBy} is "automatic" for the linker, else the
   * reviewer's user name; {@code supersedes} the link this one replaces, if any.
   */
  public long link(long victimId, long personId, Double score, String decidedBy, Long supersedes) {
    String method = "automatic".equals(decidedBy) ? "automatic" : "reviewer";
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into person_link (victim_id, person_id, score, decided_by, method,"
                        + " supersedes, recorded_by) values (:v, :p, :s, :d, :m, :sup, :d)")
                .bind("v", victimId)
                .bind("p", personId)
                .bind("s", score)
                .bind("d", decidedBy)
                .bind("m", method)
                .bind("sup", supersedes)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The links in force for a person's records. */
  public List<PersonLink> currentLinks(long personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from person_link_current where person_id = :p order by id")
                .bind("p", personId)
                .mapTo(PersonLink.class)
                .list());
  }

  /** The number of distinct persons that current links point at. */
  public long countLinkedPersons() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(distinct person_id) from person_link_current")
                .mapTo(Long.class)
                .one());
  }
}
