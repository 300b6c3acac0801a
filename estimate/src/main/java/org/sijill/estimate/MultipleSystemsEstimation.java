package org.sijill.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sijill.estimate.internal.McmcDiagnostics;
import org.sijill.estimate.internal.Recommendation;
import org.sijill.estimate.internal.TableEstimation;

/**
 * Entry point: multiple systems estimation of a capture table, or of a stratified one.
 *
 * <pre>{@code
 * CaptureData data = CaptureData.readHistories(Path.of("histories.csv"), null);
 * Report r = MultipleSystemsEstimation.estimate(data, EstimationOptions.defaults(42), msg -> {});
 * ReportJson.write(r, System.out);
 * }</pre>
 */
public final class MultipleSystemsEstimation {
  /** Strata need this many lists holding records to be estimated. */
  public static final int MIN_LISTS_PER_STRATUM = 3;

  private MultipleSystemsEstimation() {}

  /** Estimates one table. {@code progress} receives one line per long step. */
  public static Report estimate(
      CaptureTable table, EstimationOptions options, Consumer<String> progress) {
    return WidenOrRefuse.apply(
        new TableEstimation(table, options, progress).run(null).report(), table);
  }

  /** Estimates the whole table, or each stratum and their sum when the data has strata. */
  public static Report estimate(
      CaptureData data, EstimationOptions options, Consumer<String> progress) {
    return WidenOrRefuse.apply(outcome(data, options, progress).report(), data);
  }

  /**
   * The top-level report with its estimates by role ({@code lcmcr}, {@code dga}, {@code
   * loglinear-bic}, ...), the posterior draws behind the Bayesian ones and the roles whose estimate
   * is credible: what {@link LinkageUncertainty} combines across replicates of the linkage.
   */
  record Outcome(
      Report report,
      Map<String, Estimate> byRole,
      Map<String, double[]> draws,
      Set<String> usable,
      Map<String, Outcome> strata) {
    /** One table's outcome (no strata). */
    static Outcome of(TableEstimation.Computed c) {
      Map<String, Estimate> byRole = new LinkedHashMap<>();
      Set<String> usable = new java.util.HashSet<>();
      for (int i = 0; i < c.keys().size(); i++) {
        Estimate e = c.report().estimates().get(i);
        byRole.put(c.keys().get(i), e);
        if (c.plausible().contains(e)) {
          usable.add(c.keys().get(i));
        }
      }
      return new Outcome(c.report(), byRole, c.draws(), usable, Map.of());
    }
  }

  /**
   * The outcome of {@code data}; with strata, {@link Outcome#strata} holds each estimable stratum's
   * own outcome by its name, so that the strata too can be combined across linkage replicates.
   */
  static Outcome outcome(CaptureData data, EstimationOptions options, Consumer<String> progress) {
    if (data.strata().isEmpty()) {
      return Outcome.of(new TableEstimation(data.total(), options, progress).run(null));
    }
    Map<String, Outcome> byStratum = new LinkedHashMap<>();
    List<Report> reports = new ArrayList<>();
    List<TableEstimation.Computed> computed = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    long notEstimable = 0;
    for (Map.Entry<String, CaptureTable> s : data.strata().entrySet()) {
      CaptureTable t = s.getValue();
      int k = t.listsWithRecords();
      if (k < MIN_LISTS_PER_STRATUM) {
        String w =
            "stratum "
                + s.getKey()
                + ": only "
                + k
                + " list(s) hold records; not estimable (needs "
                + MIN_LISTS_PER_STRATUM
                + "); its "
                + t.documented()
                + " documented people are added to totals as a floor";
        warnings.add(w);
        notEstimable += t.documented();
        reports.add(
            Report.builder()
                .stratum(s.getKey())
                .lists(t.lists())
                .documented(t.documented())
                .estimates(List.of())
                .recommendedBecause(
                    "not estimable: fewer than " + MIN_LISTS_PER_STRATUM + " lists hold records")
                .warnings(List.of(w))
                .build());
        continue;
      }
      progress.accept("stratum " + s.getKey());
      TableEstimation.Computed c =
          new TableEstimation(t.withoutEmptyLists(), options, progress).run(s.getKey());
      computed.add(c);
      reports.add(c.report());
      byStratum.put(s.getKey(), Outcome.of(c));
    }
    Map<String, Estimate> byRole = new LinkedHashMap<>();
    Map<String, double[]> summedDraws = new LinkedHashMap<>();
    List<Estimate> combined = combine(computed, notEstimable, byRole, summedDraws);
    Estimate lcmcr = find(combined, EstimationOptions.Method.LCMCR);
    Estimate dga = find(combined, EstimationOptions.Method.DGA);
    Estimate bic =
        combined.stream()
            .filter(e -> e.selection() != null && e.selection().startsWith("sum of lowest BIC"))
            .findFirst()
            .orElse(null);
    Estimate recommended = Recommendation.choose(lcmcr, dga, bic, combined);
    warnings.addAll(Recommendation.disagreement(combined));
    Report report =
        Report.builder()
            .lists(data.total().lists())
            .documented(data.total().documented())
            .estimates(combined)
            .recommended(recommended)
            .recommendedBecause(Recommendation.reason(recommended, lcmcr, dga, bic, combined))
            .spread(Recommendation.spread(combined))
            .warnings(warnings)
            .details(
                Map.of(
                    "strataRule",
                    "Bayesian totals sum posterior draws across strata; log-linear totals sum the"
                        + " estimates and combine the interval half-widths in quadrature",
                    "seed",
                    options.seed()))
            .strata(reports)
            .build();
    return new Outcome(report, byRole, summedDraws, byRole.keySet(), byStratum);
  }

  private static Estimate find(List<Estimate> es, EstimationOptions.Method method) {
    return es.stream().filter(e -> e.method() == method).findFirst().orElse(null);
  }

  /** Sums each method across strata, when every estimable stratum has it. */
  private static List<Estimate> combine(
      List<TableEstimation.Computed> strata,
      long floor,
      Map<String, Estimate> byRole,
      Map<String, double[]> summedDraws) {
    List<Estimate> out = new ArrayList<>();
    if (strata.isEmpty()) {
      return out;
    }
    for (String key : List.of("lcmcr", "dga", "loglinear-bic", "loglinear-sparsemse")) {
      List<Estimate> parts = new ArrayList<>();
      List<double[]> draws = new ArrayList<>();
      for (TableEstimation.Computed c : strata) {
        int i = c.keys().indexOf(key);
        if (i < 0 || !c.plausible().contains(c.report().estimates().get(i))) {
          parts = null;
          break;
        }
        parts.add(c.report().estimates().get(i));
        draws.add(c.draws().get(key));
      }
      if (parts == null) {
        continue;
      }
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("strata", parts.size());
      d.put("notEstimableFloor", floor);
      if (draws.get(0) != null) {
        int len = draws.stream().mapToInt(a -> a.length).min().orElseThrow();
        double[] sum = new double[len];
        for (double[] a : draws) {
          for (int j = 0; j < len; j++) {
            sum[j] += a[j];
          }
        }
        for (int j = 0; j < len; j++) {
          sum[j] += floor;
        }
        Arrays.sort(sum);
        summedDraws.put(key, sum);
        out.add(
            new Estimate(
                parts.get(0).method(),
                parts.get(0).model() + ", summed over strata",
                McmcDiagnostics.quantile(sum, 0.5),
                McmcDiagnostics.quantile(sum, 0.025),
                McmcDiagnostics.quantile(sum, 0.975),
                null,
                null,
                TableEstimation.POSTERIOR + " of the sum of posterior draws",
                "sum over strata",
                d,
                null));
        byRole.put(key, out.get(out.size() - 1));
      } else {
        double total = floor;
        double lo2 = 0;
        double hi2 = 0;
        boolean bounds = true;
        for (Estimate e : parts) {
          total += e.total();
          if (e.lower() == null || e.upper() == null) {
            bounds = false;
          } else {
            lo2 += Math.pow(e.total() - e.lower(), 2);
            hi2 += Math.pow(e.upper() - e.total(), 2);
          }
        }
        String sel = key.equals("loglinear-bic") ? "sum of lowest BIC models" : "sum of SparseMSE";
        out.add(
            new Estimate(
                EstimationOptions.Method.LOGLINEAR,
                "per-stratum models, summed",
                total,
                bounds ? Math.max(floor, total - Math.sqrt(lo2)) : null,
                bounds ? total + Math.sqrt(hi2) : null,
                null,
                null,
                "sum of estimates; interval half-widths combined in quadrature",
                sel + " over strata",
                d,
                bounds ? null : List.of("a stratum has no upper bound: the sum has none either")));
        byRole.put(key, out.get(out.size() - 1));
      }
    }
    return out;
  }
}
