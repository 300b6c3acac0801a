package org.sijill.casefile.repo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Incident;

/** Incidents. Each correction is a new version; {@link #history} shows them all. */
public final class Incidents {
  private final Jdbi jdbi;

  public Incidents(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What to store for a new incident. */
  public record NewIncident(
      String titleAr,
      String titleEn,
      String type,
      String description,
      LocalDate startDate,
      String startPrecision,
      LocalDate endDate,
      String endPrecision,
      Long locationId,
      Integer casualtiesBest,
      Integer casualtiesLow,
      Integer casualtiesHigh,
      String status) {}

  private static final String COLUMNS =
      "title_ar, title_en, type, description, start_date, start_precision, end_date,"
          + " end_precision, location_id, casualties_best, casualties_low, casualties_high,"
          + " status";
  private static final String VALUES =
      ":titleAr, :titleEn, :type, :description, :startDate, :startPrecision, :endDate,"
          + " :endPrecision, :locationId, :casualtiesBest, :casualtiesLow, :casualtiesHigh,"
          + " :status";

  public long add(NewIncident i, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into incident ("
                        + COLUMNS
                        + ", recorded_by) values ("
                        + VALUES
                        + ", :by)")
                .bindMethods(i)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Records a corrected version of incident {@code id}, saying who and why. */
  public int correct(long id, NewIncident i, String by, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a correction needs a reason");
    }
    return jdbi.inTransaction(
        h -> {
          h.execute("select pg_advisory_xact_lock(hashtext('incident'), ?::int)", id);
          int next =
              h.createQuery("select max(version) + 1 from incident where id = :id")
                  .bind("id", id)
                  .mapTo(Integer.class)
                  .findOne()
                  .filter(v -> v != null)
                  .orElseThrow(() -> new IllegalArgumentException("no incident " + id));
          h.createUpdate(
                  "insert into incident (id, version, "
                      + COLUMNS
                      + ", recorded_by, reason) values (:id, :version, "
                      + VALUES
                      + ", :by, :reason)")
              .bindMethods(i)
              .bind("id", id)
              .bind("version", next)
              .bind("by", by)
              .bind("reason", reason)
              .execute();
          return next;
        });
  }

  public Optional<Incident> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from incident_current where id = :id")
                .bind("id", id)
                .mapTo(Incident.class)
                .findOne());
  }

  public List<Incident> history(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from incident where id = :id order by version")
                .bind("id", id)
                .mapTo(Incident.class)
                .list());
  }

  /** Incidents, newest start date first. */
  public Page<Incident> list(int page, int size) {
    int[] p = Page.clamp(page, size);
    return jdbi.withHandle(
        h -> {
          long total =
              h.createQuery("select count(*) from incident_current").mapTo(Long.class).one();
          List<Incident> items =
              h.createQuery(
                      "select * from incident_current order by start_date desc nulls last, id"
                          + " limit :limit offset :offset")
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .mapTo(Incident.class)
                  .list();
          return new Page<>(items, p[0], p[1], total);
        });
  }

  public List<Incident> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from incident_current order by start_date, id")
                .mapTo(Incident.class)
                .list());
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("select count(*) from incident_current").mapTo(Long.class).one());
  }

  /**
   * Which incidents to list; every field may be null (no condition).
   *
   * @param placeId incidents at this place or at any place inside it (a governorate's towns)
   * @param from incidents that end on or after this day
   * @param to incidents that start on or before this day
   * @param grade incidents whose grade in force (their current assessment) is this one
   * @param actorId incidents attributed to this actor in any role
   * @param hidden incidents never to list (restricted ones the asker may not see, when the filter
   *     would tell something of them)
   */
  public record Filter(
      Long placeId,
      LocalDate from,
      LocalDate to,
      String grade,
      Long actorId,
      java.util.Set<Long> hidden) {
    public static final Filter NONE = new Filter(null, null, null, null, null, java.util.Set.of());

    public Filter {
      hidden = hidden == null ? java.util.Set.of() : java.util.Set.copyOf(hidden);
    }

    /** A filter that hides nothing. */
    public Filter(Long placeId, LocalDate from, LocalDate to, String grade, Long actorId) {
      this(placeId, from, to, grade, actorId, java.util.Set.of());
    }
  }

  private static final String FILTERED =
      "with recursive inside(id) as (select cast(:place as bigint) where cast(:place as bigint) is not null"
          + " union select l.id from location_current l join inside on l.parent_id = inside.id)"
          + " select i.* from incident_current i where (cast(:place as bigint) is null or i.location_id in"
          + " (select id from inside)) and (cast(:from as date) is null or"
          + " coalesce(i.end_date, i.start_date) >= cast(:from as date)) and (cast(:to as date) is null or"
          + " i.start_date <= cast(:to as date)) and (cast(:grade as text) is null or cast(:grade as text) = (select a.grade"
          + " from assessment a where a.target_type = 'incident' and a.target_id = i.id and not"
          + " exists (select 1 from assessment n where n.supersedes = a.id) order by"
          + " a.recorded_at desc, a.id desc limit 1)) and (cast(:actor as bigint) is null or"
          + " exists (select 1 from attribution_current t where t.incident_id = i.id and"
          + " t.actor_id = cast(:actor as bigint) and not exists (select 1 from link_withdrawal w"
          + " where w.kind = 'attribution' and w.link_id = t.id))) and not (i.id = any(:hidden))";

  /** The incidents that pass {@code filter}, newest start date first. */
  public Page<Incident> search(Filter filter, int page, int size) {
    int[] p = Page.clamp(page, size);
    return jdbi.withHandle(
        h -> {
          long total =
              h.createQuery("select count(*) from (" + FILTERED + ") f")
                  .bindMethods(binding(filter))
                  .bindArray("hidden", Long.class, filter.hidden())
                  .mapTo(Long.class)
                  .one();
          List<Incident> items =
              h.createQuery(
                      FILTERED
                          + " order by i.start_date desc nulls last, i.id limit :limit offset"
                          + " :offset")
                  .bindMethods(binding(filter))
                  .bindArray("hidden", Long.class, filter.hidden())
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .mapTo(Incident.class)
                  .list();
          return new Page<>(items, p[0], p[1], total);
        });
  }

  /** Every incident that passes {@code filter} (for the map and the timeline), oldest first. */
  public List<Incident> all(Filter filter) {
    return jdbi.withHandle(
        h ->
            h.createQuery(FILTERED + " order by i.start_date nulls last, i.id")
                .bindMethods(binding(filter))
                .bindArray("hidden", Long.class, filter.hidden())
                .mapTo(Incident.class)
                .list());
  }

  /** The filter's values under the names {@link #FILTERED} uses. */
  public record Binding(Long place, LocalDate from, LocalDate to, String grade, Long actor) {}

  private static Binding binding(Filter f) {
    return new Binding(f.placeId(), f.from(), f.to(), f.grade(), f.actorId());
  }
}
