package org.sijill.casefile.repo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.VictimRecord;

/**
 * Linkage runs and the records they link. A run is stored whole in one transaction and never
 * changed; the next run supersedes it, and {@link #current()} is the run no other supersedes. What
 * a run reads is {@link LinkageInput}, its review list {@link LinkageReview}, the decisions it
 * honours {@link LinkDecisions}.
 */
public final class LinkageRuns {
  private final Jdbi jdbi;
  private final int chunk;

  public LinkageRuns(Jdbi jdbi) {
    this(jdbi, CHUNK);
  }

  /** As {@link #LinkageRuns(Jdbi)}, writing at most {@code chunk} rows per batch statement. */
  LinkageRuns(Jdbi jdbi, int chunk) {
    this.jdbi = jdbi;
    this.chunk = chunk;
  }

  /** One group of records that a run found to be one person. */
  public record NewPerson(Long keepId, String displayName, List<NewLink> links) {
    public NewPerson {
      links = List.copyOf(links);
    }
  }

  /** A record of a person with its match probability (null for a person of one record). */
  public record NewLink(long victimId, Double probability) {}

  /**
   * A pair the run suggests a reviewer look at, in rank order.
   *
   * @param probability the model's match probability (what the review desk shows)
   * @param same whether the run put the two records in one person
   * @param drawProbability the probability estimation's linkage replicates draw the pair with: the
   *     model's, or for a pair the clustering linked by the mutual-best rule the clustering's own
   *     weight (just above the threshold)
   */
  public record ReviewPair(
      long leftVictimId,
      long rightVictimId,
      double probability,
      boolean same,
      double drawProbability) {
    public ReviewPair {
      if (!(drawProbability >= 0 && drawProbability <= 1)) {
        throw new IllegalArgumentException(
            "draw probability must lie in [0, 1]: " + drawProbability);
      }
    }

    /** A pair drawn with the model's probability. */
    public ReviewPair(long leftVictimId, long rightVictimId, double probability, boolean same) {
      this(leftVictimId, rightVictimId, probability, same, probability);
    }
  }

  /** Everything a run stores besides its persons. */
  public record NewRun(
      Long supersedes,
      String settingsJson,
      String mode,
      String modelJson,
      List<String> lists,
      List<Long> decisionIds,
      int recordCount,
      int pairCount,
      String softwareVersion) {
    public NewRun {
      lists = List.copyOf(lists);
      decisionIds = List.copyOf(decisionIds);
    }
  }

  /** The stored run and the id of each person, in the order they were given. */
  public record Stored(LinkageRun run, List<Long> personIds) {}

  /**
   * Stores a run in one transaction: new ids for persons without {@code keepId}, the run, every
   * link and the review pairs.
   *
   * @throws IllegalStateException when {@code run.supersedes()} is no longer the current run
   *     (another run was stored meanwhile: link again)
   */
  public Stored store(NewRun run, List<NewPerson> persons, List<ReviewPair> review, String by) {
    return store(run, persons, review, by, rows -> {});
  }

  /** Rows written per batch statement by default; {@code rowsStored} hears after each. */
  static final int CHUNK = 10_000;

  /**
   * Stores a run as {@link #store(NewRun, List, List, String)} does, telling {@code rowsStored} the
   * number of rows written so far (persons, links and review pairs; their sum in the end) after
   * each batch of at most {@link #CHUNK} rows (by default), so a run of 100k records shows progress
   * while it is stored. Nothing is visible to others before the transaction commits.
   */
  public Stored store(
      NewRun run,
      List<NewPerson> persons,
      List<ReviewPair> review,
      String by,
      java.util.function.LongConsumer rowsStored) {
    long[] written = {0};
    return jdbi.inTransaction(
        h -> {
          h.execute("lock table linkage_run in share row exclusive mode");
          Long current =
              h.createQuery("select id from linkage_run_current")
                  .mapTo(Long.class)
                  .findOne()
                  .orElse(null);
          if (!java.util.Objects.equals(current, run.supersedes())) {
            throw new IllegalStateException(
                "linkage run "
                    + current
                    + " was stored while this one ran (it expected "
                    + run.supersedes()
                    + "); link again");
          }
          List<Long> ids = personIds(h, persons, by, chunk, written, rowsStored);
          int kept = (int) persons.stream().filter(p -> p.keepId() != null).count();
          long runId =
              h.createUpdate(
                      "insert into linkage_run (supersedes, settings, mode, model, lists,"
                          + " decision_ids, record_count, person_count, pair_count, review_count,"
                          + " kept_person_ids, software_version, recorded_by) values (:sup,"
                          + " cast(:settings as jsonb), :mode, cast(:model as jsonb), :lists,"
                          + " :decisions, :records, :persons, :pairs, :review, :kept, :version,"
                          + " :by)")
                  .bind("sup", run.supersedes())
                  .bind("settings", run.settingsJson())
                  .bind("mode", run.mode())
                  .bind("model", run.modelJson())
                  .bindArray("lists", String.class, run.lists())
                  .bindArray("decisions", Long.class, run.decisionIds())
                  .bind("records", run.recordCount())
                  .bind("persons", persons.size())
                  .bind("pairs", run.pairCount())
                  .bind("review", review.size())
                  .bind("kept", kept)
                  .bind("version", run.softwareVersion())
                  .bind("by", by)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          String linkSql =
              "insert into linkage_link (run_id, victim_id, person_id, probability) values"
                  + " (:run, :victim, :person, :p)";
          PreparedBatch links = h.prepareBatch(linkSql);
          for (int i = 0; i < persons.size(); i++) {
            for (NewLink l : persons.get(i).links()) {
              links
                  .bind("run", runId)
                  .bind("victim", l.victimId())
                  .bind("person", ids.get(i))
                  .bind("p", l.probability())
                  .add();
              if (links.size() == chunk) {
                flush(links, written, rowsStored);
                links = h.prepareBatch(linkSql);
              }
            }
          }
          flush(links, written, rowsStored);
          String pairSql =
              "insert into linkage_review_pair (run_id, rank, left_victim_id, right_victim_id,"
                  + " probability, same_person, draw_probability)"
                  + " values (:run, :rank, :l, :r, :p, :same, :draw)";
          PreparedBatch pairs = h.prepareBatch(pairSql);
          for (int i = 0; i < review.size(); i++) {
            ReviewPair r = review.get(i);
            pairs
                .bind("run", runId)
                .bind("rank", i + 1)
                .bind("l", r.leftVictimId())
                .bind("r", r.rightVictimId())
                .bind("p", r.probability())
                .bind("same", r.same())
                .bind("draw", r.drawProbability())
                .add();
            if (pairs.size() == chunk) {
              flush(pairs, written, rowsStored);
              pairs = h.prepareBatch(pairSql);
            }
          }
          flush(pairs, written, rowsStored);
          LinkageRun stored =
              h.createQuery("select * from linkage_run where id = :id")
                  .bind("id", runId)
                  .mapTo(LinkageRun.class)
                  .one();
          return new Stored(stored, ids);
        });
  }

  private static void flush(
      PreparedBatch batch, long[] written, java.util.function.LongConsumer rowsStored) {
    int n = batch.size();
    if (n > 0) {
      batch.execute();
      written[0] += n;
      rowsStored.accept(written[0]);
    }
  }

  private static List<Long> personIds(
      Handle h,
      List<NewPerson> persons,
      String by,
      int chunk,
      long[] written,
      java.util.function.LongConsumer rowsStored) {
    List<Long> ids = new ArrayList<>(persons.size());
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < persons.size(); i++) {
      ids.add(persons.get(i).keepId());
      if (persons.get(i).keepId() == null) {
        fresh.add(i);
      }
    }
    written[0] += persons.size() - fresh.size();
    for (int from = 0; from < fresh.size(); from += chunk) {
      List<Integer> part = fresh.subList(from, Math.min(fresh.size(), from + chunk));
      PreparedBatch batch =
          h.prepareBatch("insert into person (display_name, recorded_by) values (:n, :by)");
      for (int i : part) {
        batch.bind("n", persons.get(i).displayName()).bind("by", by).add();
      }
      List<Long> made = batch.executePreparedBatch("id").mapTo(Long.class).list();
      for (int k = 0; k < part.size(); k++) {
        ids.set(part.get(k), made.get(k));
      }
      written[0] += part.size();
      rowsStored.accept(written[0]);
    }
    return ids;
  }

  /** Stores how run {@code runId} scored against its lists' ground truth (once per run). */
  public void storeTruth(long runId, org.sijill.casefile.model.RunTruth t) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into linkage_run_truth (run_id, truth_column, records, true_persons,"
                        + " true_pairs, true_pairs_compared, linked_pairs, linked_pairs_true)"
                        + " values (:run, :column, :records, :persons, :pairs, :compared,"
                        + " :linked, :linkedTrue)")
                .bind("run", runId)
                .bind("column", t.truthColumn())
                .bind("records", t.records())
                .bind("persons", t.truePersons())
                .bind("pairs", t.truePairs())
                .bind("compared", t.truePairsCompared())
                .bind("linked", t.linkedPairs())
                .bind("linkedTrue", t.linkedPairsTrue())
                .execute());
  }

  /** How run {@code runId} scored against a ground truth, if its lists carried one. */
  public Optional<org.sijill.casefile.model.RunTruth> truth(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select truth_column, records, true_persons, true_pairs, true_pairs_compared,"
                        + " linked_pairs, linked_pairs_true from linkage_run_truth where run_id ="
                        + " :run")
                .bind("run", runId)
                .map(
                    (rs, ctx) ->
                        new org.sijill.casefile.model.RunTruth(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7)))
                .findOne());
  }

  /** The run in force, if the case was ever linked. */
  public Optional<LinkageRun> current() {
    return jdbi.withHandle(
        h -> h.createQuery("select * from linkage_run_current").mapTo(LinkageRun.class).findOne());
  }

  public Optional<LinkageRun> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from linkage_run where id = :id")
                .bind("id", id)
                .mapTo(LinkageRun.class)
                .findOne());
  }

  /** Every run, newest first. */
  public List<LinkageRun> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from linkage_run order by id desc")
                .mapTo(LinkageRun.class)
                .list());
  }

  /** The records of each person of a run: person id to victim record ids. */
  public Map<Long, Set<Long>> persons(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select person_id, victim_id from linkage_link where run_id = :run order by"
                        + " person_id, victim_id")
                .bind("run", runId)
                .reduceRows(
                    new HashMap<Long, Set<Long>>(),
                    (m, row) -> {
                      m.computeIfAbsent(
                              row.getColumn("person_id", Long.class), k -> new LinkedHashSet<>())
                          .add(row.getColumn("victim_id", Long.class));
                      return m;
                    }));
  }

  /**
   * The person of each given record in run {@code runId} (records the run did not link are left
   * out).
   */
  public Map<Long, Long> personsOf(long runId, java.util.Collection<Long> victimIds) {
    if (victimIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select victim_id, person_id from linkage_link where run_id = :run and"
                        + " victim_id = any(:ids)")
                .bind("run", runId)
                .bindArray("ids", Long.class, List.copyOf(victimIds))
                .reduceRows(
                    new HashMap<Long, Long>(),
                    (m, row) -> {
                      m.put(
                          row.getColumn("victim_id", Long.class),
                          row.getColumn("person_id", Long.class));
                      return m;
                    }));
  }

  /** The records a run linked, each with its person: person id to records, persons by id. */
  public Map<Long, List<VictimRecord>> records(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select l.person_id, v.* from linkage_link l join victim_record v on v.id ="
                        + " l.victim_id where l.run_id = :run order by l.person_id, v.list_name,"
                        + " v.line_number, v.id")
                .bind("run", runId)
                .reduceRows(
                    new java.util.TreeMap<Long, List<VictimRecord>>(),
                    (m, row) -> {
                      m.computeIfAbsent(
                              row.getColumn("person_id", Long.class), k -> new ArrayList<>())
                          .add(row.getRow(VictimRecord.class));
                      return m;
                    }));
  }
}
