package org.sijill.estimate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.dga.Dga;

/**
 * A dga model average as an {@link Estimate}: the posterior median and 2.5%/97.5% quantiles, the
 * five most probable graphs in its details, and a warning when the posterior reaches the end of the
 * grid of N (the upper tail is cut off). The posterior is exact on its grid, so strata are summed
 * from draws taken by inversion ({@link #draws}).
 */
final class DgaEstimate {
  private static final int DRAWS = 20_000;

  private DgaEstimate() {}

  static Estimate of(Dga.Result r, CaptureTable table) {
    List<String> w = new ArrayList<>();
    if (r.tailMass() > 1e-4) {
      w.add(
          String.format(
              Locale.ROOT,
              "%.2g of the posterior lies in the last 1%% of the N grid: the upper tail is"
                  + " truncated",
              r.tailMass()));
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mean", Rounding.round(r.mean()));
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
    return new Estimate(
        EstimationOptions.Method.DGA,
        "BMA over " + r.graphs().size() + " decomposable graphs, delta=2^-" + table.listCount(),
        r.quantile(0.5),
        r.quantile(0.025),
        r.quantile(0.975),
        null,
        null,
        TableEstimation.POSTERIOR,
        "Madigan and York (1997), hyper-Dirichlet prior, prior on N proportional to 1/N",
        d,
        w);
  }

  /** 20,000 draws from the exact dga posterior, by inversion, for summing strata. */
  static double[] draws(Dga.Result r, long seed) {
    Sampling rng = new Sampling(seed ^ 0x5DEECE66DL);
    double[] cdf = new double[r.posterior().length];
    double c = 0;
    for (int i = 0; i < cdf.length; i++) {
      c += r.posterior()[i];
      cdf[i] = c;
    }
    double[] out = new double[DRAWS];
    for (int s = 0; s < out.length; s++) {
      double u = rng.uniform() * c;
      int idx = Arrays.binarySearch(cdf, u);
      idx = idx >= 0 ? idx : Math.min(-idx - 1, cdf.length - 1);
      out[s] = r.n() + r.n0From() + idx;
    }
    return out;
  }
}
