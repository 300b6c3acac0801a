package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
