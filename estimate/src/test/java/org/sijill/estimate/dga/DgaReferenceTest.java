package org.sijill.estimate.dga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Datasets;

/** dga against R's dga 2.0.2 and the numbers of Madigan and York (1997) in dga's own tests. */
class DgaReferenceTest {

  @Test
  void countsDecomposableGraphs() {
    assertThat(ChordalGraphs.all(3)).hasSize(8);
    assertThat(ChordalGraphs.all(4)).hasSize(61);
    assertThat(ChordalGraphs.all(5)).hasSize(822);
  }

  @Test
  void posteriorSummariesMatchTheRPackage() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String ds : List.of("kosovo_1999", "hiv_rome", "spina_bifida_ny")) {
      Dga.Result r = Dga.standard(Datasets.table(ds));
      for (Datasets.Ref ref : Datasets.references()) {
        if (!ref.dataset().equals(ds) || !ref.method().startsWith("dga bma.cr")) {
          continue;
        }
        double actual =
            switch (ref.statistic()) {
              case "post_mean" -> r.mean();
              case "post_median" -> r.quantile(0.5);
              case "q025" -> r.quantile(0.025);
              case "q975" -> r.quantile(0.975);
              case "post_mode" -> r.mode();
              default -> throw new IllegalArgumentException(ref.statistic());
            };
        checked++;
        if (!ref.accepts(actual)) {
          failures.add(ref + " but got " + actual);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isEqualTo(15);
  }

  /**
   * dga's unit test "3 lists example against Madigan and York": delta = 1, a negative-binomial
   * prior.
   */
  @Test
  void reproducesMadiganAndYorkSpinaBifida() {
    CaptureTable t = Datasets.table("spina_bifida_ny");
    double a = 13.14;
    double b = 55.17;
    Dga.LogPrior nb =
        bigN ->
            bigN * Math.log(b)
                - (bigN + a) * Math.log(1 + b)
                + Gamma.logGamma(bigN + a)
                - Gamma.logGamma(bigN + 1)
                - Gamma.logGamma(a);
    Dga.Result r = Dga.run(t, 1.0, 1, 300, nb);
    int top = r.topGraph();
    List<String> failures = new ArrayList<>();
    for (Datasets.Ref ref : Datasets.references()) {
      if (!ref.method().startsWith("Madigan & York")) {
        continue;
      }
      double[] post = ref.model().equals("top model") ? r.conditional()[top] : r.posterior();
      double actual =
          switch (ref.statistic()) {
            case "posterior_prob (2 dp)" -> Math.round(r.graphProbability()[top] * 100) / 100.0;
            case "Bayes E[1/N]/E[1/N^2] (rounded)" -> Math.round(bayes(r, post));
            case "posterior mode" -> r.mode(post);
            default -> throw new IllegalArgumentException(ref.statistic());
          };
      if (!ref.accepts(actual)) {
        failures.add(ref + " but got " + actual);
      }
    }
    assertThat(failures).isEmpty();
  }

  private static double bayes(Dga.Result r, double[] post) {
    double e1 = 0;
    double e2 = 0;
    for (int i = 0; i < post.length; i++) {
      double bigN = r.n() + r.n0From() + i;
      e1 += post[i] / bigN;
      e2 += post[i] / (bigN * bigN);
    }
    return e1 / e2;
  }
}
