package org.sijill.casefile.repo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.linkage.names.Names;

/**
 * The name search over victim records ({@link Victims#search}): each query word is reduced to the
 * linkage module's script-independent name key, and a record matches when it has every word's key
 * in {@code victim_search_key}. Records come back revealed (sealed columns opened) by {@code
 * reveal}.
 */
final class VictimSearch {
  private final Jdbi jdbi;
  private final UnaryOperator<VictimRecord> reveal;

  VictimSearch(Jdbi jdbi, UnaryOperator<VictimRecord> reveal) {
    this.jdbi = jdbi;
    this.reveal = reveal;
  }

  /** As {@link Victims#search(String, int, int, java.util.Collection)}. */
  Page<VictimRecord> page(
      String query, int page, int size, java.util.Collection<Long> unsearchable) {
    int[] p = Page.clamp(page, size);
    List<String> keys = query == null ? List.of() : List.copyOf(queryKeys(query));
    boolean skip = !keys.isEmpty() && !unsearchable.isEmpty();
    // One semi-join per word on the key index (key, victim_id): the planner walks the rarest key's
    // records, or the records in page order when a key is common, and stops at the page's end.
    // (Grouping every matching key row by record first cost 0.3-0.4 s for common names at 124k
    // records: docs/BENCHMARKS.md, "web app and API under load".)
    StringBuilder where = new StringBuilder();
    StringBuilder countWhere = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      where.append(i == 0 ? " where " : " and ");
      where.append(
          "exists (select 1 from victim_search_key k"
              + i
              + " where k"
              + i
              + ".victim_id = v.id and k"
              + i
              + ".key = :k"
              + i
              + ")");
      if (i > 0) {
        countWhere.append(
            " and exists (select 1 from victim_search_key k"
                + i
                + " where k"
                + i
                + ".victim_id = k0.victim_id and k"
                + i
                + ".key = :k"
                + i
                + ")");
      }
    }
    if (skip) {
      where.append(" and v.id <> all(:hidden)");
      countWhere.append(" and k0.victim_id <> all(:hidden)");
    }
    // Every search key row names a record (foreign key), once per key: the count needs no visit
    // to the records themselves.
    String countSql =
        keys.isEmpty()
            ? "select count(*) from victim_record v"
            : "select count(*) from victim_search_key k0 where k0.key = :k0" + countWhere;
    return jdbi.withHandle(
        h -> {
          var count = h.createQuery(countSql);
          var select =
              h.createQuery(
                  "select v.* from"
                      + " victim_record v"
                      + where
                      + " order by v.list_name, v.line_number limit :limit offset :offset");
          for (int i = 0; i < keys.size(); i++) {
            count.bind("k" + i, keys.get(i));
            select.bind("k" + i, keys.get(i));
          }
          if (skip) {
            count.bindArray("hidden", Long.class, List.copyOf(unsearchable));
            select.bindArray("hidden", Long.class, List.copyOf(unsearchable));
          }
          long total = count.mapTo(Long.class).one();
          List<VictimRecord> items =
              select
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .mapTo(VictimRecord.class)
                  .map(reveal)
                  .list();
          return new Page<>(items, p[0], p[1], total);
        });
  }

  /** One key per query word (its first), so that every word must match. */
  private static Set<String> queryKeys(String query) {
    Set<String> keys = new LinkedHashSet<>();
    for (String word : query.trim().split("\\s+")) {
      Names.searchKeys(word).stream().findFirst().ifPresent(keys::add);
    }
    return keys;
  }
}
