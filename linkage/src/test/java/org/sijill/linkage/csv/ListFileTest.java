package org.sijill.linkage.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared list-file rules: encoding, strict decoding, framing, and where problems are. */
class ListFileTest {
  @TempDir Path dir;

  /** What a handler saw: the header, then "LINE:v1|v2|..." per row. */
  private List<String> read(Path file, Charset cs) {
    List<String> seen = new ArrayList<>();
    ListFile.read(
        file,
        file.getFileName().toString(),
        cs,
        20,
        new ListFile.Handler() {
          @Override
          public void header(long line, List<String> names, ListFile.Problems problems) {
            seen.add(line + ":" + String.join("|", names));
          }

          @Override
          public void row(long line, String[] values, ListFile.Problems problems) {
            seen.add(line + ":" + String.join("|", values));
          }
        });
    return seen;
  }

  private static List<String> problems(ListFileException e) {
    return e.problems().stream().map(ListFile.Problem::toString).toList();
  }

  @Test
  void utf8ByDefaultWithOrWithoutBomAndTrimmedFields() throws Exception {
    Path f = dir.resolve("a.csv");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write(
        " record_id , full_name\n1, محمد الحسن \n\n2,Rana Saleh".getBytes(StandardCharsets.UTF_8));
    Files.write(f, b.toByteArray());
    assertThat(read(f, null))
        .containsExactly("1:record_id|full_name", "2:1|محمد الحسن", "4:2|Rana Saleh");
  }

  @Test
  void anyCharsetJavaKnows() throws Exception {
    String text = "record_id,full_name\nw1,فاطمة علي\n";
    Path ansi = dir.resolve("ansi.csv");
    Files.write(ansi, text.getBytes(ListFile.charset("windows-1256")));
    Path utf16 = dir.resolve("utf16.csv");
    Files.write(utf16, text.getBytes(StandardCharsets.UTF_16));
    assertThat(read(ansi, ListFile.charset("windows-1256"))).endsWith("2:w1|فاطمة علي");
    assertThat(read(ansi, ListFile.charset("cp1256"))).endsWith("2:w1|فاطمة علي");
    assertThat(read(utf16, ListFile.charset("UTF-16"))).endsWith("2:w1|فاطمة علي");
    assertThat(ListFile.charset(null)).isEqualTo(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ListFile.charset("klingon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown character set 'klingon'");
  }

  @Test
  void everyBadByteSequenceIsNamedByLineAndColumnAndNothingIsHandedOn() throws Exception {
    Path f = dir.resolve("mixed.csv");
    Charset cp1256 = Charset.forName("windows-1256");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("record_id,full_name,place_of_death\nm1,Ali,Jableh\n".getBytes(StandardCharsets.UTF_8));
    b.write("m2,".getBytes(StandardCharsets.UTF_8));
    b.write("فاطمة".getBytes(cp1256));
    b.write(",Baniyas\n\nm3,Omar,".getBytes(StandardCharsets.UTF_8));
    b.write("جبلة".getBytes(cp1256));
    b.write("\n".getBytes(StandardCharsets.UTF_8));
    Files.write(f, b.toByteArray());
    List<String> rows = new ArrayList<>();
    assertThatThrownBy(
            () ->
                ListFile.read(
                    f,
                    "mixed.csv",
                    null,
                    20,
                    new ListFile.Handler() {
                      @Override
                      public void header(long l, List<String> n, ListFile.Problems p) {}

                      @Override
                      public void row(long line, String[] values, ListFile.Problems p) {
                        rows.add(values[1]);
                      }
                    }))
        .isInstanceOfSatisfying(
            ListFileException.class,
            e ->
                assertThat(problems(e))
                    .containsExactly(
                        "mixed.csv:3: full_name: bytes that are not valid UTF-8 (saved by Arabic"
                            + " Windows? try --encoding windows-1256)",
                        "mixed.csv:5: place_of_death: bytes that are not valid UTF-8 (saved by"
                            + " Arabic Windows? try --encoding windows-1256)"));
    assertThat(rows).containsExactly("Ali");
  }

  @Test
  void framingProblems() throws Exception {
    Path counts = dir.resolve("counts.csv");
    Files.writeString(counts, "record_id,full_name\n1,Ali\n2,Omar,extra\n3\n");
    assertThatThrownBy(() -> read(counts, null))
        .isInstanceOfSatisfying(
            ListFileException.class,
            e ->
                assertThat(problems(e))
                    .containsExactly(
                        "counts.csv:3: -: has 3 fields but the header has 2",
                        "counts.csv:4: -: has 1 fields but the header has 2"));

    Path header = dir.resolve("header.csv");
    Files.writeString(header, "record_id,,record_id\n1,a,b\n");
    assertThatThrownBy(() -> read(header, null))
        .isInstanceOfSatisfying(
            ListFileException.class,
            e ->
                assertThat(problems(e))
                    .containsExactly(
                        "header.csv:1: header: a column has no name",
                        "header.csv:1: record_id: column appears twice in the header"));

    Path quote = dir.resolve("quote.csv");
    Files.writeString(quote, "record_id,full_name\n1,Ali\n2,\"Omar \"Said\"\n");
    assertThatThrownBy(() -> read(quote, null))
        .hasMessageStartingWith("quote.csv:3: -: malformed CSV");

    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> read(empty, null))
        .hasMessage("empty.csv:1: -: empty file (no header row)");

    assertThatThrownBy(() -> read(dir.resolve("none.csv"), null))
        .hasMessage("none.csv:0: -: no such file");
  }

  @Test
  void stopsAtTheLimit() throws Exception {
    StringBuilder s = new StringBuilder("a,b\n");
    for (int i = 0; i < 50; i++) {
      s.append("x\n");
    }
    Path f = dir.resolve("many.csv");
    Files.writeString(f, s);
    assertThatThrownBy(() -> read(f, null))
        .isInstanceOfSatisfying(ListFileException.class, e -> assertThat(e.problems()).hasSize(20));
  }
}
