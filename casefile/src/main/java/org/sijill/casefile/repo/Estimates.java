package org.sijill.casefile.repo;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Estimate;

/** Estimates of the total, each stored with its method, inputs and seed. */
public final class Estimates {
  private final Jdbi jdbi;

  public Estimates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long add(
      List<String> lists,
      String strata,
      String method,
      String model,
      double total,
      Double lower,
      Double upper,
      Long seed,
      String inputsJson,
      String resultJson,
      String softwareVersion,
      String by) {
    if (!Double.isFinite(total)) {
      throw new IllegalArgumentException("an estimate must be a finite number, not " + total);
    }
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into estimate (lists, strata, method, model, total, lower_bound,"
                        + " upper_bound, seed, inputs, result, software_version, recorded_by)"
                        + " values (:lists, :strata, :method, :model, :total, :lower, :upper,"
                        + " :seed, cast(:inputs as jsonb), cast(:result as jsonb), :version,"
                        + " :by)")
                .bindArray("lists", String.class, lists)
                .bind("strata", strata)
                .bind("method", method)
                .bind("model", model)
                .bind("total", total)
                .bind("lower", lower)
                .bind("upper", upper)
                .bind("seed", seed)
                .bind("inputs", inputsJson == null ? "{}" : inputsJson)
                .bind("result", resultJson == null ? "{}" : resultJson)
                .bind("version", softwareVersion)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public List<Estimate> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from estimate" + " order by recorded_at desc, id desc")
                .mapTo(Estimate.class)
                .list());
  }
}
