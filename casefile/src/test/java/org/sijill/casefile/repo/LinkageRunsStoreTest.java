package org.sijill.casefile.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.VictimRecord;

/**
 * A run is stored in batches and says how many rows are written as it goes, so a long store shows
 * progress; what is stored is the same whatever the batch size.
 */
class LinkageRunsStoreTest {
  @TempDir Path files;

  @Test
  void storingInSmallBatchesReportsEveryBatchAndStoresEveryRow() throws Exception {
    try (CaseFile caseFile = TestDatabases.openCase()) {
      SmallLists.importList(caseFile, files, "batch-list", 7, "Synthetic Person", 'F', 3);
      LinkageRuns runs = new LinkageRuns(caseFile.jdbi(), 2);
      List<VictimRecord> input = caseFile.linkageInput().input();
      assertThat(input).hasSize(7);
      // Persons: {r1, r2}, {r3, r4, r5}, {r6}, {r7}; review pairs: three.
      List<LinkageRuns.NewPerson> persons =
          List.of(
              person("one", input, 0, 1),
              person("two", input, 2, 3, 4),
              person("three", input, 5),
              person("four", input, 6));
      List<LinkageRuns.ReviewPair> review =
          List.of(
              new LinkageRuns.ReviewPair(input.get(0).id(), input.get(1).id(), 0.3, true, 0.503),
              new LinkageRuns.ReviewPair(input.get(4).id(), input.get(5).id(), 0.4, false),
              new LinkageRuns.ReviewPair(input.get(5).id(), input.get(6).id(), 0.2, false));
      List<Long> heard = new ArrayList<>();
      LinkageRuns.Stored stored =
          runs.store(
              new LinkageRuns.NewRun(
                  null, "{}", "dedupe", "{}", List.of("batch-list"), List.of(), 7, 5, "test"),
              persons,
              review,
              "test",
              heard::add);

      // 4 persons in batches of 2, 7 links (2+2+2+1), 3 pairs (2+1): eight batches, 14 rows.
      assertThat(heard).containsExactly(2L, 4L, 6L, 8L, 10L, 11L, 13L, 14L);
      assertThat(stored.personIds()).hasSize(4).doesNotContainNull().doesNotHaveDuplicates();
      Map<Long, List<VictimRecord>> byPerson = runs.records(stored.run().id());
      assertThat(byPerson).hasSize(4);
      assertThat(byPerson.get(stored.personIds().get(1)))
          .extracting(VictimRecord::recordId)
          .containsExactlyInAnyOrder("r3", "r4", "r5");
      assertThat(stored.run().reviewCount()).isEqualTo(3);
      // The draw probability is stored beside the model's; a row stored before it existed (null)
      // is drawn with the model's probability.
      long runId = stored.run().id();
      caseFile
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "insert into linkage_review_pair (run_id, rank, left_victim_id,"
                              + " right_victim_id, probability, same_person)"
                              + " values (:run, 4, :l, :r, 0.15, false)")
                      .bind("run", runId)
                      .bind("l", input.get(1).id())
                      .bind("r", input.get(6).id())
                      .execute());
      assertThat(caseFile.linkageReview().reviewPairs(runId))
          .containsExactly(
              review.get(0),
              review.get(1),
              review.get(2),
              new LinkageRuns.ReviewPair(input.get(1).id(), input.get(6).id(), 0.15, false, 0.15));
      assertThat(caseFile.linkageReview().reviewPosition(runId).next()).isEqualTo(review.get(0));
    }
  }

  private static LinkageRuns.NewPerson person(String name, List<VictimRecord> in, int... at) {
    List<LinkageRuns.NewLink> links = new ArrayList<>();
    for (int i : at) {
      links.add(new LinkageRuns.NewLink(in.get(i).id(), at.length == 1 ? null : 0.9));
    }
    return new LinkageRuns.NewPerson(null, "Synthetic " + name, links);
  }
}
