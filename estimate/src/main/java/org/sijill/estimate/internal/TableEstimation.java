package org.sijill.estimate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.Report;
import org.sijill.estimate.dga.Dga;
import org.sijill.estimate.lcmcr.Lcmcr;
import org.sijill.estimate.loglinear.ClosedForms;
import org.sijill.estimate.loglinear.HierarchicalModel;
import org.sijill.estimate.loglinear.LogLinearFitter;
import org.sijill.estimate.loglinear.ModelFit;
import org.sijill.estimate.loglinear.ModelSearch;

/** Runs the chosen methods on one capture table. */
public final class TableEstimation {
  public static final String PROFILE = LogLinearEstimate.PROFILE;
  public static final String POSTERIOR = "posterior 2.5% and 97.5% quantiles";
  private static final int SPARSE_MSE_MAX_LISTS = 8;
  private static final int STANDARD_MAX_LISTS = 10;

  /** The report, the plausible estimates it rests on, and posterior draws for summing strata. */
  public record Computed(
      Report report, List<Estimate> plausible, Map<String, double[]> draws, List<String> keys) {}

  private final CaptureTable table;
  private final EstimationOptions options;
  private final Consumer<String> progress;
  private final List<Estimate> estimates = new ArrayList<>();
  private final List<Estimate> plausible = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, double[]> draws = new LinkedHashMap<>();
  private final Map<String, Object> details = new LinkedHashMap<>();
  private Estimate bicBest;
  private Estimate lcmcr;
  private Estimate dga;

  public TableEstimation(CaptureTable table, EstimationOptions options, Consumer<String> progress) {
    this.table = table;
    this.options = options;
    this.progress = progress;
  }

  public Computed run(String stratum) {
    int t = table.listCount();
    long n = table.documented();
    emptyOverlaps();
    details.put("chaoLowerBound", Rounding.round(ClosedForms.chaoLowerBound(table)));
    List<Estimate> standard = null;
    if (options.methods().contains(EstimationOptions.Method.LOGLINEAR)) {
      loglinear();
      if (t <= STANDARD_MAX_LISTS && options.model() == null) {
        standard = StandardModels.of(table);
      }
      if (t == 2) {
        details.put("lincolnPetersen", Rounding.round(ClosedForms.lincolnPetersen(table, 0, 1)));
        details.put("chapman", Rounding.round(ClosedForms.chapman(table, 0, 1)));
      }
    }
    if (options.methods().contains(EstimationOptions.Method.LCMCR)) {
      if (t < 3) {
        warnings.add(
            "LCMCR needs at least 3 lists: a latent-class model is not identifiable with 2");
      } else {
        runLcmcr();
      }
    }
    if (options.methods().contains(EstimationOptions.Method.DGA)) {
      if (t < 3 || t > 5) {
        warnings.add("dga runs on 3 to 5 lists; this table has " + t);
      } else {
        runDga();
      }
    }
    Estimate recommended = Recommendation.choose(lcmcr, dga, bicBest, plausible);
    String because = Recommendation.reason(recommended, lcmcr, dga, bicBest, plausible);
    Report.Spread spread = Recommendation.spread(plausible);
    warnings.addAll(Recommendation.disagreement(plausible));
    if (recommended == null) {
      warnings.add("no method gave a usable estimate: report the documented count as a floor only");
    }
    details.put("seed", options.seed());
    Report r =
        Report.builder()
            .stratum(stratum)
            .lists(table.lists())
            .documented(n)
            .estimates(List.copyOf(estimates))
            .recommended(recommended)
            .recommendedBecause(because)
            .spread(spread)
            .warnings(List.copyOf(warnings))
            .standardModels(standard)
            .details(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details)))
            .build();
    return new Computed(r, List.copyOf(plausible), draws, List.copyOf(keys));
  }

  private void emptyOverlaps() {
    int t = table.listCount();
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        if (table.onBoth(i, j) == 0) {
          warnings.add(
              "lists "
                  + table.lists().get(i)
                  + " and "
                  + table.lists().get(j)
                  + " share no one: in a model with their interaction that term has no finite"
                  + " estimate (the cells holding both are fitted as zero)");
        }
      }
    }
  }

  private void loglinear() {
    long n = table.documented();
    if (options.model() != null) {
      HierarchicalModel m = HierarchicalModel.parse(options.model(), table.lists());
      ModelFit fit = LogLinearFitter.fit(table, m.design(), -1, m.name(table.lists()), true);
      add(loglinearEstimate(fit, "given by --model"), "loglinear", true);
      return;
    }
    progress.accept("log-linear model search");
    ModelSearch.Result res = ModelSearch.search(table);
    String scope =
        res.modelsFitted() == 1
            ? "(independence is the only model for two lists)"
            : res.exhaustive()
                ? "among all " + res.modelsFitted() + " hierarchical models"
                : "by stepwise search (" + res.modelsFitted() + " fits)";
    Optional<ModelFit> bic = res.bestBic();
    Optional<ModelFit> aic = res.bestAic();
    if (bic.isEmpty()) {
      warnings.add("no log-linear model could be fitted cleanly: every fit failed to converge");
    }
    bic.ifPresent(
        f -> {
          bicBest = loglinearEstimate(f, "lowest BIC " + scope);
          add(bicBest, "loglinear-bic", true);
        });
    aic.filter(a -> bic.isEmpty() || !a.name().equals(bic.get().name()))
        .ifPresent(f -> add(loglinearEstimate(f, "lowest AIC " + scope), "loglinear-aic", true));
    if (table.listCount() <= SPARSE_MSE_MAX_LISTS) {
      add(SparseMseEstimate.of(table), "loglinear-sparsemse", true);
    }
  }

  private Estimate loglinearEstimate(ModelFit fit, String selection) {
    return LogLinearEstimate.of(fit, table.documented(), selection);
  }

  private void runLcmcr() {
    Lcmcr.Config cfg = options.lcmcrConfig(table.listCount());
    progress.accept(
        "LCMCR: "
            + cfg.chains()
            + " chains x "
            + cfg.sweepsPerChain()
            + " sweeps, K="
            + cfg.k()
            + ", seed "
            + cfg.seed());
    Lcmcr.Result r = Lcmcr.run(table, cfg);
    lcmcr = LcmcrEstimate.of(r, cfg);
    draws.put("lcmcr", LcmcrEstimate.pooledDraws(r));
    add(lcmcr, "lcmcr", LcmcrEstimate.converged(r));
  }

  private void runDga() {
    progress.accept("dga: model averaging over decomposable graphs");
    Dga.Result r = Dga.standard(table);
    dga = DgaEstimate.of(r, table);
    draws.put("dga", DgaEstimate.draws(r, options.seed()));
    add(dga, "dga", true);
  }

  private void add(Estimate e, String key, boolean usable) {
    estimates.add(e);
    keys.add(key);
    if (usable
        && (e.warnings() == null || e.warnings().stream().noneMatch(Recommendation::fatal))) {
      plausible.add(e);
    }
  }
}
