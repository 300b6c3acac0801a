package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.demo.DemoCase;

/** The import-list and export commands, run in-process against an embedded database. */
class ImportExportCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  /** --as must name a user of the case. */
  @org.junit.jupiter.api.BeforeEach
  void users() {
    CliRun.addUser(data, "tester", "analyst");
  }

  @Test
  void importsAGoodListAndRefusesABadOneWithoutStoringIt() throws Exception {
    Path good = files.resolve("good.csv");
    Files.writeString(
        good,
        "record_id , full_name , age , date_of_death , place_of_death\n"
            + "g1 , سامر علي , 40 , 2025-03-07 , جبلة\n"
            + "g2 , Rami Said , , 2025-03 , Baniyas\n");
    CliRun ok =
        run(
            "--data",
            data.toString(),
            "--as",
            "tester",
            "import-list",
            "--source",
            "Group A",
            good.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("imported 2 records from " + good + " as list 'Group A'");

    Path bad = files.resolve("bad.csv");
    Files.writeString(
        bad,
        "record_id,full_name,age,date_of_death\n"
            + "b1,Samir Ali,forty,2025-03-07\n"
            + "b2,\"Hala \"Issa\",30,2025-03-07\n");
    CliRun refused =
        run("--data", data.toString(), "import-list", "--source", "Group B", bad.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains(bad + ":2: age: 'forty' is not a whole number")
        .contains(bad + ":3: -: malformed CSV")
        .contains("nothing was stored");

    try (CaseFile c = CaseFile.open(data, Optional.empty())) {
      assertThat(c.victims().count()).isEqualTo(2);
      assertThat(c.victims().imports())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.listName()).isEqualTo("Group A");
                assertThat(i.recordedBy()).isEqualTo("tester");
              });
    }

    CliRun twice =
        run("--data", data.toString(), "import-list", "--source", "Group C", good.toString());
    assertThat(twice.code()).isEqualTo(1);
    assertThat(twice.err())
        .contains(good + " was imported before")
        .contains("import 1 of list 'Group A', file good.csv")
        .contains("by tester")
        .contains("--again --reason TEXT");
    CliRun noReason =
        run(
            "--data",
            data.toString(),
            "import-list",
            "--source",
            "Group C",
            "--again",
            good.toString());
    assertThat(noReason.code()).isEqualTo(1);
    assertThat(noReason.err()).contains("--again needs --reason TEXT");
    CliRun again =
        run(
            "--data",
            data.toString(),
            "import-list",
            "--source",
            "Group C",
            "--again",
            "--reason",
            "Group C sent the same file as its own list",
            good.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("repeats import 1 of list 'Group A'");
    try (CaseFile c = CaseFile.open(data, Optional.empty())) {
      assertThat(c.victims().count()).isEqualTo(2);
      assertThat(c.victims().imports())
          .extracting(i -> i.repeatReason())
          .containsExactly(null, "Group C sent the same file as its own list");
    }
  }

  @Test
  void readsWindows1256WhenToldAndNamesAWrongEncoding() throws Exception {
    Path ansi = files.resolve("ansi.csv");
    Files.write(
        ansi, "record_id,full_name\nw1,فاطمة حسن\n".getBytes(Charset.forName("windows-1256")));
    CliRun wrong = run("--data", data.toString(), "import-list", "--source", "G", ansi.toString());
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("not valid UTF-8");
    CliRun right =
        run(
            "--data",
            data.toString(),
            "import-list",
            "--source",
            "G",
            "--encoding",
            "windows-1256",
            ansi.toString());
    assertThat(right.code()).as(right.err()).isZero();
    CliRun nonsense =
        run(
            "--data",
            data.toString(),
            "import-list",
            "--source",
            "G",
            "--encoding",
            "klingon",
            ansi.toString());
    assertThat(nonsense.code()).isEqualTo(1);
    assertThat(nonsense.err()).contains("unknown character set 'klingon'");
  }

  @Test
  void exportsIncidentsAsCsvAndGeoJson() throws Exception {
    try (CaseFile c = CaseFile.open(data, Optional.empty())) {
      DemoCase.load(c, DemoCase.DEFAULT_SEED);
    }
    Path csv = files.resolve("incidents.csv");
    Path geo = files.resolve("incidents.geojson");
    assertThat(
            run(
                    "--data",
                    data.toString(),
                    "export",
                    "incidents",
                    "--format",
                    "csv",
                    "--out",
                    csv.toString())
                .code())
        .isZero();
    assertThat(
            run(
                    "--data",
                    data.toString(),
                    "export",
                    "incidents",
                    "--format",
                    "geojson",
                    "--out",
                    geo.toString())
                .code())
        .isZero();

    var lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("id,version,title_en,title_ar");
    assertThat(lines).hasSize(11).anySatisfy(l -> assertThat(l).contains("Jableh", "جبلة"));

    JsonNode fc = new ObjectMapper().readTree(geo.toFile());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features")).hasSize(10);
    JsonNode first = fc.get("features").get(0);
    double lon = first.at("/geometry/coordinates/0").asDouble();
    double lat = first.at("/geometry/coordinates/1").asDouble();
    // Syria's coast: longitude ~35.7-36.3 E, latitude ~34.7-35.9 N (GeoJSON is lon, lat).
    assertThat(lon).isBetween(35.5, 36.5);
    assertThat(lat).isBetween(34.5, 36.0);
  }

  @Test
  void helpListsEveryCommandWithOneLine() {
    CliRun help = run("--help");
    assertThat(help.code()).isZero();
    for (var sub : Main.commandLine().getSubcommands().keySet()) {
      assertThat(help.out()).contains("  " + sub);
    }
  }
}
