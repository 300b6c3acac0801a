package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * The publishing tour as a user runs it: import, link, estimate, {@code report --out}, {@code
 * verify-report} (exit 0; exit 1 naming a flipped byte), {@code report --reproduce}.
 */
class ReportCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  @Test
  void reportVerifiesByCliAndAFlippedByteIsNamed() throws Exception {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(5, 200));
    List<Path> lists = g.writeCsv(files);
    Path settings = files.resolve("settings.json");
    Files.writeString(
        settings,
        "{\"id\": \"record_id\", \"fields\": ["
            + "{\"column\": \"full_name\", \"kind\": \"name\"},"
            + "{\"column\": \"sex\", \"kind\": \"exact\"},"
            + "{\"column\": \"date_of_death\", \"kind\": \"date\", \"format\": \"yyyy-MM-dd\"}]}");
    String d = data.toString();
    for (Path l : lists) {
      // Sources that import-list meets first are restricted; these are public groups.
      CliRun src = run("--data", d, "source", "add", "--name", l.getFileName().toString());
      assertThat(src.code()).as(src.err()).isZero();
      CliRun r =
          run("--data", d, "import-list", "--source", l.getFileName().toString(), l.toString());
      assertThat(r.code()).as(r.err()).isZero();
    }
    assertThat(run("--data", d, "link", "--settings", settings.toString()).code()).isZero();
    CliRun est = run("--data", d, "estimate", "--method", "loglinear", "--seed", "3");
    assertThat(est.code()).as(est.err()).isZero();

    Path out = files.resolve("report");
    CliRun report = run("--data", d, "report", "--out", out.toString(), "--no-pdf");
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out()).contains("report written to").contains("in the public list");
    assertThat(report.out()).containsPattern(", [1-9][\\d,]* in the public list, 0 withheld");
    assertThat(out.resolve("report.pdf")).doesNotExist();
    assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("report.pdf");

    CliRun ok = run("verify-report", out.toString());
    assertThat(ok.code()).as(ok.out()).isZero();
    assertThat(ok.out())
        .contains("inclusion proofs lead to the signed root")
        .contains("verified: ");

    CliRun same = run("--data", d, "report", "--reproduce", out.toString());
    assertThat(same.code()).as(same.out() + same.err()).isZero();
    assertThat(same.out()).startsWith("identical: all ");

    // A changed log-linear number (in the report only, so it also differs from the case file's):
    // with this build's versions nothing explains it; in a copy in the format made before versions
    // were recorded (read as version 1), the replicate draw (version 5 here) explains the re-run's
    // difference when the estimation combined linkage replicates.
    Path changed = copyOf(out, files.resolve("changed"));
    String model = changeALogLinearTotal(changed);
    CliRun differs = run("--data", d, "report", "--reproduce", changed.toString());
    assertThat(differs.code()).as(differs.out() + differs.err()).isEqualTo(1);
    assertThat(differs.out())
        .contains("DIFFERS strata/all/loglinear " + model + " total: report ")
        .contains(
            "1 log-linear number differs: not explained by a change of algorithm (the report and"
                + " this build both have log-linear fit 1")
        .containsPattern("\\n2 of \\d+ numbers differ; none explained by a change of algorithm");
    Path old = copyOf(changed, files.resolve("old-format"));
    Path inputs = old.resolve("data/inputs.json");
    ObjectNode in = (ObjectNode) JSON.readTree(inputs.toFile());
    boolean combined = in.path("estimation").path("linkage_uncertainty").isObject();
    ((ObjectNode) in.path("estimation")).remove("algorithm_versions");
    JSON.writeValue(inputs.toFile(), in);
    CliRun older = run("--data", d, "report", "--reproduce", old.toString());
    assertThat(older.code()).isEqualTo(1);
    assertThat(older.out())
        .contains(
            combined
                ? "1 log-linear number differs: the report records no linkage replicate draw"
                    + " version (made before versions were recorded: read as version 1), this"
                    + " build has version 5 - expected: the algorithm changed, not the data"
                : "1 log-linear number differs: not explained by a change of algorithm (the"
                    + " report and this build both have log-linear fit 1 (read as 1: not"
                    + " recorded))")
        // The other difference is the report's number against the case file's stored one, which
        // no version explains: the report was changed after it was made.
        .containsPattern(
            "\\n2 of \\d+ numbers differ; "
                + (combined ? "1" : "none")
                + " explained by a change of algorithm version");

    // A model name carrying a terminal escape sequence is printed escaped, not acted on.
    Path crafted = copyOf(out, files.resolve("crafted"));
    Path numbersFile = crafted.resolve("data/numbers.json");
    JsonNode numbers = JSON.readTree(numbersFile.toFile());
    for (JsonNode e : numbers.path("strata").get(0).path("estimates")) {
      if (e.path("method").asText().equals("loglinear") && !e.path("recommended").asBoolean()) {
        ((ObjectNode) e).put("model", "m\u001b[2J\u202e");
        break;
      }
    }
    JSON.writeValue(numbersFile.toFile(), numbers);
    CliRun escaped = run("--data", d, "report", "--reproduce", crafted.toString());
    assertThat(escaped.code()).isEqualTo(1);
    assertThat(escaped.out())
        .contains("m\\u001b[2J\\u202e")
        .doesNotContain("\u001b")
        .doesNotContain("\u202e");

    // One byte of one entry's name changed: both the file and the entry are named.
    Path list = out.resolve("data/list.json");
    String text = Files.readString(list, StandardCharsets.UTF_8);
    int at = text.indexOf("\\\"name\\\":\\\"") + 12;
    char c = text.charAt(at);
    Files.writeString(
        list,
        text.substring(0, at) + (c == 'x' ? 'y' : 'x') + text.substring(at + 1),
        StandardCharsets.UTF_8);
    CliRun bad = run("verify-report", out.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out())
        .contains("FAULT data/list.json: changed since it was signed")
        .containsPattern(
            "FAULT data/list.json: entry 0 P\\d+: inclusion proof does not lead to the root");

    CliRun none = run("verify-report", files.resolve("nowhere").toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.out()).contains("not a report folder");
  }

  static final ObjectMapper JSON = new ObjectMapper();

  /** Adds 1 to the first non-recommended log-linear total of the whole case; returns its model. */
  static String changeALogLinearTotal(Path report) throws Exception {
    Path f = report.resolve("data/numbers.json");
    JsonNode numbers = JSON.readTree(f.toFile());
    for (JsonNode e : numbers.path("strata").get(0).path("estimates")) {
      if (e.path("method").asText().equals("loglinear") && !e.path("recommended").asBoolean()) {
        ((ObjectNode) e).put("total", e.path("total").asDouble() + 1);
        JSON.writeValue(f.toFile(), numbers);
        return e.path("model").asText();
      }
    }
    throw new AssertionError("no log-linear estimate besides the recommended one");
  }

  static Path copyOf(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
    return to;
  }
}
