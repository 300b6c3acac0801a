package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sijill estimate, in-process, on a small synthetic table. */
class EstimateCommandTest {
  @TempDir Path dir;

  private Path histories() throws Exception {
    Path f = dir.resolve("histories.csv");
    Files.writeString(
        f, "A,B,C,count\n0,0,1,60\n0,1,0,49\n0,1,1,4\n1,0,0,247\n1,0,1,112\n1,1,0,142\n1,1,1,12\n");
    return f;
  }

  @Test
  void writesResultJsonWithTheContractFields() throws Exception {
    Path out = dir.resolve("result.json");
    CliRun r =
        run(
            "estimate",
            "--histories",
            histories().toString(),
            "--seed",
            "3",
            "--lcmcr-burn-in",
            "2000",
            "--lcmcr-samples",
            "1000",
            "--lcmcr-thin",
            "2",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("documented: 626 on 3 lists").contains("recommended: ");
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.get("lists").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");
    assertThat(json.get("documented").asLong()).isEqualTo(626);
    JsonNode first = json.get("estimates").get(0);
    assertThat(first.get("method").asText()).isEqualTo("loglinear");
    assertThat(first.get("model").asText()).isEqualTo("B*C+A");
    assertThat(first.get("total").asDouble()).isBetween(730.9, 731.0);
    assertThat(first.has("aic")).isTrue();
    assertThat(first.has("bic")).isTrue();
    // LCMCR when its chains agree, dga otherwise (this run is deliberately short)
    assertThat(json.get("recommended").get("method").asText()).isIn("lcmcr", "dga");
    assertThat(json.get("warnings").isArray()).isTrue();
    assertThat(Files.readString(out)).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void tooFewPeopleOnTwoListsIsRefusedWithTheReasonOnScreen() throws Exception {
    Path f = dir.resolve("sparse.csv");
    // 368 documented, 14 of them on two or more lists
    Files.writeString(
        f, "A,B,C,count\n1,0,0,247\n0,1,0,49\n1,1,0,2\n0,0,1,60\n1,0,1,5\n" + "0,1,1,4\n1,1,1,3\n");
    Path out = dir.resolve("result.json");
    CliRun r =
        run(
            "estimate",
            "--histories",
            f.toString(),
            "--seed",
            "3",
            "--lcmcr-burn-in",
            "2000",
            "--lcmcr-samples",
            "1000",
            "--lcmcr-thin",
            "2",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("no recommended estimate: refused (see why and range)")
        .contains(
            "why: No estimate is recommended: refused because only 14 documented people are on"
                + " two or more lists (fewer than 20)")
        .contains("warning: refused: only 14 documented people");
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.get("recommended").isNull()).isTrue();
    assertThat(json.at("/details/verdict").asText()).isEqualTo("refused");
    assertThat(json.get("estimates").size()).isPositive();
  }

  @Test
  void twoGroupsOfCatchabilityRaiseTheUpperBoundWithAWarningInWords() throws Exception {
    Path f = dir.resolve("two-groups.csv");
    // the expected counts of 3,000 synthetic people: 30% easy to document (p 0.4-0.55), 70% hard
    // (p 0.15-0.25), lists independent within each group
    Files.writeString(
        f,
        "A,B,C,D,count\n1,0,0,0,281\n0,1,0,0,206\n1,1,0,0,92\n0,0,1,0,330\n1,0,1,0,116\n"
            + "0,1,1,0,87\n1,1,1,0,49\n0,0,0,1,296\n1,0,0,1,135\n0,1,0,1,105\n1,1,0,1,76\n"
            + "0,0,1,1,126\n1,0,1,1,72\n0,1,1,1,57\n1,1,1,1,48\n");
    Path out = dir.resolve("result.json");
    CliRun r =
        run(
            "estimate",
            "--histories",
            f.toString(),
            "--seed",
            "5",
            "--lcmcr-burn-in",
            "5000",
            "--lcmcr-samples",
            "2000",
            "--lcmcr-thin",
            "5",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("upper bound raised for capture heterogeneity")
        .contains(
            "warning: capture heterogeneity: the documented people differ in how easily the lists"
                + " catch them");
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.at("/details/verdict").asText()).isEqualTo("widened");
    assertThat(json.at("/recommended/upper").asDouble())
        .isEqualTo(json.at("/recommended/details/heterogeneity/upper").asDouble())
        .isGreaterThan(json.at("/spread/upper").asDouble())
        .isGreaterThan(json.at("/recommended/details/ownUpper").asDouble())
        .isGreaterThan(3000);
  }

  @Test
  void kosovoIsWidenedBecauseSparseMseLiesOutsideLcmcrsInterval() throws Exception {
    Path f = dir.resolve("kosovo.csv");
    // Ball et al. (2002), four sources, 4,400 documented (also in estimate's test resources)
    Files.writeString(
        f,
        "EXH,ABA,OSCE,HRW,count\n0,0,0,1,306\n0,0,1,0,936\n0,0,1,1,123\n0,1,0,0,845\n"
            + "0,1,0,1,31\n0,1,1,0,217\n0,1,1,1,32\n1,0,0,0,1131\n1,0,0,1,106\n1,0,1,0,228\n"
            + "1,0,1,1,42\n1,1,0,0,177\n1,1,0,1,18\n1,1,1,0,181\n1,1,1,1,27\n");
    Path out = dir.resolve("result.json");
    CliRun r =
        run(
            "estimate",
            "--histories",
            f.toString(),
            "--seed",
            "11",
            "--lcmcr-classes",
            "10",
            "--lcmcr-burn-in",
            "20000",
            "--lcmcr-samples",
            "5000",
            "--lcmcr-thin",
            "10",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "(widened to the credible estimates' envelope; upper bound raised for capture"
                + " heterogeneity)")
        .contains("warning: widened: log-linear SparseMSE stepwise")
        .contains("warning: capture heterogeneity: ");
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.at("/details/verdict").asText()).isEqualTo("widened");
    assertThat(json.at("/recommended/lower").asDouble())
        .isEqualTo(json.at("/spread/lower").asDouble())
        .isLessThan(json.at("/recommended/details/ownLower").asDouble());
    // the envelope's upper bound, then raised to Mth Gamma3.5's: Kosovo shows heterogeneity
    assertThat(json.at("/recommended/upper").asDouble())
        .isEqualTo(json.at("/recommended/details/heterogeneity/upper").asDouble())
        .isGreaterThan(json.at("/spread/upper").asDouble())
        .isGreaterThan(json.at("/recommended/details/ownUpper").asDouble());
  }

  @Test
  void aModelAndMethodGiveOneEstimateOnStdout() throws Exception {
    CliRun r =
        run(
            "estimate",
            "--histories",
            histories().toString(),
            "--method",
            "loglinear",
            "--model",
            "A*B+B*C");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("estimates")).hasSize(1);
    assertThat(json.get("estimates").get(0).get("total").asDouble()).isBetween(758.3, 758.4);
  }

  @Test
  void badInputIsOneClearLineNamingFileLineAndColumn() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "A,B,C,count\n1,0,x,3\n");
    CliRun r = run("estimate", "--histories", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(bad + ":2: C: expected 0 or 1, got 'x'");
    assertThat(r.err()).doesNotContain("Exception");

    CliRun model =
        run(
            "estimate",
            "--histories",
            histories().toString(),
            "--method",
            "loglinear",
            "--model",
            "A*Z");
    assertThat(model.code()).isEqualTo(1);
    assertThat(model.err()).contains("--model").contains("unknown list 'Z'");

    CliRun missing = run("estimate", "--histories", dir.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.csv: no such file");
  }
}
