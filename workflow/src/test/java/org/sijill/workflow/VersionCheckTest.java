package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sijill.estimate.AlgorithmVersion;

/**
 * The sentence {@code report --reproduce} gives a method whose numbers differ: explained when the
 * report's version of an algorithm they depend on is not this build's, a report without versions
 * read as version 1.
 */
class VersionCheckTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode versions(int loglinear, int lcmcr, int dga, int replicates, int rule) {
    ObjectNode o = JSON.createObjectNode();
    o.put("loglinear", loglinear);
    o.put("lcmcr", lcmcr);
    o.put("dga", dga);
    o.put("linkageReplicates", replicates);
    o.put("recommendation", rule);
    return o;
  }

  static ReproduceReport.MethodDifference explain(
      JsonNode recorded, String method, boolean combined, boolean recommended, int n) {
    return new VersionCheck(recorded)
        .explain(method, VersionCheck.algorithms(method, combined, recommended), n);
  }

  @Test
  void aReportMadeWithSamplerVersion1ExplainsItsLcmcrNumbers() {
    ReproduceReport.MethodDifference d = explain(versions(1, 1, 1, 3, 4), "lcmcr", false, false, 3);
    assertThat(d.explained()).isTrue();
    assertThat(d.method()).isEqualTo("lcmcr");
    assertThat(d.numbers()).isEqualTo(3);
    assertThat(d.sentence())
        .isEqualTo(
            "3 LCMCR numbers differ: the report was made with LCMCR sampler version 1, this build"
                + " has version 2 - expected: the algorithm changed, not the data");
  }

  @Test
  void aReportWithoutVersionsIsReadAsVersion1() {
    ReproduceReport.MethodDifference d =
        explain(MissingNode.getInstance(), "lcmcr", false, false, 1);
    assertThat(d.explained()).isTrue();
    assertThat(d.sentence())
        .isEqualTo(
            "1 LCMCR number differs: the report records no LCMCR sampler version (made before"
                + " versions were recorded: read as version 1), this build has version 2 -"
                + " expected: the algorithm changed, not the data");
    // so is a report whose versions lack this one, or hold something that is not a version
    ObjectNode partial = versions(1, 2, 1, 3, 4);
    partial.remove("lcmcr");
    assertThat(explain(partial, "lcmcr", false, false, 1).explained()).isTrue();
    partial.put("lcmcr", "2");
    assertThat(explain(partial, "lcmcr", false, false, 1).explained()).isTrue();
    assertThat(new VersionCheck(partial).recorded(AlgorithmVersion.LCMCR)).isEqualTo(1);
    assertThat(new VersionCheck(null).recorded(AlgorithmVersion.DGA)).isEqualTo(1);
  }

  @Test
  void theSameVersionsLeaveADifferenceUnexplained() {
    ReproduceReport.MethodDifference d =
        explain(versions(1, 2, 1, 3, 4), "loglinear", false, false, 2);
    assertThat(d.explained()).isFalse();
    assertThat(d.sentence())
        .isEqualTo(
            "2 log-linear numbers differ: not explained by a change of algorithm (the report and"
                + " this build both have log-linear fit 1); check the case file's linkage run and"
                + " estimation and the build that re-ran them");
    // A report without versions reads log-linear as version 1, which this build still has.
    ReproduceReport.MethodDifference old =
        explain(MissingNode.getInstance(), "loglinear", false, false, 1);
    assertThat(old.explained()).isFalse();
    assertThat(old.sentence())
        .contains("both have log-linear fit 1 (read as 1: not recorded)")
        .doesNotContain("expected");
  }

  @Test
  void aCombinedOrRecommendedEstimateAlsoDependsOnTheReplicatesAndTheRule() {
    // the log-linear fit did not change; the replicate draw did
    ReproduceReport.MethodDifference combined =
        explain(versions(1, 2, 1, 2, 4), "loglinear", true, false, 1);
    assertThat(combined.explained()).isTrue();
    assertThat(combined.sentence())
        .isEqualTo(
            "1 log-linear number differs: the report was made with linkage replicate draw version"
                + " 2, this build has version 5 - expected: the algorithm changed, not the data");
    assertThat(explain(versions(1, 2, 1, 2, 4), "loglinear", false, false, 1).explained())
        .isFalse();
    // the recommended dga estimate under an older rule; both changes named when both changed
    ReproduceReport.MethodDifference rule = explain(versions(1, 1, 1, 3, 2), "dga", false, true, 1);
    assertThat(rule.explained()).isTrue();
    assertThat(rule.sentence())
        .contains("recommendation rule version 2, this build has version 4")
        .doesNotContain("sampler");
    assertThat(explain(versions(1, 1, 1, 2, 2), "lcmcr", true, true, 1).sentence())
        .contains(
            "the report was made with LCMCR sampler version 1, this build has version 2; the"
                + " report was made with linkage replicate draw version 2, this build has version"
                + " 5; the report was made with recommendation rule version 2, this build has"
                + " version 4 - expected");
  }

  @Test
  void theMethodsSectionNamesTheVersionsInTheBuildsOrderOrSaysThereAreNone() {
    ObjectNode stored = JSON.createObjectNode();
    // as PostgreSQL's jsonb hands them back: shorter keys first
    stored.put("dga", 1).put("lcmcr", 2).put("loglinear", 1).put("recommendation", 4);
    stored.put("linkageReplicates", 3).put("futureThing", 7);
    assertThat(VersionCheck.describe(stored))
        .isEqualTo(
            "algorithm versions: log-linear fit 1, LCMCR sampler 2, dga model average 1, linkage"
                + " replicate draw 3, recommendation rule 4, futureThing 7");
    assertThat(VersionCheck.describe(MissingNode.getInstance()))
        .isEqualTo(
            "algorithm versions: not recorded (estimated before versions were recorded; read as"
                + " version 1)");
  }
}
