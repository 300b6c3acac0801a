package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.LinkageReview;
import org.sijill.casefile.repo.LinkageRuns;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.linkage.Settings;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * A case's review decisions calibrate the probabilities the linkage replicates draw the undecided
 * contested pairs with (issue 15): each decision is read with the probability and the clustering of
 * the run that put its pair up for review, and the estimate says how far each kind of pair moved.
 */
class ReviewCalibrationCaseTest {
  @TempDir static Path files;
  static CaseFile caseFile;
  static Settings settings;

  @BeforeAll
  static void importLists() throws Exception {
    caseFile = TestDatabases.openCase();
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(23, 400));
    GeneratedCase.importLists(caseFile, g, files);
    settings = GeneratedCase.settings(files);
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  @Test
  void decisionsOnAnEarlierRunsPairsShiftEachKindAndTheEstimateSaysSo() {
    EstimationOptions options =
        EstimationOptions.defaults(3)
            .withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR))
            .withLinkageReplicates(4);
    LinkageRun run1 =
        new LinkCase(caseFile)
            .link(LinkCase.Request.of(settings, "analyst"), ProgressListener.NONE)
            .run();
    // Estimated before any decision: no calibration.
    EstimateCase.Result before =
        new EstimateCase(caseFile)
            .estimate(
                new EstimateCase.Request(options, List.of(), "analyst"), ProgressListener.NONE);
    assertThat(uncertainty(before)).doesNotContainKey("calibration");
    assertThat(before.report().warnings()).contains(EstimateCase.UNREVIEWED);
    // unchecked probabilities: the recommended interval takes in the run's own clustering's
    Estimate runOwn =
        new EstimateCase(caseFile)
            .estimate(
                new EstimateCase.Request(options.withLinkageReplicates(0), List.of(), "analyst"),
                ProgressListener.NONE)
            .report()
            .recommended();
    Estimate unchecked = before.report().recommended();
    assertThat(unchecked.lower()).isLessThanOrEqualTo(runOwn.lower());
    assertThat(unchecked.upper()).isGreaterThanOrEqualTo(runOwn.upper());
    assertThat(caseFile.linkageReview().reviewedPairs(run1.id())).isEmpty();

    // A reviewer confirms the run on its first pairs of each kind: merged pairs are the same
    // person, pairs left apart are not; an unsure decision and a split on a person page (a pair no
    // run put up for review) do not count.
    List<LinkageRuns.ReviewPair> pairs = caseFile.linkageReview().reviewPairs(run1.id());
    RecordDecisions decide = new RecordDecisions(caseFile);
    int merged = 0;
    int apart = 0;
    Map<String, LinkageRuns.ReviewPair> decided = new HashMap<>();
    for (LinkageRuns.ReviewPair p : pairs) {
      if (p.same() ? merged < 4 : apart < 4) {
        decide.one(
            p.leftVictimId(), p.rightVictimId(), p.same() ? "same" : "different", null, "reviewer");
        decided.put(key(p.leftVictimId(), p.rightVictimId()), p);
        merged += p.same() ? 1 : 0;
        apart += p.same() ? 0 : 1;
      }
    }
    // (how many of each kind the review list holds depends on the linker: at least one each)
    assertThat(merged).as("merged pairs in the review list").isPositive();
    assertThat(apart).as("pairs left apart in the review list").isPositive();
    LinkageRuns.ReviewPair unsure =
        pairs.stream()
            .filter(p -> !decided.containsKey(key(p.leftVictimId(), p.rightVictimId())))
            .findFirst()
            .orElseThrow();
    decide.one(unsure.leftVictimId(), unsure.rightVictimId(), "unsure", null, "reviewer");
    long[] notReviewed = twoRecordsOfOnePersonNotPairedForReview(run1, decided);
    decide.one(notReviewed[0], notReviewed[1], "different", "person page", "reviewer");

    LinkageRun run2 =
        new LinkCase(caseFile)
            .link(LinkCase.Request.of(settings, "reviewer"), ProgressListener.NONE)
            .run();
    List<LinkageReview.ReviewedPair> reviewed = caseFile.linkageReview().reviewedPairs(run2.id());
    assertThat(reviewed).hasSize(merged + apart);
    assertThat(reviewed.stream().filter(LinkageReview.ReviewedPair::merged)).hasSize(merged);
    for (LinkageReview.ReviewedPair r : reviewed) {
      assertThat(r.same()).isEqualTo(r.merged());
    }
    List<Double> expectedDraws = new ArrayList<>();
    decided.values().forEach(p -> expectedDraws.add(p.drawProbability()));
    assertThat(reviewed.stream().map(LinkageReview.ReviewedPair::drawProbability))
        .containsExactlyInAnyOrderElementsOf(expectedDraws);

    EstimateCase.Result after =
        new EstimateCase(caseFile)
            .estimate(
                new EstimateCase.Request(options, List.of(), "analyst"), ProgressListener.NONE);
    Map<?, ?> calibration = (Map<?, ?>) uncertainty(after).get("calibration");
    assertThat(calibration.get("mergedDecisions")).isEqualTo(merged);
    assertThat(calibration.get("apartDecisions")).isEqualTo(apart);
    assertThat((Double) calibration.get("mergedShift")).isPositive();
    assertThat((Double) calibration.get("apartShift")).isNegative();
    assertThat(after.report().warnings())
        .anySatisfy(w -> assertThat(w).contains("calibrated on the review decisions"))
        .doesNotContain(EstimateCase.UNREVIEWED);
    // checked probabilities: the combined interval is recommended as it is
    assertThat(after.report().recommended().details()).doesNotContainKey("widenedToTheRunBecause");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> uncertainty(EstimateCase.Result r) {
    return (Map<String, Object>) r.report().details().get("linkageUncertainty");
  }

  private static String key(long a, long b) {
    return Math.min(a, b) + "-" + Math.max(a, b);
  }

  /** Two records the run put in one person whose pair is not on its review list. */
  private static long[] twoRecordsOfOnePersonNotPairedForReview(
      LinkageRun run, Map<String, LinkageRuns.ReviewPair> decided) {
    java.util.Set<String> listed = new java.util.HashSet<>(decided.keySet());
    for (LinkageRuns.ReviewPair p : caseFile.linkageReview().reviewPairs(run.id())) {
      listed.add(key(p.leftVictimId(), p.rightVictimId()));
    }
    for (List<VictimRecord> rs : caseFile.linkageRuns().records(run.id()).values()) {
      if (rs.size() >= 2 && !listed.contains(key(rs.get(0).id(), rs.get(1).id()))) {
        return new long[] {rs.get(0).id(), rs.get(1).id()};
      }
    }
    throw new AssertionError("every person of two or more records is on the review list");
  }
}
