package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sijill.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * The README's case-mode tour: import-list three times, link, estimate, and the same lists in file
 * mode; both give the same persons and the same recommended estimate.
 */
class CaseModeCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  @Test
  void importLinkEstimateGivesWhatFileModeGives() throws Exception {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(3, 300));
    List<Path> lists = g.writeCsv(files);
    Path settings = files.resolve("settings.json");
    Files.writeString(
        settings,
        "{\"id\": \"record_id\", \"fields\": ["
            + "{\"column\": \"full_name\", \"kind\": \"name\"},"
            + "{\"column\": \"sex\", \"kind\": \"exact\"},"
            + "{\"column\": \"age\", \"kind\": \"number\"},"
            + "{\"column\": \"date_of_death\", \"kind\": \"date\", \"format\": \"yyyy-MM-dd\"},"
            + "{\"column\": \"place_of_death\", \"kind\": \"name\"}]}");
    String d = data.toString();
    // --as must name a user of the case.
    CliRun.addUser(data, "analyst-1", "analyst");
    CliRun.addUser(data, "reviewer-1", "reviewer");
    for (Path l : lists) {
      String name = l.getFileName().toString().replace(".csv", "");
      CliRun r = run("--data", d, "import-list", "--source", name, l.toString());
      assertThat(r.code()).as(r.err()).isZero();
    }

    // case mode
    Path caseClusters = files.resolve("case-clusters.csv");
    Path review = files.resolve("review.csv");
    CliRun link =
        run(
            "--data",
            d,
            "--as",
            "analyst-1",
            "link",
            "--settings",
            settings.toString(),
            "--out",
            caseClusters.toString(),
            "--review",
            review.toString());
    assertThat(link.code()).as(link.err()).isZero();
    assertThat(link.out().strip().lines()).hasSize(1);
    assertThat(link.out())
        .matches(
            "(?s)linkage run 1: [\\d,]+ records from 3 lists, [\\d,]+ persons, [\\d,]+ pairs to review\\s*");
    CliRun estimate =
        run(
            "--data",
            d,
            "estimate",
            "--method",
            "loglinear",
            "--seed",
            "5",
            "--no-linkage-uncertainty");
    assertThat(estimate.code()).as(estimate.err()).isZero();
    assertThat(estimate.err()).contains("stored estimation");

    // file mode
    Path clusters = files.resolve("clusters.csv");
    CliRun fileLink =
        run(
            "link",
            "--settings",
            settings.toString(),
            "--out",
            clusters.toString(),
            lists.get(0).toString(),
            lists.get(1).toString(),
            lists.get(2).toString());
    assertThat(fileLink.code()).as(fileLink.err()).isZero();
    CliRun fileEstimate =
        run("estimate", "--clusters", clusters.toString(), "--method", "loglinear", "--seed", "5");
    assertThat(fileEstimate.code()).as(fileEstimate.err()).isZero();

    assertThat(partition(caseClusters)).isEqualTo(partition(clusters));
    ObjectMapper json = new ObjectMapper();
    JsonNode caseReport = json.readTree(estimate.out());
    JsonNode fileReport = json.readTree(fileEstimate.out());
    assertThat(caseReport).isEqualTo(fileReport);

    // By default, case mode combines the estimate over replicates of the run's linkage.
    CliRun uncertain = run("--data", d, "estimate", "--method", "loglinear", "--seed", "5");
    assertThat(uncertain.code()).as(uncertain.err()).isZero();
    JsonNode combined = json.readTree(uncertain.out());
    assertThat(combined.at("/details/linkageUncertainty/replicates").asInt()).isEqualTo(8);
    assertThat(combined.at("/recommended/interval").asText()).contains("over 8 linkage replicates");
    assertThat(combined.at("/recommended/details/plainTotal").asDouble())
        .isCloseTo(fileReport.at("/recommended/total").asDouble(), within(1e-3));
    assertThat(combined.at("/recommendedBecause").asText()).contains("replicates of the linkage");
    // no decision has checked the run's probabilities: the interval takes in the run's own
    assertThat(combined.at("/recommended/lower").asDouble())
        .isLessThanOrEqualTo(fileReport.at("/recommended/lower").asDouble());
    assertThat(combined.at("/recommended/upper").asDouble())
        .isGreaterThanOrEqualTo(fileReport.at("/recommended/upper").asDouble());

    try (CaseFile c = CaseFile.open(data, Optional.empty())) {
      var run = c.linkageRuns().current().orElseThrow();
      assertThat(run.recordedBy()).isEqualTo("analyst-1");
      assertThat(run.personCount()).isEqualTo(partition(clusters).size());
      var stored = c.estimates().recommended().orElseThrow();
      assertThat(stored.total()).isEqualTo(combined.at("/recommended/total").asDouble());
      assertThat(stored.linkageRunId()).isEqualTo(run.id());
    }

    // The review file, decided, goes back in as decisions; the second run supersedes the first.
    List<String> rows = Files.readAllLines(review);
    assertThat(rows.size()).isGreaterThan(1);
    String[] first = rows.get(1).split(",", -1);
    first[6] = "yes".equals(first[5]) ? "cannot-link" : "must-link";
    Path decisions = files.resolve("decisions.csv");
    Files.writeString(decisions, rows.get(0) + "\n" + String.join(",", first) + "\n");
    CliRun again =
        run(
            "--data",
            d,
            "--as",
            "reviewer-1",
            "link",
            "--settings",
            settings.toString(),
            "--decisions",
            decisions.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("linkage run 2: ").contains("(1 decisions recorded)");
    try (CaseFile c = CaseFile.open(data, Optional.empty())) {
      assertThat(c.linkageRuns().current().orElseThrow().supersedes()).isEqualTo(1L);
      assertThat(c.linkDecisions().decisions())
          .singleElement()
          .satisfies(x -> assertThat(x.decidedBy()).isEqualTo("reviewer-1"));
    }
  }

  @Test
  void caseModeWithoutListsOrRunSaysWhatToDoFirst() throws Exception {
    Path settings = files.resolve("s.json");
    Files.writeString(
        settings,
        "{\"id\": \"record_id\", \"fields\": [{\"column\": \"full_name\", \"kind\": \"name\"}]}");
    CliRun link = run("--data", data.toString(), "link", "--settings", settings.toString());
    assertThat(link.code()).isNotZero();
    assertThat(link.err()).contains("import some with sijill import-list");
    CliRun estimate = run("--data", data.toString(), "estimate");
    assertThat(estimate.code()).isNotZero();
    assertThat(estimate.err()).contains("no linkage run");
    CliRun noOut = run("link", "--settings", settings.toString(), settings.toString());
    assertThat(noOut.code()).isNotZero();
    assertThat(noOut.err()).contains("--out");
  }

  /** Clusters as sets of "source/record_id", whatever their ids. */
  private static Set<Set<String>> partition(Path clusters) throws Exception {
    Map<String, Set<String>> by = new HashMap<>();
    for (String line :
        Files.readAllLines(clusters).subList(1, Files.readAllLines(clusters).size())) {
      String[] f = line.split(",");
      by.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1] + "/" + f[2]);
    }
    return new HashSet<>(by.values());
  }
}
