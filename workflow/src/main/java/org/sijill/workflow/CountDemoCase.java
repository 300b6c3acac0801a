package org.sijill.workflow;

import java.util.EnumSet;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.estimate.EstimationOptions;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Settings;

/**
 * Counts the synthetic demo case the way a real case is counted: its lists (loaded by {@code
 * DemoCase}) are linked by {@link LinkCase} and estimated by {@link EstimateCase}, so the demo's
 * overview shows distinct persons and an estimate that follow from its own data. Done once: a case
 * that already has a linkage run is left as it is.
 */
public final class CountDemoCase {
  /** Who the demo's runs are recorded as. */
  static final String BY = "Sijill demo generator";

  /** The estimate's seed, fixed so that every demo shows the same figure. */
  static final long SEED = 20250306L;

  private final CaseFile caseFile;

  public CountDemoCase(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** The victim-list comparison the demo uses (the README's settings.json). */
  public static Settings settings() {
    return Settings.of(
        "record_id",
        List.of(
            new FieldSpec("full_name", Kind.NAME),
            new FieldSpec("sex", Kind.EXACT),
            new FieldSpec("age", Kind.NUMBER),
            new FieldSpec("date_of_death", Kind.DATE, "yyyy-MM-dd"),
            new FieldSpec("place_of_death", Kind.NAME)));
  }

  /**
   * Log-linear models and LCMCR with a shorter chain than the default (a demo starts in seconds;
   * its figure is illustrative, the default run is for real cases).
   */
  static EstimationOptions options() {
    return EstimationOptions.defaults(SEED)
        .withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR, EstimationOptions.Method.LCMCR))
        .withLcmcr(0, 5_000, 2_000, 5, 2);
  }

  /** What was done: null fields when the case was already counted. */
  public record Result(LinkCase.Result link, EstimateCase.Result estimate) {}

  public Result count(ProgressListener progress) {
    if (caseFile.linkageRuns().current().isPresent()) {
      return new Result(null, null);
    }
    LinkCase.Result link =
        new LinkCase(caseFile).link(LinkCase.Request.of(settings(), BY), progress);
    EstimateCase.Result estimate =
        new EstimateCase(caseFile)
            .estimate(new EstimateCase.Request(options(), List.of(), BY), progress);
    return new Result(link, estimate);
  }
}
