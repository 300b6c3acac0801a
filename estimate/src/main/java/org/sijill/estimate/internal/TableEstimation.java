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
import org.sijill.estimate.loglinear.MleExistence;
import org.sijill.estimate.loglinear.ModelFit;
import org.sijill.estimate.loglinear.ModelSearch;
import org.sijill.estimate.loglinear.ProfileInterval;
import org.sijill.estimate.loglinear.SparseMse;
import org.sijill.estimate.loglinear.StandardModel;

/** Runs the chosen methods on one capture table. */
public final class TableEstimation {
  public static final String PROFILE = "profile likelihood (Cormack 1992), 95%";
  static final String WALD = "Wald on log(n0), 95%";
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
    details.put("chaoLowerBound", round(ClosedForms.chaoLowerBound(table)));
    List<Estimate> standard = null;
    if (options.methods().contains(EstimationOptions.Method.LOGLINEAR)) {
      loglinear();
      if (t <= STANDARD_MAX_LISTS && options.model() == null) {
        standard = standardModels();
      }
      if (t == 2) {
        details.put("lincolnPetersen", round(ClosedForms.lincolnPetersen(table, 0, 1)));
        details.put("chapman", round(ClosedForms.chapman(table, 0, 1)));
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
      SparseMse.Result s = SparseMse.stepwise(table);
      add(
          new Estimate(
              EstimationOptions.Method.LOGLINEAR,
              s.model(),
              s.point(),
              s.lower(),
              s.upper(),
              null,
              null,
              WALD,
              "SparseMSE stepwise two-list interactions, p < 0.02 (Chan, Silverman and Vincent"
                  + " 2021)",
              null,
              null),
          "loglinear-sparsemse",
          true);
    }
  }

  private Estimate loglinearEstimate(ModelFit fit, String selection) {
    long n = table.documented();
    List<String> w = new ArrayList<>(fit.problems());
    MleExistence.Check check = MleExistence.check(fit.design(), fit.y());
    if (!check.nFinite()) {
      w.add(
          "the maximum-likelihood estimate does not exist for this model and table (zero cells"
              + " leave the unobserved count unbounded): the number is not an estimate");
    } else if (!check.exists()) {
      w.add(
          "some interaction terms have no finite estimate ("
              + check.zeroFitted().size()
              + " cell(s) with no one in them are fitted as exactly zero); N is the extended"
              + " maximum-likelihood estimate, which is finite, as Rcapture reports it");
    }
    if (!check.identifiable()) {
      w.add("the model is not identifiable from these data");
    }
    Double lower = null;
    Double upper = null;
    String interval = PROFILE;
    Map<String, Object> d = new LinkedHashMap<>();
    putFinite(d, "stderr", fit.stderr());
    putFinite(d, "deviance", fit.deviance());
    d.put("df", fit.df());
    if (check.ok()) {
      try {
        ProfileInterval.Interval ci = ProfileInterval.of(fit, n);
        lower = ci.lower();
        if (ci.upper().isPresent()) {
          upper = ci.upper().getAsDouble();
        } else {
          w.add(
              "the upper bound of the profile interval lies beyond "
                  + Recommendation.format(ci.searchLimit())
                  + " (3 times the estimate)");
        }
        putFinite(d, "multinomialMle", ci.point());
      } catch (RuntimeException e) {
        w.add("the profile interval could not be computed: " + e.getMessage());
      }
    }
    double[] wald = fit.waldLogN0(n);
    putFinite(d, "waldLower", wald[0]);
    putFinite(d, "waldUpper", wald[1]);
    if (lower == null && upper == null && Double.isFinite(wald[0]) && Double.isFinite(wald[1])) {
      interval = WALD;
      lower = wald[0];
      upper = wald[1];
    }
    return new Estimate(
        EstimationOptions.Method.LOGLINEAR,
        fit.name(),
        fit.abundance(),
        lower,
        upper,
        fit.aic(),
        fit.bic(),
        interval,
        selection,
        d,
        w);
  }

  private List<Estimate> standardModels() {
    long n = table.documented();
    List<Estimate> out = new ArrayList<>();
    for (StandardModel m : StandardModel.forLists(table.listCount())) {
      ModelFit fit = m.fit(table);
      if (!Double.isFinite(fit.abundance())) {
        continue;
      }
      Double lower;
      Double upper;
      String interval;
      List<String> w = new ArrayList<>(fit.problems());
      if (m.profiled()) {
        ProfileInterval.Interval ci = ProfileInterval.of(fit, n);
        lower = ci.lower();
        upper = ci.upper().isPresent() ? ci.upper().getAsDouble() : null;
        if (upper == null) {
          w.add("the upper bound lies beyond " + Recommendation.format(ci.searchLimit()));
        }
        interval = PROFILE;
      } else {
        double[] ln = fit.logNormal(n);
        lower = ln[0];
        upper = ln[1];
        interval = "log-normal from the standard error (Chao 1987), 95%";
      }
      out.add(
          new Estimate(
              EstimationOptions.Method.LOGLINEAR,
              m.label,
              fit.abundance(),
              lower,
              upper,
              fit.aic(),
              fit.bic(),
              interval,
              "standard closed-population model (Otis et al. 1978; Rcapture's design)",
              Double.isFinite(fit.stderr()) ? Map.of("stderr", round(fit.stderr())) : null,
              w));
    }
    return out;
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
    List<String> w = new ArrayList<>();
    if (r.rhat() > 1.1) {
      w.add(
          String.format(
              java.util.Locale.ROOT,
              "chains disagree (R-hat %.2f > 1.1): run longer before trusting this",
              r.rhat()));
    }
    if (r.ess() < 400) {
      w.add(
          String.format(
              java.util.Locale.ROOT,
              "effective sample size %.0f is small: quantiles are imprecise",
              r.ess()));
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("rhat", round(r.rhat()));
    d.put("ess", Math.round(r.ess()));
    d.put("mean", round(r.mean()));
    d.put("chains", cfg.chains());
    d.put("burnIn", cfg.burnIn());
    d.put("samples", cfg.samples());
    d.put("thin", cfg.thin());
    d.put("seed", cfg.seed());
    lcmcr =
        new Estimate(
            EstimationOptions.Method.LCMCR,
            "K=" + cfg.k(),
            r.median(),
            r.lower(),
            r.upper(),
            null,
            null,
            POSTERIOR,
            "Manrique-Vallier (2016), a_alpha = b_alpha = 0.25, prior on N proportional to 1/N",
            d,
            w);
    double[] pooled =
        java.util.Arrays.stream(r.draws())
            .flatMapToLong(java.util.Arrays::stream)
            .asDoubleStream()
            .toArray();
    draws.put("lcmcr", pooled);
    add(lcmcr, "lcmcr", r.rhat() <= 1.1);
  }

  private void runDga() {
    progress.accept("dga: model averaging over decomposable graphs");
    Dga.Result r = Dga.standard(table);
    List<String> w = new ArrayList<>();
    if (r.tailMass() > 1e-4) {
      w.add(
          String.format(
              java.util.Locale.ROOT,
              "%.2g of the posterior lies in the last 1%% of the N grid: the upper tail is"
                  + " truncated",
              r.tailMass()));
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mean", round(r.mean()));
    d.put("mode", r.mode());
    d.put("tailMass", r.tailMass());
    d.put("gridMax", r.n() + r.n0From() + r.posterior().length - 1);
    List<Map<String, Object>> top = new ArrayList<>();
    for (int g : Dga.ranked(r).subList(0, Math.min(5, r.graphs().size()))) {
      top.add(
          Map.of(
              "graph",
              r.graphs().get(g).name(table.lists()),
              "probability",
              r.graphProbability()[g]));
    }
    d.put("topGraphs", top);
    dga =
        new Estimate(
            EstimationOptions.Method.DGA,
            "BMA over " + r.graphs().size() + " decomposable graphs, delta=2^-" + table.listCount(),
            r.quantile(0.5),
            r.quantile(0.025),
            r.quantile(0.975),
            null,
            null,
            POSTERIOR,
            "Madigan and York (1997), hyper-Dirichlet prior, prior on N proportional to 1/N",
            d,
            w);
    draws.put("dga", sample(r));
    add(dga, "dga", true);
  }

  /** 20,000 draws from the exact dga posterior, by inversion, for summing strata. */
  private double[] sample(Dga.Result r) {
    Sampling rng = new Sampling(options.seed() ^ 0x5DEECE66DL);
    double[] cdf = new double[r.posterior().length];
    double c = 0;
    for (int i = 0; i < cdf.length; i++) {
      c += r.posterior()[i];
      cdf[i] = c;
    }
    double[] out = new double[20_000];
    for (int s = 0; s < out.length; s++) {
      double u = rng.uniform() * c;
      int idx = java.util.Arrays.binarySearch(cdf, u);
      idx = idx >= 0 ? idx : Math.min(-idx - 1, cdf.length - 1);
      out[s] = r.n() + r.n0From() + idx;
    }
    return out;
  }

  private void add(Estimate e, String key, boolean usable) {
    estimates.add(e);
    keys.add(key);
    if (usable
        && (e.warnings() == null || e.warnings().stream().noneMatch(Recommendation::fatal))) {
      plausible.add(e);
    }
  }

  public static double round(double x) {
    return Math.abs(x) < 1e12 ? Math.round(x * 1e4) / 1e4 : x;
  }

  private static void putFinite(Map<String, Object> m, String key, double v) {
    if (Double.isFinite(v)) {
      m.put(key, round(v));
    }
  }
}
