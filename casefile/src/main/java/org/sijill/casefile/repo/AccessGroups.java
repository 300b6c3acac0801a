package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Access groups, their members and the items restricted to them. Nothing is changed in place: a
 * member removed is a new row that says so, and the newest row of a (group, user) pair decides.
 * Which rows a person may see is decided elsewhere (the workflow's {@code Visibility}); this class
 * only stores and reads the facts.
 */
public final class AccessGroups {
  private final Jdbi jdbi;

  public AccessGroups(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A named group of users who may see the items restricted to it. */
  public record Group(long id, String name, Instant recordedAt, String recordedBy) {}

  /** One item (type and id) restricted to one group. */
  public record Restriction(
      long id, String itemType, long itemId, long groupId, String groupName) {}

  /** Creates a group; the caller checks that the name is free (the database refuses it anyway). */
  public long create(String name, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("insert into access_group (name, recorded_by) values (:n, :by)")
                .bind("n", name)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<Group> find(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, name, recorded_at, recorded_by from access_group where name = :n")
                .bind("n", name)
                .map(
                    (rs, ctx) ->
                        new Group(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by")))
                .findOne());
  }

  /** Every group, by name. */
  public List<Group> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, name, recorded_at, recorded_by from access_group order by name, id")
                .map(
                    (rs, ctx) ->
                        new Group(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by")))
                .list());
  }

  /** Records that {@code userId} is now in (or, with {@code member} false, out of) the group. */
  public void setMember(long groupId, long userId, boolean member, String by) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into access_group_member (group_id, user_id, member, recorded_by)"
                        + " values (:g, :u, :m, :by)")
                .bind("g", groupId)
                .bind("u", userId)
                .bind("m", member)
                .bind("by", by)
                .execute());
  }

  /** The ids of the users currently in a group. */
  public List<Long> members(long groupId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select user_id from access_group_member_current where group_id = :g"
                        + " order by user_id")
                .bind("g", groupId)
                .mapTo(Long.class)
                .list());
  }

  /** The ids of the groups a user is currently in. */
  public List<Long> groupsOf(long userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select group_id from access_group_member_current where user_id = :u"
                        + " order by group_id")
                .bind("u", userId)
                .mapTo(Long.class)
                .list());
  }

  /**
   * Restricts an item to a group; restricting it again while a restriction to that group is in
   * force changes nothing (after a lift it is a new restriction).
   *
   * @return true when the restriction is new
   */
  public boolean restrict(String itemType, long itemId, long groupId, String by) {
    return jdbi.inTransaction(
            h -> {
              lockItem(h, itemType, itemId);
              return h.createUpdate(
                      "insert into item_restriction (item_type, item_id, group_id, recorded_by)"
                          + " select :t, :i, :g, :by where not exists (select 1 from"
                          + " item_restriction_current where item_type = :t and item_id = :i and"
                          + " group_id = :g)")
                  .bind("t", itemType)
                  .bind("i", itemId)
                  .bind("g", groupId)
                  .bind("by", by)
                  .execute();
            })
        > 0;
  }

  /** One restriction in force per (item, group): writers of the same item wait for each other. */
  private static void lockItem(org.jdbi.v3.core.Handle h, String itemType, long itemId) {
    h.createQuery("select 1 from (select pg_advisory_xact_lock(:k)) x")
        .bind("k", (long) ("item_restriction:" + itemType + ":" + itemId).hashCode())
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Lifts the restriction in force of an item to a group: a new row that ends it, with the reason;
   * the restriction itself stays on record.
   *
   * @return true when a restriction was in force and is now lifted
   */
  public boolean lift(String itemType, long itemId, long groupId, String reason, String by) {
    return jdbi.inTransaction(
            h -> {
              lockItem(h, itemType, itemId);
              return h.createUpdate(
                      "insert into item_restriction_lift (restriction_id, reason, recorded_by)"
                          + " select id, :reason, :by from item_restriction_current where"
                          + " item_type = :t and item_id = :i and group_id = :g")
                  .bind("t", itemType)
                  .bind("i", itemId)
                  .bind("g", groupId)
                  .bind("reason", reason)
                  .bind("by", by)
                  .execute();
            })
        > 0;
  }

  /**
   * The version of the restriction tables: how many restrictions and lifts were ever recorded. Both
   * tables are append-only, so any committed restrict or lift changes it; a reader that keeps
   * {@link #restrictions()} read after this version may reuse them while it stays the same.
   */
  public record RestrictionVersion(long restrictions, long lifts) {}

  /** The two counts of {@link RestrictionVersion} as columns {@code r} and {@code l}. */
  private static final String VERSION_COLUMNS =
      "(select count(*) from item_restriction) as r,"
          + " (select count(*) from item_restriction_lift) as l";

  private static RestrictionVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new RestrictionVersion(rs.getLong("r"), rs.getLong("l"));
  }

  public RestrictionVersion restrictionVersion() {
    return jdbi.withHandle(
        h -> h.createQuery("select " + VERSION_COLUMNS).map((rs, ctx) -> version(rs)).one());
  }

  /**
   * A user's current groups, the restriction tables' version and how many source rows (versions)
   * were ever written ({@link #viewerState}); the last is the version of the sources, for {@link
   * Sources#all(long)}.
   */
  public record ViewerState(List<Long> groups, RestrictionVersion version, long sourceRows) {}

  /**
   * What a request needs to know about its user's access, in one statement: the ids of the groups
   * the user is in ({@link #groupsOf}), the restriction tables' version ({@link
   * #restrictionVersion}) and the sources' version. One round trip instead of three.
   */
  public ViewerState viewerState(long userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + viewerColumns(":u"))
                .bind("u", userId)
                .map((rs, ctx) -> viewerState(rs))
                .one());
  }

  /**
   * The columns of a {@link ViewerState} for the user whose id is the SQL expression {@code
   * userId}, to be read by {@link #viewerState(java.sql.ResultSet)}; {@link Users} adds them to the
   * statement that finds the user behind a token or session, so a request learns who is asking and
   * what they may see in one round trip.
   */
  static String viewerColumns(String userId) {
    return "array(select group_id from access_group_member_current where user_id = "
        + userId
        + " order by group_id) as g, (select count(*) from source) as source_rows, "
        + VERSION_COLUMNS;
  }

  static ViewerState viewerState(java.sql.ResultSet rs) throws java.sql.SQLException {
    java.sql.Array a = rs.getArray("g");
    List<Long> groups = new java.util.ArrayList<>();
    for (Object o : (Object[]) a.getArray()) {
      groups.add(((Number) o).longValue());
    }
    a.free();
    return new ViewerState(List.copyOf(groups), version(rs), rs.getLong("source_rows"));
  }

  /**
   * Every restriction in force (a short table: one row per restricted item and group); lifted ones
   * are left out.
   */
  public List<Restriction> restrictions() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r.id, r.item_type, r.item_id, r.group_id, g.name from"
                        + " item_restriction_current r join access_group g on g.id = r.group_id order by r.id")
                .map(
                    (rs, ctx) ->
                        new Restriction(
                            rs.getLong("id"),
                            rs.getString("item_type"),
                            rs.getLong("item_id"),
                            rs.getLong("group_id"),
                            rs.getString("name")))
                .list());
  }
}
