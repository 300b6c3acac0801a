package org.sijill.casefile.repo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.seal.Sealer;
import org.sijill.linkage.names.Names;

/**
 * Victim records as imported from each source's list, and the search over them. A search for
 * "Mohammed" also finds محمد and Muhammad: each record is indexed under the linkage module's
 * script-independent name keys, and a query is reduced to the same keys.
 */
public final class Victims {
  private final Jdbi jdbi;
  private final Sealer sealer;
  private final StatsCache statsCache;

  public Victims(Jdbi jdbi) {
    this(jdbi, Sealer.none());
  }

  /** Sealed extra columns (attributes) are read through {@code sealer}. */
  public Victims(Jdbi jdbi, Sealer sealer) {
    this(jdbi, sealer, new StatsCache());
  }

  /** As {@link #Victims(Jdbi, Sealer)}, keeping {@link #stats()} in {@code statsCache}. */
  public Victims(Jdbi jdbi, Sealer sealer, StatsCache statsCache) {
    this.jdbi = jdbi;
    this.sealer = sealer;
    this.statsCache = statsCache;
  }

  /**
   * The case overview's figures about the lists: {@link #count()}, {@link #countByList()}, {@link
   * #deathsPerDay()} and {@link #repeatedRecords()}, read in one snapshot.
   */
  public record Stats(
      long count,
      Map<String, Long> countByList,
      Map<LocalDate, Long> deathsPerDay,
      long repeatedRecords) {}

  /**
   * The last {@link Stats} a case file computed, with the state of the lists they describe; one per
   * open case file, shared by its threads.
   */
  public static final class StatsCache {
    private record Entry(String state, Stats stats) {}

    private final java.util.concurrent.atomic.AtomicReference<Entry> last =
        new java.util.concurrent.atomic.AtomicReference<>();
  }

  /**
   * The figures of {@link Stats}, computed again only when the lists changed. Records arrive only
   * with a new import (its row and its records in one transaction), and only an import can become a
   * repeat; both tables are append-only. So the number of imports and of repeats names the state
   * exactly, and reading those two small tables (well under a millisecond) replaces four scans of
   * every record (0.3-0.7 s at 124k records under load) on each view of the overview. A write by
   * another process (an import from the command line while the server runs) is seen at the next
   * request.
   */
  public Stats stats() {
    return jdbi.inTransaction(
        org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          String state =
              h.createQuery(
                      "select (select count(*) from list_import) || '/' || (select count(*) from"
                          + " list_import_repeat)")
                  .mapTo(String.class)
                  .one();
          StatsCache.Entry cached = statsCache.last.get();
          if (cached != null && cached.state().equals(state)) {
            return cached.stats();
          }
          // The same snapshot as the state read above (repeatable read): figures and state agree.
          Stats fresh = new Stats(count(h), countByList(h), deathsPerDay(h), repeatedRecords(h));
          statsCache.last.set(new StatsCache.Entry(state, fresh));
          return fresh;
        });
  }

  /** The field a sealed extra column of a list is bound to: {@code victim.<header>}. */
  public static final String SEALED_FIELD_PREFIX = "victim.";

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
   * Stores a whole list in one transaction: either every row is stored or none is. The same bytes
   * (same SHA-256) already imported are refused.
   *
   * @return the id of the import
   * @throws AlreadyImportedException when a list with the same SHA-256 was imported before
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
    return importList(listName, sourceId, fileName, fileSha256, encoding, rows, null, by, progress);
  }

  /**
   * As {@link #importList(String, Long, String, String, String, List, String, LongConsumer)}, but
   * when {@code againReason} is not null a list whose bytes were imported before is stored all the
   * same, recorded as a repeat of the first import with that reason; its records are then not
   * counted again ({@link #count()}).
   */
  public long importList(
      String listName,
      Long sourceId,
      String fileName,
      String fileSha256,
      String encoding,
      List<NewRecord> rows,
      String againReason,
      String by,
      LongConsumer progress) {
    return jdbi.inTransaction(
        h -> {
          // Two imports of the same bytes at once must not both pass the check below.
          h.createQuery("select pg_advisory_xact_lock(hashtext(:sha))")
              .bind("sha", fileSha256)
              .mapTo(String.class)
              .one();
          Optional<ListImport> earlier =
              h.createQuery(IMPORTS + " where i.file_sha256 = :sha order by i.id limit 1")
                  .bind("sha", fileSha256)
                  .mapTo(ListImport.class)
                  .findOne();
          if (earlier.isPresent() && againReason == null) {
            throw new AlreadyImportedException(earlier.get());
          }
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
          if (earlier.isPresent()) {
            h.createUpdate(
                    "insert into list_import_repeat (import_id, repeats, reason, recorded_by)"
                        + " values (:i, :r, :reason, :by)")
                .bind("i", importId)
                .bind("r", earlier.get().id())
                .bind("reason", againReason)
                .bind("by", by)
                .execute();
          }
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

  private static final String IMPORTS =
      "select i.*, r.repeats, r.reason as repeat_reason from list_import i"
          + " left join list_import_repeat r on r.import_id = i.id";

  /** Records of imports that repeat an earlier import of the same bytes: kept, not counted. */
  private static final String COUNTED =
      " import_id not in (select import_id from list_import_repeat)";

  /** Every import, oldest first, repeats included (each says which import it repeats). */
  public List<ListImport> imports() {
    return jdbi.withHandle(
        h -> h.createQuery(IMPORTS + " order by i.id").mapTo(ListImport.class).list());
  }

  /** The first import of a file with this SHA-256, if any. */
  public Optional<ListImport> firstImportOf(String sha256) {
    return jdbi.withHandle(
        h ->
            h.createQuery(IMPORTS + " where i.file_sha256 = :sha order by i.id limit 1")
                .bind("sha", sha256)
                .mapTo(ListImport.class)
                .findOne());
  }

  /** Records stored by imports that repeat an earlier import (not in {@link #count()}). */
  public long repeatedRecords() {
    return jdbi.withHandle(Victims::repeatedRecords);
  }

  private static long repeatedRecords(org.jdbi.v3.core.Handle h) {
    return h.createQuery(
            "select count(*) from victim_record where import_id in (select import_id from"
                + " list_import_repeat)")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Records whose names match every word of {@code query} in any script or spelling; an empty query
   * lists all records. Ordered by list, then line.
   */
  public Page<VictimRecord> search(String query, int page, int size) {
    return search(query, page, size, Set.of());
  }

  /**
   * As {@link #search(String, int, int)}, but a name search never matches the records in {@code
   * unsearchable} (restricted records the asker may not see); an empty query still lists them.
   */
  public Page<VictimRecord> search(
      String query, int page, int size, java.util.Collection<Long> unsearchable) {
    return new VictimSearch(jdbi, this::revealed).page(query, page, size, unsearchable);
  }

  /** The records with these ids (any import), by id; unknown ids are left out. */
  public Map<Long, VictimRecord> byIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h
                .createQuery("select * from victim_record where id = any(:ids)")
                .bindArray("ids", Long.class, List.copyOf(ids))
                .mapTo(VictimRecord.class)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(VictimRecord::id, r -> r)));
  }

  /** Records, each imported file's once (a repeated import's records are not counted again). */
  public long count() {
    return jdbi.withHandle(Victims::count);
  }

  private static long count(org.jdbi.v3.core.Handle h) {
    return h.createQuery("select count(*) from victim_record where" + COUNTED)
        .mapTo(Long.class)
        .one();
  }

  /** Records per list, each imported file's once. */
  public Map<String, Long> countByList() {
    return jdbi.withHandle(Victims::countByList);
  }

  private static Map<String, Long> countByList(org.jdbi.v3.core.Handle h) {
    return (h.createQuery(
            "select list_name, count(*) as n from victim_record where"
                + COUNTED
                + " group by list_name order by list_name")
        .reduceRows(
            new java.util.LinkedHashMap<String, Long>(),
            (m, row) -> {
              m.put(row.getColumn("list_name", String.class), row.getColumn("n", Long.class));
              return m;
            }));
  }

  /**
   * Records with a full date of death, per day (records with only a month are left out; each
   * imported file's once).
   */
  public Map<LocalDate, Long> deathsPerDay() {
    return jdbi.withHandle(Victims::deathsPerDay);
  }

  private static Map<LocalDate, Long> deathsPerDay(org.jdbi.v3.core.Handle h) {
    return (h.createQuery(
            "select date_of_death::date as day, count(*) as n from victim_record where"
                + " length(date_of_death) = 10 and"
                + COUNTED
                + " group by 1 order by 1")
        .reduceRows(
            new java.util.TreeMap<LocalDate, Long>(),
            (m, row) -> {
              m.put(row.getColumn("day", LocalDate.class), row.getColumn("n", Long.class));
              return m;
            }));
  }

  private VictimRecord revealed(VictimRecord r) {
    return new VictimRecord(
        r.id(),
        r.importId(),
        r.listName(),
        r.lineNumber(),
        r.recordId(),
        r.fullName(),
        r.givenName(),
        r.fatherName(),
        r.motherName(),
        r.familyName(),
        r.sex(),
        r.age(),
        r.ageGroup(),
        r.dateOfDeath(),
        r.placeOfDeath(),
        r.governorate(),
        r.status(),
        r.cause(),
        sealer.revealJson(r.attributes(), SEALED_FIELD_PREFIX),
        sealer.revealJson(r.raw(), SEALED_FIELD_PREFIX));
  }
}
