package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * What publishing records (migration V11): persons an administrator keeps out of the public list,
 * with why, and the editions published so far. Nothing here is ever edited; a later withholding of
 * the same person adds a row, the newest reason is the one shown.
 */
public final class Publications {
  private final Jdbi jdbi;

  public Publications(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One published edition. */
  public record Edition(
      long id,
      long treeSize,
      String rootSha256,
      String checkpoint,
      Long previousSize,
      String previousRoot,
      int withheld,
      String recordedBy,
      Instant recordedAt) {}

  /** Keeps a person out of every later public list. */
  public long withhold(long personId, String reason, String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into report_withhold (person_id, reason, recorded_by) values"
                        + " (:person, :reason, :by)")
                .bind("person", personId)
                .bind("reason", reason)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Person id to the newest reason it is withheld for. */
  public Map<Long, String> withheld() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select person_id, reason from report_withhold order by id")
                .reduceRows(
                    new TreeMap<Long, String>(),
                    (m, row) -> {
                      m.put(
                          row.getColumn("person_id", Long.class),
                          row.getColumn("reason", String.class));
                      return m;
                    }));
  }

  public long recordEdition(
      long treeSize,
      String rootSha256,
      String checkpoint,
      Long previousSize,
      String previousRoot,
      int withheld,
      String by) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into report_edition (tree_size, root_sha256, checkpoint,"
                        + " previous_size, previous_root, withheld, recorded_by) values (:size,"
                        + " :root, :checkpoint, :previousSize, :previousRoot, :withheld, :by)")
                .bind("size", treeSize)
                .bind("root", rootSha256)
                .bind("checkpoint", checkpoint)
                .bind("previousSize", previousSize)
                .bind("previousRoot", previousRoot)
                .bind("withheld", withheld)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Every edition, oldest first. */
  public List<Edition> editions() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, tree_size, root_sha256, checkpoint, previous_size, previous_root,"
                        + " withheld, recorded_by, recorded_at from report_edition order by id")
                .map(
                    (rs, ctx) ->
                        new Edition(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            (Long) rs.getObject(5),
                            rs.getString(6),
                            rs.getInt(7),
                            rs.getString(8),
                            rs.getTimestamp(9).toInstant()))
                .list());
  }
}
