package org.sijill.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Datasets;

class PoissonGlmTest {

  @Test
  void robustFallbackAgreesWithTheStandardFitWhenBothConverge() {
    CaptureTable k = Datasets.table("kosovo_1999");
    double[][] x = HierarchicalModel.parse("EXH*ABA*OSCE+EXH*HRW+OSCE*HRW", k.lists()).design();
    PoissonGlm.Fit plain = PoissonGlm.fit(k.observedCells(), x);
    PoissonGlm.Fit robust = PoissonGlm.fitRobust(k.observedCells(), x);
    assertThat(plain.converged()).isTrue();
    assertThat(robust.converged()).isTrue();
    assertThat(robust.intercept()).isCloseTo(plain.intercept(), offset(1e-8));
    assertThat(4400 + Math.exp(plain.intercept())).isCloseTo(10356.519, offset(1e-3));
  }

  @Test
  void aliasedColumnsGetNoCoefficientAndDoNotCountInTheRank() {
    CaptureTable k = Datasets.table("spina_bifida_ny");
    double[][] x = StandardModel.MT.design(3);
    double[][] doubled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      doubled[i] = java.util.Arrays.copyOf(x[i], x[i].length + 1);
      doubled[i][x[i].length] = x[i][1] + x[i][2]; // a copy of two columns: aliased
    }
    PoissonGlm.Fit f = PoissonGlm.fit(k.observedCells(), doubled);
    assertThat(f.rank()).isEqualTo(4);
    assertThat(f.aliased()).isTrue();
    assertThat(k.documented() + Math.exp(f.intercept())).isCloseTo(763.888, offset(1e-3));
  }
}
