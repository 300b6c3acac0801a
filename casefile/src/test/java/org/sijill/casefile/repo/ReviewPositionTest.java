package org.sijill.casefile.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.VictimRecord;

/**
 * The review desk's position in a run's queue, read in one statement: the first pair in rank order
 * with no decision in force, whichever way round the pair or its decision names the two records,
 * and the counts of decided and all pairs.
 */
class ReviewPositionTest {
  @TempDir Path files;

  @Test
  void nextPairIsTheFirstUndecidedInRankOrder() throws Exception {
    try (CaseFile caseFile = TestDatabases.openCase()) {
      SmallLists.importList(caseFile, files, "queue-list", 5, "Synthetic Person", 'M', 4);
      LinkageRuns runs = caseFile.linkageRuns();
      List<VictimRecord> in = caseFile.linkageInput().input();
      long r1 = in.get(0).id();
      long r2 = in.get(1).id();
      long r3 = in.get(2).id();
      long r4 = in.get(3).id();
      long r5 = in.get(4).id();
      List<LinkageRuns.NewPerson> persons =
          in.stream()
              .map(
                  v ->
                      new LinkageRuns.NewPerson(
                          null, "Synthetic", List.of(new LinkageRuns.NewLink(v.id(), null))))
              .toList();
      // ranks 1..3; the first names its larger record first
      List<LinkageRuns.ReviewPair> review =
          List.of(
              new LinkageRuns.ReviewPair(r2, r1, 0.6, false),
              new LinkageRuns.ReviewPair(r3, r4, 0.5, false),
              new LinkageRuns.ReviewPair(r4, r5, 0.4, false));
      long run =
          runs.store(
                  new LinkageRuns.NewRun(
                      null, "{}", "dedupe", "{}", List.of("queue-list"), List.of(), 5, 3, "test"),
                  persons,
                  review,
                  "test",
                  n -> {})
              .run()
              .id();
      LinkageReview.ReviewPosition at = caseFile.linkageReview().reviewPosition(run);
      assertThat(at.next()).isEqualTo(review.get(0));
      assertThat(at.decided()).isZero();
      assertThat(at.total()).isEqualTo(3);

      // a decision on a pair outside the list changes nothing
      caseFile
          .linkDecisions()
          .decide(List.of(new LinkDecisions.NewDecision(r1, r5, "different", null)), "rev");
      assertThat(caseFile.linkageReview().reviewPosition(run)).isEqualTo(at);

      caseFile
          .linkDecisions()
          .decide(List.of(new LinkDecisions.NewDecision(r1, r2, "same", null)), "rev");
      at = caseFile.linkageReview().reviewPosition(run);
      assertThat(at.next()).isEqualTo(review.get(1));
      assertThat(at.decided()).isEqualTo(1);

      // unsure is a decision in force; a newer decision on the same pair is still one pair
      caseFile
          .linkDecisions()
          .decide(List.of(new LinkDecisions.NewDecision(r4, r3, "unsure", null)), "rev");
      caseFile
          .linkDecisions()
          .decide(List.of(new LinkDecisions.NewDecision(r3, r4, "different", null)), "rev");
      at = caseFile.linkageReview().reviewPosition(run);
      assertThat(at.next()).isEqualTo(review.get(2));
      assertThat(at.decided()).isEqualTo(2);
      assertThat(at.total()).isEqualTo(3);

      caseFile
          .linkDecisions()
          .decide(List.of(new LinkDecisions.NewDecision(r4, r5, "different", null)), "rev");
      assertThat(caseFile.linkageReview().reviewPosition(run))
          .isEqualTo(new LinkageReview.ReviewPosition(null, 3, 3));
      assertThat(caseFile.linkageReview().reviewPosition(run + 1000))
          .isEqualTo(new LinkageReview.ReviewPosition(null, 0, 0));
    }
  }
}
