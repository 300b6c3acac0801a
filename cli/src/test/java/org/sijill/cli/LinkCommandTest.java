package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/** sijill link, in-process, on small synthetic lists. */
class LinkCommandTest {
  @TempDir Path dir;

  private Path settings(String kindOfAge) throws Exception {
    Path s = dir.resolve("settings.json");
    Files.writeString(
        s,
        "{\n"
            + "  \"id\": \"record_id\",\n"
            + "  \"fields\": [\n"
            + "    {\"column\": \"full_name\", \"kind\": \"name\"},\n"
            + "    {\"column\": \"sex\", \"kind\": \"exact\"},\n"
            + "    {\"column\": \"age\", \"kind\": \""
            + kindOfAge
            + "\"},\n"
            + "    {\"column\": \"date_of_death\", \"kind\": \"date\", \"format\": \"yyyy-MM-dd\"},\n"
            + "    {\"column\": \"place_of_death\", \"kind\": \"name\"}\n"
            + "  ]\n"
            + "}\n");
    return s;
  }

  @Test
  void writesEveryRecordOnceWithPairsAndReview() throws Exception {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(5, 500));
    List<Path> files = g.writeCsv(dir);
    Path clusters = dir.resolve("clusters.csv");
    Path pairs = dir.resolve("pairs.csv");
    Path review = dir.resolve("review.csv");
    CliRun r =
        run(
            "link",
            "--settings",
            settings("number").toString(),
            "--out",
            clusters.toString(),
            "--pairs",
            pairs.toString(),
            "--review",
            review.toString(),
            "--verbose",
            files.get(0).toString(),
            files.get(1).toString(),
            files.get(2).toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("linked ").contains(" clusters ");
    assertThat(r.err()).contains("blocking key name-pairs").contains("lsh");
    List<String> lines = Files.readAllLines(clusters, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("cluster_id,source,record_id");
    int records = g.lists().stream().mapToInt(l -> l.rows().size()).sum();
    assertThat(lines).hasSize(records + 1);
    Set<String> seen = new HashSet<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      assertThat(f[1]).isIn("list-a", "list-b", "list-c");
      assertThat(seen.add(f[1] + "/" + f[2])).isTrue();
    }
    assertThat(Files.readAllLines(pairs).get(0))
        .isEqualTo("source_l,record_id_l,source_r,record_id_r,match_probability");
    assertThat(Files.readAllLines(review).get(0))
        .startsWith(
            "source_l,record_id_l,source_r,record_id_r,match_probability,same_cluster,decision,");

    // Feed a decision back: the first pair is forced apart.
    String[] p = Files.readAllLines(pairs).get(1).split(",");
    Path decisions = dir.resolve("decisions.csv");
    Files.writeString(
        decisions,
        "source_l,record_id_l,source_r,record_id_r,decision\n"
            + String.join(",", p[0], p[1], p[2], p[3], "cannot-link")
            + "\n");
    CliRun again =
        run(
            "link",
            "--settings",
            settings("number").toString(),
            "--out",
            clusters.toString(),
            "--decisions",
            decisions.toString(),
            files.get(0).toString(),
            files.get(1).toString(),
            files.get(2).toString());
    assertThat(again.code()).as(again.err()).isZero();
    String left = null;
    String right = null;
    for (String l : Files.readAllLines(clusters).subList(1, records + 1)) {
      String[] f = l.split(",");
      if (f[1].equals(p[0]) && f[2].equals(p[1])) {
        left = f[0];
      }
      if (f[1].equals(p[2]) && f[2].equals(p[3])) {
        right = f[0];
      }
    }
    assertThat(left).isNotNull().isNotEqualTo(right);
  }

  @Test
  void badInputGivesOneLineNamingThePlace() throws Exception {
    Path list = dir.resolve("a.csv");
    Files.writeString(list, "record_id,full_name\n1,Ali\n");
    CliRun unknownKind =
        run(
            "link",
            "--settings",
            settings("fuzzy").toString(),
            "--out",
            dir.resolve("c.csv").toString(),
            "--mode",
            "dedupe",
            list.toString());
    assertThat(unknownKind.code()).isEqualTo(1);
    assertThat(unknownKind.err())
        .startsWith("sijill: " + dir.resolve("settings.json") + ":6:")
        .contains("unknown kind \"fuzzy\"")
        .doesNotContain("Exception");

    CliRun missing =
        run(
            "link",
            "--settings",
            settings("number").toString(),
            "--out",
            dir.resolve("c.csv").toString(),
            "--mode",
            "dedupe",
            list.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo(
            "sijill: " + list + ":1: sex: missing column (the header has: record_id, full_name)\n");

    // several inputs are read at once; a problem is still reported for the first in the order
    // given, as when they were read one after another
    Path good = dir.resolve("b.csv");
    Files.writeString(
        good,
        "record_id,full_name,sex,age,date_of_death,place_of_death\n1,Ali,M,30,2020-01-01,X\n");
    Path bad = dir.resolve("z.csv");
    Files.writeString(bad, "record_id,sex\n1,M\n");
    for (int round = 0; round < 3; round++) {
      CliRun first =
          run(
              "link",
              "--settings",
              settings("number").toString(),
              "--out",
              dir.resolve("c.csv").toString(),
              good.toString(),
              bad.toString(),
              list.toString());
      assertThat(first.code()).isEqualTo(1);
      assertThat(first.err())
          .isEqualTo(
              "sijill: "
                  + bad
                  + ":1: full_name: missing column (the header has: record_id, sex)\n");
    }

    CliRun badMode =
        run(
            "link",
            "--settings",
            settings("number").toString(),
            "--out",
            "x.csv",
            "--mode",
            "merge",
            list.toString());
    assertThat(badMode.code()).isEqualTo(1);
    assertThat(badMode.err()).contains("unknown mode \"merge\"");
  }

  /** The cli does not carry Spark: without the spark module's jars it says how to get them. */
  @Test
  void sparkEngineAbsentFromTheClassPathIsExplainedAndWritesNothing() throws Exception {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(5, 100));
    List<Path> files = g.writeCsv(dir);
    Path clusters = dir.resolve("clusters.csv");
    CliRun r =
        run(
            "link",
            "--engine",
            "spark",
            "--master",
            "local[2]",
            "--settings",
            settings("number").toString(),
            "--out",
            clusters.toString(),
            files.get(0).toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err())
        .contains("spark engine is not on the class path")
        .contains("mvn -B -pl spark -am package")
        .contains("docs/spark.md");
    assertThat(clusters).doesNotExist();

    CliRun unknown =
        run(
            "link",
            "--engine",
            "hadoop",
            "--settings",
            settings("number").toString(),
            "--out",
            clusters.toString(),
            files.get(0).toString());
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("--engine: local or spark");
    CliRun masterAlone =
        run(
            "link",
            "--master",
            "local[2]",
            "--settings",
            settings("number").toString(),
            "--out",
            clusters.toString(),
            files.get(0).toString());
    assertThat(masterAlone.err()).contains("--master: only with --engine spark");
  }
}
