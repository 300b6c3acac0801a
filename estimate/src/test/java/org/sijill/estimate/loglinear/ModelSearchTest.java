package org.sijill.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Datasets;

class ModelSearchTest {

  @Test
  void enumeratesRcapturesModelCounts() {
    assertThat(ModelSearch.enumerate(3)).hasSize(8);
    assertThat(ModelSearch.enumerate(4)).hasSize(113);
    assertThat(ModelSearch.enumerate(5)).hasSize(6893);
  }

  @Test
  void parsesAndNamesModelsInBothNotations() {
    List<String> lists = List.of("EXH", "ABA", "OSCE", "HRW");
    HierarchicalModel m = HierarchicalModel.parse("EXH*ABA*OSCE + EXH*HRW + OSCE*HRW", lists);
    assertThat(m.rcaptureName()).isEqualTo("[123,14,34]");
    assertThat(m.name(lists)).isEqualTo("EXH*ABA*OSCE+EXH*HRW+OSCE*HRW");
    // main effects only and terms implied by larger ones are dropped from the generating class
    assertThat(HierarchicalModel.parse("EXH+ABA*OSCE+ABA+HRW", lists).rcaptureName())
        .isEqualTo("[23,1,4]");
    assertThat(m.interactionTerms()).hasSize(6); // 12,13,23,14,34 and 123
  }

  @Test
  void sixListsAreSearchedStepwiseAndImproveOnIndependence() {
    CaptureTable hare = Datasets.table("hare");
    ModelSearch.Result r = ModelSearch.search(hare);
    assertThat(r.exhaustive()).isFalse();
    ModelFit independence = ModelSearch.fit(hare, HierarchicalModel.independence(6));
    assertThat(r.bestBic()).isPresent();
    assertThat(r.bestBic().get().bic()).isLessThanOrEqualTo(independence.bic());
  }

  @Test
  void existenceCheckFindsTheUnboundedModel() {
    // nobody on both A and B: the A*B term's estimate runs off to minus infinity; N stays finite
    // (the extended MLE fits the A-and-B cells as zero and the rest as independence does)
    long[] c = new long[8];
    c[0b001] = 50;
    c[0b010] = 40;
    c[0b100] = 60;
    c[0b101] = 12;
    c[0b110] = 9;
    CaptureTable t = CaptureTable.of(List.of("A", "B", "C"), c);
    HierarchicalModel withAb = HierarchicalModel.parse("A*B+C", t.lists());
    ModelFit f = ModelSearch.fit(t, withAb);
    MleExistence.Check check = MleExistence.check(f.design(), f.y());
    assertThat(check.exists()).isFalse();
    assertThat(check.nFinite()).isTrue();
    assertThat(check.zeroFitted()).hasSize(2);
    ModelFit ok = ModelSearch.fit(t, HierarchicalModel.independence(3));
    assertThat(MleExistence.check(ok.design(), ok.y()).exists()).isTrue();
  }
}
