package org.sijill.casefile.repo;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Actor;

/** Forces, groups, units and persons that incidents may be attributed to. */
public final class Actors {
  private final Jdbi jdbi;

  public Actors(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records a new actor; at least one of the names is required (the caller checks). */
  public long add(String nameAr, String nameEn, String kind, String notes, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into actor (name_ar, name_en, kind, notes, recorded_by) values"
                        + " (:ar, :en, :kind, :notes, :by)")
                .bind("ar", nameAr)
                .bind("en", nameEn)
                .bind("kind", kind)
                .bind("notes", notes)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<Actor> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from actor_current where id = :id")
                .bind("id", id)
                .mapTo(Actor.class)
                .findOne());
  }

  /** An actor by its English name (any case) or its Arabic name, exactly. */
  public Optional<Actor> findByName(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from actor_current where lower(name_en) = lower(:n) or name_ar = :n"
                        + " order by id limit 1")
                .bind("n", name.strip())
                .mapTo(Actor.class)
                .findOne());
  }

  /** Every actor, by name. */
  public List<Actor> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from actor_current order by coalesce(name_en, name_ar), id")
                .mapTo(Actor.class)
                .list());
  }
}
