package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tour's file-mode path, as a user runs it: {@code generate lists} → {@code link} → {@code
 * estimate}, checked against the generator's ground truth.
 */
class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void generatedListsLinkCloseToTheirTruthAndEstimateReadsWhatLinkWrote() throws Exception {
    Path lists = dir.resolve("lists");
    CliRun gen =
        run("generate", "lists", "--out", lists.toString(), "--seed", "11", "--persons", "400");
    assertThat(gen.code()).as(gen.err()).isZero();
    assertThat(gen.out()).contains("SYNTHETIC");

    Path clusters = dir.resolve("clusters.csv");
    CliRun link =
        run(
            "link",
            "--settings",
            lists.resolve("settings.json").toString(),
            "--out",
            clusters.toString(),
            lists.resolve("list-a.csv").toString(),
            lists.resolve("list-b.csv").toString(),
            lists.resolve("list-c.csv").toString());
    assertThat(link.code()).as(link.err()).isZero();

    // Pairs of records put together by link, against pairs that are truly one person.
    Map<String, String> person = read(lists.resolve("truth.csv"));
    Map<String, String> cluster = read(clusters);
    assertThat(cluster.keySet()).isEqualTo(person.keySet());
    List<String> records = List.copyOf(person.keySet());
    long truePairs = 0;
    long linkedPairs = 0;
    long both = 0;
    for (int i = 0; i < records.size(); i++) {
      for (int j = i + 1; j < records.size(); j++) {
        boolean same = person.get(records.get(i)).equals(person.get(records.get(j)));
        boolean linked = cluster.get(records.get(i)).equals(cluster.get(records.get(j)));
        truePairs += same ? 1 : 0;
        linkedPairs += linked ? 1 : 0;
        both += same && linked ? 1 : 0;
      }
    }
    double precision = (double) both / linkedPairs;
    double recall = (double) both / truePairs;
    assertThat(precision).as("precision").isGreaterThan(0.9);
    assertThat(recall).as("recall").isGreaterThan(0.9);

    Path result = dir.resolve("result.json");
    CliRun est =
        run(
            "estimate",
            "--clusters",
            clusters.toString(),
            "--method",
            "loglinear",
            "--out",
            result.toString());
    assertThat(est.code()).as(est.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(result.toFile());
    assertThat(json.get("lists").toString()).isEqualTo("[\"list-a\",\"list-b\",\"list-c\"]");
    long clustersFound = cluster.values().stream().distinct().count();
    assertThat(json.get("documented").asLong()).isEqualTo(clustersFound);
    double total = json.get("recommended").get("total").asDouble();
    // 400 people died; the three lists capture independently, so the estimate should be near.
    assertThat(total).isBetween(300.0, 520.0);
  }

  @Test
  void refusesAFullFolderWithoutForce() throws Exception {
    Path lists = dir.resolve("full");
    Files.createDirectories(lists);
    Files.writeString(lists.resolve("mine.txt"), "keep me");
    CliRun r = run("generate", "lists", "--out", lists.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("is not empty").contains("--force");
    assertThat(Files.readString(lists.resolve("mine.txt"))).isEqualTo("keep me");
  }

  /** source,record_id → the third column, from a file with a header. */
  private static Map<String, String> read(Path csv) throws Exception {
    Map<String, String> m = new HashMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",");
    int src = List.of(header).indexOf("source");
    int rec = List.of(header).indexOf("record_id");
    int val = List.of(header).indexOf(header[0].equals("cluster_id") ? "cluster_id" : "person_id");
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      m.put(f[src] + "," + f[rec], f[val]);
    }
    return m;
  }
}
