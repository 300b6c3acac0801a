package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.sijill.casefile.model.AuditEvent;

/**
 * The audit trail (table {@code audit_event}): appended to, never changed; read newest first with
 * optional filters.
 */
public final class AuditEvents {
  private static final RowMapper<AuditEvent> ROW =
      (rs, ctx) ->
          new AuditEvent(
              rs.getLong("id"),
              rs.getString("kind"),
              rs.getString("actor"),
              rs.getString("action"),
              rs.getString("item_type"),
              rs.getString("item_id"),
              rs.getString("remote"),
              rs.getString("detail"),
              rs.getTimestamp("recorded_at").toInstant());

  private final Jdbi jdbi;

  public AuditEvents(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A row to append; {@code detail} as it is to be stored (already sealed where needed). */
  public record NewEvent(
      String kind,
      String actor,
      String action,
      String itemType,
      String itemId,
      String remote,
      String detail) {}

  public long record(NewEvent e) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into audit_event (kind, actor, action, item_type, item_id, remote,"
                        + " detail) values (:kind, :actor, :action, :itemType, :itemId, :remote,"
                        + " :detail)")
                .bindMethods(e)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** A refused login or API token as the throttle counts it: the name tried, the address, when. */
  public record Failure(String actor, String remote, Instant at) {}

  /**
   * The refused logins and API tokens recorded since {@code from}, oldest first: what a throttle
   * counts, so that a restart does not forget them.
   */
  public List<Failure> failuresSince(Instant from) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select actor, remote, recorded_at from audit_event where kind ="
                        + " 'login_failed' and recorded_at > :from order by recorded_at, id")
                .bind("from", from)
                .map(
                    (rs, ctx) ->
                        new Failure(
                            rs.getString("actor"),
                            rs.getString("remote"),
                            rs.getTimestamp("recorded_at").toInstant()))
                .list());
  }

  /**
   * Which rows to list; a null field does not filter. {@code itemType} and {@code itemId} match
   * exactly; {@code from} is inclusive, {@code to} exclusive.
   */
  public record Filter(
      String actor, String kind, String itemType, String itemId, Instant from, Instant to) {
    public static final Filter ALL = new Filter(null, null, null, null, null, null);
  }

  /** One page of the rows that match, newest first. */
  public Page<AuditEvent> list(Filter f, int page, int size) {
    int[] p = Page.clamp(page, size);
    List<String> where = new ArrayList<>();
    Map<String, Object> binds = new LinkedHashMap<>();
    add(where, binds, "actor = :actor", "actor", f.actor());
    add(where, binds, "kind = :kind", "kind", f.kind());
    add(where, binds, "item_type = :itemType", "itemType", f.itemType());
    add(where, binds, "item_id = :itemId", "itemId", f.itemId());
    add(where, binds, "recorded_at >= :from", "from", f.from());
    add(where, binds, "recorded_at < :to", "to", f.to());
    String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    return jdbi.withHandle(
        h -> {
          long total =
              h.createQuery("select count(*) from audit_event" + clause)
                  .bindMap(binds)
                  .mapTo(Long.class)
                  .one();
          List<AuditEvent> items =
              h.createQuery(
                      "select * from audit_event"
                          + clause
                          + " order by id desc limit :limit offset :offset")
                  .bindMap(binds)
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .map(ROW)
                  .list();
          return new Page<>(items, p[0], p[1], total);
        });
  }

  private static void add(
      List<String> where, Map<String, Object> binds, String sql, String name, Object value) {
    if (value != null) {
      where.add(sql);
      binds.put(name, value);
    }
  }
}
