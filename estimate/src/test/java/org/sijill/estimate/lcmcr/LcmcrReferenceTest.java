package org.sijill.estimate.lcmcr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Datasets;

/**
 * LCMCR posterior quantiles of N against R's LCMCR 0.4.14 (K = 10, a = b = 0.25), within the Monte
 * Carlo tolerance of reference_values.csv (median 2%, quantiles 4%). Runs as long as the R
 * reference (burn-in 1e5, 2e4 draws thinned by 50). HIV's posterior has a long right tail whose
 * 97.5% quantile moves by about 4% between single runs, so it pools four chains, as the R reference
 * pooled four seeds; the others pool two.
 */
class LcmcrReferenceTest {

  private static int chains(String dataset) {
    return dataset.equals("hiv_rome") ? 4 : 2;
  }

  @Test
  void posteriorQuantilesMatchTheRPackageWithinMonteCarloError() {
    List<String> failures = new ArrayList<>();
    List<String> rhats = new ArrayList<>();
    int checked = 0;
    for (String ds : List.of("kosovo_1999", "hiv_rome", "spina_bifida_ny", "hare")) {
      CaptureTable t = Datasets.table(ds);
      Lcmcr.Result r =
          Lcmcr.run(
              t, new Lcmcr.Config(10, 100_000, 20_000, 50, chains(ds), 20261125L, 0.25, 0.25));
      for (Datasets.Ref ref : Datasets.references()) {
        if (!ref.dataset().equals(ds) || !ref.method().startsWith("LCMCR")) {
          continue;
        }
        double actual =
            switch (ref.statistic()) {
              case "median" -> r.median();
              case "q025" -> r.lower();
              case "q975" -> r.upper();
              default -> throw new IllegalArgumentException(ref.statistic());
            };
        checked++;
        if (!ref.accepts(actual)) {
          failures.add(ref + " but got " + actual);
        }
      }
      // HIV mixes slowly (94% seen on one list only); its chains are checked more loosely
      rhats.add(ds + " R-hat " + r.rhat());
      if (r.rhat() > (ds.equals("hiv_rome") ? 1.25 : 1.1)) {
        failures.add(ds + ": chains disagree, R-hat " + r.rhat());
      }
    }
    assertThat(failures).as(rhats.toString()).isEmpty();
    assertThat(checked).isEqualTo(12);
  }

  @Test
  void sameSeedSameDraws() {
    CaptureTable t = Datasets.table("spina_bifida_ny");
    Lcmcr.Config cfg = new Lcmcr.Config(5, 200, 100, 2, 2, 7L, 0.25, 0.25);
    assertThat(Lcmcr.run(t, cfg).draws()).isDeepEqualTo(Lcmcr.run(t, cfg).draws());
  }
}
