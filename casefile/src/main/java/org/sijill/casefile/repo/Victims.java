package org.sijill.casefile.repo;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.linkage.Names;

/**
 * Victim records as imported from each source's list, and the search over them. A search for
 * "Mohammed" also finds محمد and Muhammad: each record is indexed under the linkage module's
 * script-independent name keys, and a query is reduced to the same keys.
 */
public final class Victims {
  private final Jdbi jdbi;

  public Victims(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One validated row of a list, in canonical columns; {@code attributes}/{@code raw} are JSON. */
  public record NewRecord(
      int lineNumber,
      String recordId,
      String fullName,
      String givenName,
      String fatherName,
      String motherName,
      String familyName,
      String sex,
      Integer age,
      String ageGroup,
      String dateOfDeath,
      String placeOfDeath,
      String governorate,
      String status,
      String cause,
      String attributes,
      String raw) {

    String nameText() {
      StringBuilder b = new StringBuilder();
      for (String s : new String[] {fullName, givenName, fatherName, motherName, familyName}) {
        if (s != null) {
          b.append(s).append(' ');
        }
      }
      return b.toString();
    }
  }

  /**
   * Stores a whole list in one transaction: either every row is stored or none is.
   *
   * @return the id of the import
   */
  public long importList(
      String listName,
      Long sourceId,
      String fileName,
      String fileSha256,
      String encoding,
      List<NewRecord> rows,
      String by,
      LongConsumer progress) {
    return jdbi.inTransaction(
        h -> {
          long importId =
              h.createUpdate(
                      "insert into list_import (list_name, source_id, file_name, file_sha256,"
                          + " encoding, row_count, recorded_by) values (:l, :s, :f, :sha, :enc,"
                          + " :n, :by)")
                  .bind("l", listName)
                  .bind("s", sourceId)
                  .bind("f", fileName)
                  .bind("sha", fileSha256)
                  .bind("enc", encoding)
                  .bind("n", rows.size())
                  .bind("by", by)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          int done = 0;
          for (int from = 0; from < rows.size(); from += 1000) {
            List<NewRecord> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            PreparedBatch batch =
                h.prepareBatch(
                    "insert into victim_record (import_id, list_name, line_number, record_id,"
                        + " full_name, given_name, father_name, mother_name, family_name, sex,"
                        + " age, age_group, date_of_death, place_of_death, governorate, status,"
                        + " cause, attributes, raw, recorded_by) values (:importId, :listName,"
                        + " :lineNumber, :recordId, :fullName, :givenName, :fatherName,"
                        + " :motherName, :familyName, :sex, :age, :ageGroup, :dateOfDeath,"
                        + " :placeOfDeath, :governorate, :status, :cause, cast(:attributes as"
                        + " jsonb), cast(:raw as jsonb), :by)");
            for (NewRecord r : chunk) {
              batch
                  .bindMethods(r)
                  .bind("importId", importId)
                  .bind("listName", listName)
                  .bind("by", by)
                  .add();
            }
            List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
            PreparedBatch keys =
                h.prepareBatch(
                    "insert into victim_search_key (victim_id, key) values (:v, :k) on conflict"
                        + " do nothing");
            for (int i = 0; i < chunk.size(); i++) {
              for (String k : Names.searchKeys(chunk.get(i).nameText())) {
                keys.bind("v", ids.get(i)).bind("k", k).add();
              }
            }
            if (keys.size() > 0) {
              keys.execute();
            }
            done += chunk.size();
            progress.accept(done);
          }
          return importId;
        });
  }

  public List<ListImport> imports() {
    return jdbi.withHandle(
        h -> h.createQuery("select * from list_import order by id").mapTo(ListImport.class).list());
  }

  /**
   * Records whose names match every word of {@code query} in any script or spelling; an empty query
   * lists all records. Ordered by list, then line.
   */
  public Page<VictimRecord> search(String query, int page, int size) {
    int[] p = Page.clamp(page, size);
    Set<String> keys = query == null ? Set.of() : queryKeys(query);
    String where =
        keys.isEmpty()
            ? ""
            : " where v.id in (select victim_id from victim_search_key where key = any(:keys)"
                + " group by victim_id having count(distinct key) >= :needed)";
    return jdbi.withHandle(
        h -> {
          var count = h.createQuery("select count(*) from victim_record v" + where);
          var select =
              h.createQuery(
                  "select v.* from"
                      + " victim_record v"
                      + where
                      + " order by v.list_name, v.line_number limit :limit offset :offset");
          if (!keys.isEmpty()) {
            count.bindArray("keys", String.class, keys).bind("needed", keys.size());
            select.bindArray("keys", String.class, keys).bind("needed", keys.size());
          }
          long total = count.mapTo(Long.class).one();
          List<VictimRecord> items =
              select
                  .bind("limit", p[1])
                  .bind("offset", (p[0] - 1) * p[1])
                  .mapTo(VictimRecord.class)
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

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("select count(*) from victim_record").mapTo(Long.class).one());
  }

  /** Records per list. */
  public Map<String, Long> countByList() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select list_name, count(*) as n from victim_record group by list_name order"
                        + " by list_name")
                .reduceRows(
                    new java.util.LinkedHashMap<String, Long>(),
                    (m, row) -> {
                      m.put(
                          row.getColumn("list_name", String.class), row.getColumn("n", Long.class));
                      return m;
                    }));
  }

  /** Records with a full date of death, per day (records with only a month are left out). */
  public Map<LocalDate, Long> deathsPerDay() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select date_of_death::date as day, count(*) as n from victim_record where"
                        + " length(date_of_death) = 10 group by 1 order by 1")
                .reduceRows(
                    new java.util.TreeMap<LocalDate, Long>(),
                    (m, row) -> {
                      m.put(row.getColumn("day", LocalDate.class), row.getColumn("n", Long.class));
                      return m;
                    }));
  }
}
