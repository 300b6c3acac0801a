package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.model.Estimate;
import org.sijill.casefile.repo.Estimates;
import org.sijill.estimate.AlgorithmVersion;
import org.sijill.estimate.EstimationOptions;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * A report records the versions of the algorithms behind its estimates, shows them in its methods
 * section, and {@code --reproduce} says whether a version explains numbers that differ: a report in
 * the format made before versions were recorded (no {@code algorithm_versions}) is read as version
 * 1, so its LCMCR numbers made by sampler version 1 are expected to differ, its log-linear ones are
 * not.
 */
class ReproduceVersionsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Log-linear and a short LCMCR run, once on the run's clustering (no linkage replicates). */
  static final EstimationOptions OPTIONS =
      EstimationOptions.defaults(5)
          .withMethods(
              EnumSet.of(EstimationOptions.Method.LOGLINEAR, EstimationOptions.Method.LCMCR))
          .withLcmcr(5, 1_000, 400, 5, 2);

  @TempDir static Path tmp;
  static CaseFile caseFile;
  static Path report;

  @BeforeAll
  static void publish() throws Exception {
    caseFile = TestDatabases.openCase();
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(23, 150));
    VictimListReader reader = new VictimListReader(20);
    for (Path f : g.writeCsv(tmp.resolve("lists"))) {
      var v = reader.read(f, StandardCharsets.UTF_8);
      caseFile
          .victims()
          .importList(
              f.getFileName().toString().replace(".csv", ""),
              null,
              v.fileName(),
              v.sha256(),
              "UTF-8",
              v.rows(),
              "test",
              n -> {});
    }
    new LinkCase(caseFile)
        .link(LinkCase.Request.of(CountDemoCase.settings(), "test"), ProgressListener.NONE);
    new EstimateCase(caseFile)
        .estimate(new EstimateCase.Request(OPTIONS, List.of(), "test"), ProgressListener.NONE);
    Path data = Files.createDirectories(tmp.resolve("data"));
    report = tmp.resolve("report");
    new PublishReport(caseFile, data)
        .publish(
            new PublishReport.Request(report, Optional.empty(), Optional.empty(), false, "test"),
            ProgressListener.NONE);
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  @Test
  void theReportRecordsAndShowsThisBuildsVersionsAndRebuildsIdentically() throws Exception {
    JsonNode v = JSON.readTree(report.resolve("data/inputs.json").toFile()).path("estimation");
    assertThat(v.path("algorithm_versions").path("lcmcr").asInt())
        .isEqualTo(AlgorithmVersion.LCMCR.version())
        .isEqualTo(2);
    assertThat(v.path("algorithm_versions").path("loglinear").asInt()).isEqualTo(1);
    assertThat(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8))
        .contains("algorithm versions: log-linear fit 1, LCMCR sampler 2, dga model average 1");
    assertThat(Files.readString(report.resolve("index-ar.html"), StandardCharsets.UTF_8))
        .contains("LCMCR sampler 2");
    ReproduceReport.Result r =
        new ReproduceReport(caseFile).reproduce(report, ProgressListener.NONE);
    assertThat(r.differences()).isEmpty();
    assertThat(r.methods()).isEmpty();
  }

  @Test
  void anOldFormatReportsLcmcrNumbersAreExpectedToDifferItsLogLinearOnesAreNot() throws Exception {
    // As an older build stored and published it: no versions, and its own LCMCR draws; a
    // log-linear number differs too, which no version explains.
    Path old = publishAsStored("old-format", false);
    ReproduceReport.Result r = new ReproduceReport(caseFile).reproduce(old, ProgressListener.NONE);
    assertThat(r.differences())
        .containsExactlyInAnyOrder(
            "strata/all/lcmcr "
                + lcmcr.model()
                + " total: report "
                + ReportContent.round(lcmcr.total() + 1)
                + ", re-run "
                + ReportContent.round(lcmcr.total()),
            "strata/all/loglinear "
                + loglinear.model()
                + " total: report "
                + ReportContent.round(loglinear.total() + 1)
                + ", re-run "
                + ReportContent.round(loglinear.total()));
    assertThat(
            JSON.readTree(old.resolve("data/inputs.json").toFile())
                .path("estimation")
                .has("algorithm_versions"))
        .as("an old-format report records no versions")
        .isFalse();
    assertThat(Files.readString(old.resolve("index.html"), StandardCharsets.UTF_8))
        .contains(
            "algorithm versions: not recorded (estimated before versions were recorded; read as"
                + " version 1)");
    assertThat(r.methods())
        .extracting(ReproduceReport.MethodDifference::method)
        .containsExactly("lcmcr", "loglinear");
    ReproduceReport.MethodDifference l = r.methods().get(0);
    assertThat(l.explained()).isTrue();
    String rule =
        "; the report records no recommendation rule version (made before versions were"
            + " recorded: read as version 1), this build has version 4";
    // The recommended row also depends on the recommendation rule, which changed as well.
    assertThat(l.sentence())
        .isEqualTo(
            "1 LCMCR number differs: the report records no LCMCR sampler version (made before"
                + " versions were recorded: read as version 1), this build has version 2"
                + (lcmcr.recommended() ? rule : "")
                + " - expected: the algorithm changed, not the data");
    assertThat(r.methods().get(1).explained()).isFalse();
    assertThat(r.methods().get(1).sentence())
        .isEqualTo(
            "1 log-linear number differs: not explained by a change of algorithm (the report and"
                + " this build both have log-linear fit 1 (read as 1: not recorded)); check the"
                + " case file's linkage run and estimation and the build that re-ran them");
    assertThat(r.explained()).isEqualTo(1);
  }

  @Test
  void aReportOfThisBuildsVersionsLeavesAChangedLcmcrNumberUnexplained() throws Exception {
    Path now = publishAsStored("this-build", true);
    ReproduceReport.Result r = new ReproduceReport(caseFile).reproduce(now, ProgressListener.NONE);
    assertThat(r.differences()).hasSize(2);
    assertThat(r.methods())
        .extracting(ReproduceReport.MethodDifference::explained)
        .containsOnly(false);
    assertThat(r.methods().get(0).sentence())
        .isEqualTo(
            "1 LCMCR number differs: not explained by a change of algorithm (the report and this"
                + " build both have LCMCR sampler 2"
                + (lcmcr.recommended() ? ", recommendation rule 4" : "")
                + "); check the case file's linkage run and estimation and the build that re-ran"
                + " them");
    assertThat(r.explained()).isZero();
  }

  static Estimate lcmcr;
  static Estimate loglinear;

  /**
   * Stores a copy of the first estimation with 1 added to the whole case's LCMCR total and to a
   * log-linear total (not the recommended, as two may share a model), with this build's versions
   * or, as builds before session 11 stored it, none; then publishes it into {@code name}.
   */
  static Path publishAsStored(String name, boolean withVersions) throws Exception {
    long first =
        JSON.readTree(report.resolve("data/inputs.json").toFile())
            .path("estimation")
            .path("id")
            .asLong();
    List<Estimate> rows = caseFile.estimates().ofEstimation(first);
    Estimates.StoredEstimation stored = caseFile.estimates().estimation(first).orElseThrow();
    List<Estimates.NewEstimate> copy = new ArrayList<>();
    lcmcr = null;
    loglinear = null;
    for (Estimate e : rows) {
      boolean change = false;
      if (e.stratum() == null && e.method().equals("lcmcr") && lcmcr == null) {
        lcmcr = e;
        change = true;
      } else if (e.stratum() == null
          && e.method().equals("loglinear")
          && !e.recommended()
          && loglinear == null) {
        loglinear = e;
        change = true;
      }
      copy.add(
          new Estimates.NewEstimate(
              e.stratum(),
              e.method(),
              e.model(),
              e.total() + (change ? 1 : 0),
              e.lowerBound(),
              e.upperBound(),
              e.recommended(),
              e.result()));
    }
    assertThat(lcmcr).as("an LCMCR estimate").isNotNull();
    assertThat(loglinear).as("a log-linear estimate besides the recommended").isNotNull();
    ObjectNode report = (ObjectNode) JSON.readTree(stored.reportJson());
    assertThat(report.has("algorithmVersions")).isTrue();
    if (!withVersions) {
      report.remove("algorithmVersions");
    }
    caseFile
        .estimates()
        .store(
            new Estimates.NewEstimation(
                stored.linkageRunId(),
                rows.get(0).lists(),
                stored.strata(),
                stored.seed(),
                stored.inputSha256(),
                rows.get(0).inputs(),
                JSON.writeValueAsString(report),
                stored.softwareVersion()),
            copy,
            "test");
    Path out = tmp.resolve(name);
    new PublishReport(caseFile, tmp.resolve("data"))
        .publish(
            new PublishReport.Request(out, Optional.empty(), Optional.empty(), false, "test"),
            ProgressListener.NONE);
    return out;
  }
}
