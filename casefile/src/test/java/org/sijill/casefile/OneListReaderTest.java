package org.sijill.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.imports.ListProblem;
import org.sijill.casefile.imports.ListRejectedException;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.repo.Victims.NewRecord;
import org.sijill.linkage.LinkageException;
import org.sijill.linkage.Source;

/**
 * {@code import-list} (this module's reader) and file-mode {@code link} (linkage's {@link Source})
 * read a list by the same rules: what one accepts the other accepts with the same names, and what
 * one refuses for its bytes the other refuses at the same line and column. Names are synthetic.
 */
class OneListReaderTest {
  @TempDir Path dir;
  static final Charset CP1256 = Charset.forName("windows-1256");
  static final String LIST =
      "record_id,full_name,sex,place_of_death\n"
          + "w1,فاطمة علي حسن,F,جبلة\n"
          + "w2,Rami Said,M,Baniyas\n"
          + "w3,محمود سليم,M,بانياس\n";

  @Test
  void aWindows1256ListReadsTheSameThroughBothPaths() throws Exception {
    Path f = dir.resolve("ansi.csv");
    Files.write(f, LIST.getBytes(CP1256));

    List<NewRecord> imported = new VictimListReader(20).read(f, CP1256).rows();
    Source linked = Source.read(f, List.of("record_id", "full_name", "place_of_death"), CP1256);

    assertThat(imported)
        .extracting(NewRecord::fullName)
        .containsExactly("فاطمة علي حسن", "Rami Said", "محمود سليم");
    assertThat(linked.rows())
        .extracting(r -> r[1])
        .containsExactlyElementsOf(imported.stream().map(NewRecord::fullName).toList());
    assertThat(linked.rows())
        .extracting(r -> r[2])
        .containsExactlyElementsOf(imported.stream().map(NewRecord::placeOfDeath).toList());
  }

  @Test
  void withoutEncodingBothRefuseTheSameLineAndColumn() throws Exception {
    Path f = dir.resolve("ansi.csv");
    Files.write(f, LIST.getBytes(CP1256));

    assertThatThrownBy(() -> new VictimListReader(20).read(f, null))
        .isInstanceOfSatisfying(
            ListRejectedException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ListProblem::toString)
                    .allMatch(p -> p.contains("bytes that are not valid UTF-8"))
                    .extracting(p -> p.substring(0, p.indexOf(": bytes")))
                    .containsExactly(
                        "ansi.csv:2: full_name",
                        "ansi.csv:2: place_of_death",
                        "ansi.csv:4: full_name",
                        "ansi.csv:4: place_of_death"));
    assertThatThrownBy(
            () -> Source.read(f, List.of("record_id", "full_name", "place_of_death"), null))
        .isInstanceOf(LinkageException.class)
        .hasMessageStartingWith(f + ":2: full_name: bytes that are not valid UTF-8")
        .hasMessageContaining(f + ":4: place_of_death: bytes that are not valid UTF-8");
  }
}
