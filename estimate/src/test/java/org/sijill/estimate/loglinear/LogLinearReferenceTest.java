package org.sijill.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Datasets;

/**
 * Every log-linear and closed-form row of reference_values.csv (computed with R's Rcapture 1.4-4
 * and SparseMSE 2.0.1), within its tolerance.
 */
class LogLinearReferenceTest {

  private final Map<String, CaptureTable> tables = new HashMap<>();
  private final Map<String, ModelFit> standard = new HashMap<>();
  private final Map<String, ProfileInterval.Interval> intervals = new HashMap<>();

  private CaptureTable table(String ds) {
    return tables.computeIfAbsent(ds, Datasets::table);
  }

  private ModelFit standardFit(String ds, String label) {
    return standard.computeIfAbsent(
        ds + "/" + label,
        k -> {
          for (StandardModel m : StandardModel.values()) {
            if (m.label.equals(label)) {
              return m.fit(table(ds));
            }
          }
          throw new IllegalArgumentException(label);
        });
  }

  /** Rcapture's closedpCI.t names: "Mh Poisson" for "Mh Poisson2" etc. */
  private static String ciLabel(String model) {
    return switch (model) {
      case "Mh Chao" -> "Mh Chao (LB)";
      case "Mth Chao" -> "Mth Chao (LB)";
      case "Mh Poisson" -> "Mh Poisson2";
      case "Mth Poisson" -> "Mth Poisson2";
      case "Mh Gamma" -> "Mh Gamma3.5";
      case "Mth Gamma" -> "Mth Gamma3.5";
      default -> model;
    };
  }

  private ModelFit hierarchical(String ds, String rcaptureName) {
    CaptureTable t = table(ds);
    String inner = rcaptureName.substring(rcaptureName.indexOf('[') + 1, rcaptureName.indexOf(']'));
    List<Integer> gens = new ArrayList<>();
    for (String term : inner.split(",")) {
      int mask = 0;
      for (char c : term.toCharArray()) {
        mask |= 1 << (c - '1');
      }
      gens.add(mask);
    }
    return ModelSearch.fit(
        t,
        new HierarchicalModel(t.listCount(), gens.stream().mapToInt(Integer::intValue).toArray()));
  }

  private ProfileInterval.Interval interval(String key, ModelFit fit, CaptureTable t) {
    return intervals.computeIfAbsent(key, k -> ProfileInterval.of(fit, t.documented()));
  }

  /** The value our code gives for a reference row, or empty when the row is not ours. */
  private OptionalDouble actual(Datasets.Ref r) {
    CaptureTable t = table(r.dataset());
    switch (r.method()) {
      case "Rcapture closedp.t" -> {
        ModelFit f = standardFit(r.dataset(), r.model());
        return OptionalDouble.of(
            switch (r.statistic()) {
              case "abundance" -> f.abundance();
              case "stderr" -> f.stderr();
              case "AIC" -> f.aic();
              default -> throw new IllegalArgumentException(r.statistic());
            });
      }
      case "Rcapture closedpCI.t" -> {
        ModelFit f =
            r.model().startsWith("all (t-1)-way")
                ? hierarchical(r.dataset(), r.model())
                : standardFit(r.dataset(), ciLabel(r.model()));
        ProfileInterval.Interval ci = interval(r.dataset() + r.model(), f, t);
        return pick(ci, r.statistic());
      }
      case "Rcapture closedpMS.t bestBIC", "Rcapture closedpMS.t bestAIC" -> {
        ModelSearch.Result res = ModelSearch.search(t);
        ModelFit best = (r.method().endsWith("BIC") ? res.bestBic() : res.bestAic()).orElseThrow();
        assertThat(best.name()).isEqualTo(hierarchical(r.dataset(), r.model()).name());
        if (r.statistic().equals("abundance")) {
          return OptionalDouble.of(best.abundance());
        }
        return pick(interval(r.dataset() + r.model(), best, t), r.statistic());
      }
      case "SparseMSE estimatepopulation.0" -> {
        SparseMse.Result s =
            r.model().equals("stepwise") ? SparseMse.stepwise(t) : SparseMse.mainEffects(t);
        return OptionalDouble.of(
            switch (r.statistic()) {
              case "point" -> s.point();
              case "q025" -> s.lower();
              case "q975" -> s.upper();
              default -> throw new IllegalArgumentException(r.statistic());
            });
      }
      case "Lincoln-Petersen", "Chapman" -> {
        String[] pair = r.model().split("x");
        int i = t.lists().indexOf(pair[0]);
        int j = t.lists().indexOf(pair[1]);
        return OptionalDouble.of(
            r.method().equals("Chapman")
                ? ClosedForms.chapman(t, i, j)
                : ClosedForms.lincolnPetersen(t, i, j));
      }
      default -> {
        if (r.method().startsWith("Chao 1987")) {
          return OptionalDouble.of(ClosedForms.chaoLowerBound(t));
        }
        if (r.method().startsWith("Ball et al. 2002") && r.statistic().equals("point")) {
          return OptionalDouble.of(hierarchical(r.dataset(), "[123,14,34]").abundance());
        }
        if (r.method().startsWith("Ball et al. 2002")) {
          ModelFit f = hierarchical(r.dataset(), "[123,14,34]");
          return pick(interval(r.dataset() + "[123,14,34]", f, t), r.statistic());
        }
        if (r.method().equals("Rcapture ?hare help text")) {
          if (r.model().equals("Mth Poisson2")) {
            return OptionalDouble.of(standardFit(r.dataset(), "Mth Poisson2").abundance());
          }
          // Mt plus an indicator of the all-ones history (Rcapture's help page example)
          double[][] x = StandardModel.MT.design(t.listCount());
          int full = (1 << t.listCount()) - 1;
          double[][] withIndicator = new double[x.length][];
          for (int p = 1; p <= full; p++) {
            withIndicator[p - 1] = java.util.Arrays.copyOf(x[p - 1], x[p - 1].length + 1);
            withIndicator[p - 1][x[p - 1].length] = p == full ? 1 : 0;
          }
          return OptionalDouble.of(
              LogLinearFitter.fit(t, withIndicator, -1, "Mt without 111111").abundance());
        }
        return OptionalDouble.empty();
      }
    }
  }

  private static OptionalDouble pick(ProfileInterval.Interval ci, String statistic) {
    return switch (statistic) {
      case "CI_point" -> OptionalDouble.of(ci.point());
      case "CI_low", "low" -> OptionalDouble.of(ci.lower());
      case "CI_high", "high" -> ci.upper();
      default -> throw new IllegalArgumentException(statistic);
    };
  }

  @Test
  void everyLogLinearAndClosedFormReferenceValueIsReproduced() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Datasets.Ref r : Datasets.references()) {
      OptionalDouble a = actual(r);
      if (a.isEmpty()) {
        continue;
      }
      checked++;
      if (!r.accepts(a.getAsDouble())) {
        failures.add(r + " but got " + a.getAsDouble());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(300);
  }
}
