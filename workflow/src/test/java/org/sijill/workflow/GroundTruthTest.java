package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.RunTruth;
import org.sijill.casefile.model.VictimRecord;

/**
 * Generated lists that name each record's true person: a linkage run over them is scored against
 * that truth (counted here again from truth.csv and the run's persons), and lists without it are
 * not scored.
 */
class GroundTruthTest {
  @Test
  void aRunOverListsWithTheTruthColumnIsScoredAgainstIt(@TempDir Path dir) throws Exception {
    GenerateLists.Result g =
        new GenerateLists()
            .run(
                new GenerateLists.Request(dir.resolve("lists"), 9, 300, false, true),
                ProgressListener.NONE);
    try (CaseFile caseFile = TestDatabases.openCase()) {
      VictimListReader reader = new VictimListReader(20);
      for (Path f : g.lists()) {
        assertThat(Files.readAllLines(f).get(0)).endsWith(",true_person_id");
        var v = reader.read(f, StandardCharsets.UTF_8);
        String name = f.getFileName().toString().replace(".csv", "");
        caseFile
            .victims()
            .importList(name, null, v.fileName(), v.sha256(), "UTF-8", v.rows(), "test", n -> {});
      }
      LinkageRun run =
          new LinkCase(caseFile)
              .link(
                  LinkCase.Request.of(LinkCase.settings(g.settings()), "analyst"),
                  ProgressListener.NONE)
              .run();
      RunTruth t = caseFile.linkageRuns().truth(run.id()).orElseThrow();

      // The truth as truth.csv gives it: list/record id to true person.
      Map<String, String> truth = new HashMap<>();
      Map<String, Integer> perPerson = new HashMap<>();
      List<String> lines = Files.readAllLines(g.truth());
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        truth.put(f[0] + "/" + f[1], f[2]);
        perPerson.merge(f[2], 1, Integer::sum);
      }
      long truePairs = 0;
      for (int n : perPerson.values()) {
        truePairs += (long) n * (n - 1) / 2;
      }
      long linked = 0;
      long linkedTrue = 0;
      for (List<VictimRecord> person : caseFile.linkageRuns().records(run.id()).values()) {
        Map<String, Integer> cell = new HashMap<>();
        for (VictimRecord r : person) {
          cell.merge(truth.get(r.listName() + "/" + r.recordId()), 1, Integer::sum);
        }
        linked += (long) person.size() * (person.size() - 1) / 2;
        for (int n : cell.values()) {
          linkedTrue += (long) n * (n - 1) / 2;
        }
      }
      assertThat(t.truthColumn()).isEqualTo("true_person_id");
      assertThat(t.records()).isEqualTo(g.records()).isEqualTo(truth.size());
      assertThat(t.truePersons()).isEqualTo(g.documented()).isEqualTo(perPerson.size());
      assertThat(t.truePairs()).isEqualTo(truePairs);
      assertThat(t.linkedPairs()).isEqualTo(linked);
      assertThat(t.linkedPairsTrue()).isEqualTo(linkedTrue);
      assertThat(t.truePairsCompared()).isBetween(linkedTrue / 2, truePairs);
      assertThat(t.blockingRecall()).isBetween(0.95, 1.0);
      assertThat(t.f1()).isBetween(0.85, 1.0);
      assertThat(new LinkageDiagnostics(caseFile).of(run.id()).orElseThrow().truth()).isEqualTo(t);
    }
  }

  @Test
  void listsWithoutTheTruthAreNotScored(@TempDir Path dir) throws Exception {
    GenerateLists.Result g =
        new GenerateLists()
            .run(
                new GenerateLists.Request(dir.resolve("lists"), 9, 100, false),
                ProgressListener.NONE);
    try (CaseFile caseFile = TestDatabases.openCase()) {
      VictimListReader reader = new VictimListReader(20);
      for (Path f : g.lists()) {
        var v = reader.read(f, StandardCharsets.UTF_8);
        String name = f.getFileName().toString().replace(".csv", "");
        caseFile
            .victims()
            .importList(name, null, v.fileName(), v.sha256(), "UTF-8", v.rows(), "test", n -> {});
      }
      LinkageRun run =
          new LinkCase(caseFile)
              .link(
                  LinkCase.Request.of(LinkCase.settings(g.settings()), "analyst"),
                  ProgressListener.NONE)
              .run();
      assertThat(caseFile.linkageRuns().truth(run.id())).isEmpty();
      assertThat(new LinkageDiagnostics(caseFile).of(run.id()).orElseThrow().truth()).isNull();
    }
  }
}
