package org.sijill.casefile.repo;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.sijill.casefile.model.Estimate;

/**
 * Estimates of the total, each stored with its method, model, interval, seed, the hash of its input
 * and the linkage run it counted. One {@code sijill estimate} is one estimation; its estimates
 * (every method, every stratum) are stored with it in one transaction.
 */
public final class Estimates {
  private final Jdbi jdbi;

  public Estimates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One estimation: its input, options and whole report (JSON, as printed). */
  public record NewEstimation(
      long linkageRunId,
      List<String> lists,
      List<String> strata,
      long seed,
      String inputSha256,
      String optionsJson,
      String reportJson,
      String softwareVersion) {
    public NewEstimation {
      lists = List.copyOf(lists);
      strata = List.copyOf(strata);
    }
  }

  /** One estimate of an estimation; {@code stratum} null for the whole case. */
  public record NewEstimate(
      String stratum,
      String method,
      String model,
      double total,
      Double lower,
      Double upper,
      boolean recommended,
      String detailsJson) {}

  /**
   * Stores an estimation and its estimates, all or nothing.
   *
   * @return the estimation's id
   */
  public long store(NewEstimation e, List<NewEstimate> estimates, String by) {
    for (NewEstimate x : estimates) {
      if (!Double.isFinite(x.total())) {
        throw new IllegalArgumentException("an estimate must be a finite number, not " + x.total());
      }
    }
    String strata = e.strata().isEmpty() ? null : String.join(",", e.strata());
    return jdbi.inTransaction(
        h -> {
          long id =
              h.createUpdate(
                      "insert into estimation (linkage_run_id, strata, seed, input_sha256,"
                          + " options, report, software_version, recorded_by) values (:run,"
                          + " :strata, :seed, :sha, cast(:options as jsonb), cast(:report as"
                          + " jsonb), :version, :by)")
                  .bind("run", e.linkageRunId())
                  .bindArray("strata", String.class, e.strata())
                  .bind("seed", e.seed())
                  .bind("sha", e.inputSha256())
                  .bind("options", e.optionsJson())
                  .bind("report", e.reportJson())
                  .bind("version", e.softwareVersion())
                  .bind("by", by)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          PreparedBatch b =
              h.prepareBatch(
                  "insert into estimate (lists, strata, method, model, total, lower_bound,"
                      + " upper_bound, seed, inputs, result, software_version, recorded_by,"
                      + " estimation_id, linkage_run_id, stratum, recommended, input_sha256)"
                      + " values (:lists, :strata, :method, :model, :total, :lower, :upper,"
                      + " :seed, cast(:inputs as jsonb), cast(:result as jsonb), :version, :by,"
                      + " :estimation, :run, :stratum, :recommended, :sha)");
          for (NewEstimate x : estimates) {
            b.bindArray("lists", String.class, e.lists())
                .bind("strata", strata)
                .bind("method", x.method())
                .bind("model", x.model())
                .bind("total", x.total())
                .bind("lower", x.lower())
                .bind("upper", x.upper())
                .bind("seed", e.seed())
                .bind("inputs", e.optionsJson())
                .bind("result", x.detailsJson() == null ? "{}" : x.detailsJson())
                .bind("version", e.softwareVersion())
                .bind("by", by)
                .bind("estimation", id)
                .bind("run", e.linkageRunId())
                .bind("stratum", x.stratum())
                .bind("recommended", x.recommended())
                .bind("sha", e.inputSha256())
                .add();
          }
          if (b.size() > 0) {
            b.execute();
          }
          return id;
        });
  }

  /** Every estimate, newest estimation first; within one, the whole case before its strata. */
  public Page<Estimate> list(int page, int size) {
    int[] p = Page.clamp(page, size);
    return jdbi.withHandle(
        h -> {
          long total = h.createQuery("select count(*) from estimate").mapTo(Long.class).one();
          List<Estimate> items =
              h.createQuery(
                      "select * from estimate order by estimation_id desc nulls last,"
                          + " stratum nulls first, recommended desc, id limit :limit offset"
                          + " :offset")
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .mapTo(Estimate.class)
                  .list();
          return new Page<>(items, p[0], p[1], total);
        });
  }

  /**
   * The recommended estimate for the whole case from the newest estimation, if any: empty when the
   * newest estimation recommends no number (refused), never an older estimation's.
   */
  public Optional<Estimate> recommended() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from estimate where recommended and stratum is null and"
                        + " ((select max(estimation_id) from estimate) is null or estimation_id"
                        + " = (select max(estimation_id) from estimate)) order by estimation_id"
                        + " desc nulls last, id desc limit 1")
                .mapTo(Estimate.class)
                .findOne());
  }

  /** The estimates of one estimation, the whole case first. */
  public List<Estimate> ofEstimation(long estimationId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from estimate where estimation_id = :id order by stratum nulls"
                        + " first, recommended desc, id")
                .bind("id", estimationId)
                .mapTo(Estimate.class)
                .list());
  }

  /**
   * One stored estimation as the desk shows it: its run, strata fields, seed, input hash and the
   * whole report as printed (JSON).
   */
  public record StoredEstimation(
      long id,
      long linkageRunId,
      List<String> strata,
      long seed,
      String inputSha256,
      String reportJson,
      String softwareVersion,
      java.time.Instant recordedAt,
      String recordedBy) {
    public StoredEstimation {
      strata = List.copyOf(strata);
    }
  }

  /** The newest estimation, if any. */
  public Optional<StoredEstimation> latestEstimation() {
    return estimation("order by id desc limit 1", null);
  }

  /** The estimation with this id, if any. */
  public Optional<StoredEstimation> estimation(long id) {
    return estimation("where id = :id", id);
  }

  private Optional<StoredEstimation> estimation(String tail, Long id) {
    return jdbi.withHandle(
        h -> {
          var q =
              h.createQuery(
                  "select id, linkage_run_id, strata, seed, input_sha256, report::text as report,"
                      + " software_version, recorded_at, recorded_by from estimation "
                      + tail);
          if (id != null) {
            q.bind("id", id);
          }
          return q.map(
                  (rs, ctx) ->
                      new StoredEstimation(
                          rs.getLong("id"),
                          rs.getLong("linkage_run_id"),
                          List.of((String[]) rs.getArray("strata").getArray()),
                          rs.getLong("seed"),
                          rs.getString("input_sha256"),
                          rs.getString("report"),
                          rs.getString("software_version"),
                          rs.getTimestamp("recorded_at").toInstant(),
                          rs.getString("recorded_by")))
              .findOne();
        });
  }
}
