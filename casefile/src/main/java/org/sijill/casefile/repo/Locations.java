package org.sijill.casefile.repo;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Location;

/** Places: the gazetteer and any place an investigator adds. */
public final class Locations {
  private final Jdbi jdbi;

  public Locations(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What to store for a new place. */
  public record NewLocation(
      String nameAr,
      String nameEn,
      List<String> variants,
      String level,
      Long parentId,
      Double latitude,
      Double longitude,
      Integer precisionM,
      String dataSource) {}

  public long add(NewLocation l, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into location (name_ar, name_en, variants, level, parent_id, latitude,"
                        + " longitude, precision_m, data_source, recorded_by) values (:nameAr,"
                        + " :nameEn, :variants, :level, :parentId, :latitude, :longitude,"
                        + " :precisionM, :dataSource, :by)")
                .bindMethods(l)
                .bindArray("variants", String.class, l.variants())
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<Location> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from location_current where id = :id")
                .bind("id", id)
                .mapTo(Location.class)
                .findOne());
  }

  public List<Location> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from location_current order by level, name_en")
                .mapTo(Location.class)
                .list());
  }

  /** A place by its English or Arabic name or any recorded variant spelling. */
  public Optional<Location> findByName(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from location_current where lower(name_en) = lower(:n) or name_ar ="
                        + " :n or :n = any(variants) order by id limit 1")
                .bind("n", name)
                .mapTo(Location.class)
                .findOne());
  }
}
