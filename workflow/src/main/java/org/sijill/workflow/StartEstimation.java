package org.sijill.workflow;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.sijill.casefile.CaseFile;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;

/**
 * Starts an estimation of the case's total as a background job (the web desk's and {@code POST
 * /api/estimate-runs}): {@link EstimateCase} on the current linkage run with every method, the
 * chosen strata and a fresh seed, which is stored with the estimates so the run can be repeated.
 */
public final class StartEstimation {
  /** The job kind of an estimation. */
  public static final String KIND = "estimation";

  /** Strata at most; each stratum is estimated on its own, so more fields mean thinner tables. */
  public static final int MAX_STRATA = 4;

  private final CaseFile caseFile;
  private final DeskJobs jobs;
  private final SecureRandom seeds = new SecureRandom();

  public StartEstimation(CaseFile caseFile, DeskJobs jobs) {
    this.caseFile = caseFile;
    this.jobs = jobs;
  }

  /**
   * @param strata victim-list columns to stratify by (governorate, sex, age_group, ...), or empty
   * @throws CountingException when the strata are not column names or there are too many; a column
   *     no list has fails the job with that reason
   */
  public DeskJobs.Job start(List<String> strata, String by) {
    if (strata.size() > MAX_STRATA) {
      throw new CountingException("strata: at most " + MAX_STRATA + " fields");
    }
    for (String s : strata) {
      if (s == null || !s.matches("[A-Za-z][A-Za-z0-9_ ]{0,63}")) {
        throw new CountingException("strata: '" + s + "' is not a column name");
      }
    }
    if (caseFile.linkageRuns().current().isEmpty()) {
      throw new CountingException("the case has no linkage run to estimate from: link it first");
    }
    long seed = seeds.nextLong() >>> 16;
    List<String> fields = strata.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    return jobs.submit(
        KIND,
        by,
        progress -> {
          EstimateCase.Result r =
              new EstimateCase(caseFile)
                  .estimate(
                      new EstimateCase.Request(
                          EstimationOptions.defaults(seed)
                              .withLinkageReplicates(EstimateCase.LINKAGE_REPLICATES),
                          fields,
                          by),
                      progress);
          Estimate best = r.report().recommended();
          String total =
              best == null
                  ? "no estimate could be made (see the report's warnings)"
                  : String.format(
                      Locale.ROOT,
                      "%s estimates %.0f (95%% interval %s to %s)",
                      best.method().key(),
                      best.total(),
                      best.lower() == null ? "?" : String.format(Locale.ROOT, "%.0f", best.lower()),
                      best.upper() == null
                          ? "?"
                          : String.format(Locale.ROOT, "%.0f", best.upper()));
          return new DeskJobs.Outcome(
              r.estimationId(),
              null,
              "estimation "
                  + r.estimationId()
                  + " of linkage run "
                  + r.run().id()
                  + ": "
                  + r.report().documented()
                  + " persons documented; "
                  + total);
        });
  }
}
