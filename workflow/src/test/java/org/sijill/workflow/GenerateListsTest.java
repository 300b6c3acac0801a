package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;

/** {@code sijill generate lists}: what it writes, and that the rest of Sijill reads it. */
class GenerateListsTest {
  @TempDir Path dir;

  @Test
  void writesListsTruthSettingsAndReadmeThatImportAndLinkRead() throws Exception {
    Path out = dir.resolve("lists");
    var r =
        new GenerateLists()
            .run(new GenerateLists.Request(out, 7, 300, false), ProgressListener.NONE);

    assertThat(r.lists())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("list-a.csv", "list-b.csv", "list-c.csv");
    assertThat(r.population()).isEqualTo(300);
    assertThat(r.documented()).isBetween(150, 300);

    String readme = Files.readString(r.readme());
    assertThat(readme).startsWith("SYNTHETIC DATA - NOT REAL PEOPLE").contains("seed 7");
    String settingsText = Files.readString(r.settings());
    assertThat(settingsText)
        .contains("\"comment\" : \"Synthetic: written by 'sijill generate lists'");

    // The settings are what link reads; every list is read by import-list's and link's reader.
    Settings settings = Settings.read(r.settings());
    Set<String> listed = new HashSet<>();
    int records = 0;
    for (Path list : r.lists()) {
      var valid = new VictimListReader(20).read(list, null);
      Source source = Source.read(list, Linker.columns(settings), null);
      assertThat(source.size()).isEqualTo(valid.rows().size());
      records += source.size();
      String name = source.name();
      valid.rows().forEach(row -> listed.add(name + "," + row.recordId()));
    }
    assertThat(records).isEqualTo(r.records());
    assertThat(listed.stream().anyMatch(s -> s.startsWith("list-a,"))).isTrue();

    // The truth names every record of every list exactly once, and nothing else.
    List<String> truth = Files.readAllLines(r.truth(), StandardCharsets.UTF_8);
    assertThat(truth.get(0)).isEqualTo("source,record_id,person_id");
    Set<String> truthRecords = new HashSet<>();
    Set<String> persons = new HashSet<>();
    for (String line : truth.subList(1, truth.size())) {
      String[] f = line.split(",");
      assertThat(truthRecords.add(f[0] + "," + f[1])).as(line).isTrue();
      persons.add(f[2]);
    }
    assertThat(truthRecords).isEqualTo(listed);
    assertThat(persons).hasSize(r.documented());
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAFullFolderNeedsForce() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    new GenerateLists().run(new GenerateLists.Request(a, 3, 200, false), ProgressListener.NONE);
    new GenerateLists().run(new GenerateLists.Request(b, 3, 200, false), ProgressListener.NONE);
    for (String f :
        List.of("list-a.csv", "list-b.csv", "list-c.csv", "truth.csv", "settings.json")) {
      assertThat(Files.readAllBytes(b.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }

    byte[] before = Files.readAllBytes(a.resolve("list-a.csv"));
    assertThatThrownBy(
            () ->
                new GenerateLists()
                    .run(new GenerateLists.Request(a, 4, 200, false), ProgressListener.NONE))
        .isInstanceOf(GenerateLists.NotEmptyException.class)
        .hasMessageContaining("is not empty");
    assertThat(Files.readAllBytes(a.resolve("list-a.csv"))).isEqualTo(before);

    new GenerateLists().run(new GenerateLists.Request(a, 4, 200, true), ProgressListener.NONE);
    assertThat(Files.readAllBytes(a.resolve("list-a.csv"))).isNotEqualTo(before);
  }
}
