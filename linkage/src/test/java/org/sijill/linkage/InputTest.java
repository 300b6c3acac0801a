package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTest {
  @TempDir Path dir;

  @Test
  void trimsHeadersAndValuesAndReadsALastLineWithoutNewline() throws Exception {
    Path f = dir.resolve("febrl-like.csv");
    Files.writeString(f, "rec_id, given_name, surname\nrec-1-org, sarah , bruhn\nrec-2-org, , lee");
    Source s = Source.read(f, List.of("rec_id", "surname", "given_name"), null);
    assertThat(s.name()).isEqualTo("febrl-like");
    assertThat(s.rows()).hasSize(2);
    assertThat(s.rows().get(0)).containsExactly("rec-1-org", "bruhn", "sarah");
    assertThat(s.rows().get(1)).containsExactly("rec-2-org", "lee", "");
  }

  @Test
  void readsUtf8WithBomAndWindows1256() throws Exception {
    Path bom = dir.resolve("bom.csv");
    byte[] body = "record_id,full_name\n1,محمد الحسن\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(bom, withBom);
    assertThat(Source.read(bom, List.of("record_id", "full_name"), null).rows().get(0)[1])
        .isEqualTo("محمد الحسن");

    Path cp1256 = dir.resolve("cp1256.csv");
    Charset windows1256 = Charset.forName("windows-1256");
    Files.write(cp1256, "record_id,full_name\n1,فاطمة علي\n".getBytes(windows1256));
    assertThat(Source.read(cp1256, List.of("record_id", "full_name"), windows1256).rows().get(0)[1])
        .isEqualTo("فاطمة علي");
  }

  @Test
  void aWindows1256ListReadAsUtf8IsRefusedNotGuessed() throws Exception {
    Path cp1256 = dir.resolve("cp1256.csv");
    Files.write(
        cp1256,
        "record_id,full_name\n1,Ali\n2,فاطمة علي\n".getBytes(Charset.forName("windows-1256")));
    assertThatThrownBy(() -> Source.read(cp1256, List.of("record_id", "full_name"), null))
        .isInstanceOf(LinkageException.class)
        .hasMessageStartingWith(cp1256 + ":3: full_name: bytes that are not valid UTF-8");
  }

  @Test
  void missingColumnNamesFileLineAndColumn() throws Exception {
    Path f = dir.resolve("a.csv");
    Files.writeString(f, "record_id,name\n1,x\n");
    assertThatThrownBy(() -> Source.read(f, List.of("record_id", "full_name"), null))
        .isInstanceOf(LinkageException.class)
        .hasMessageStartingWith(f + ":1: full_name: missing column");
  }

  @Test
  void duplicateRecordIdNamesBothLines() throws Exception {
    Path f = dir.resolve("dup.csv");
    Files.writeString(f, "record_id,full_name\n7,Ali\n8,Omar\n7,Hasan\n");
    Settings s = Settings.of("record_id", List.of(new FieldSpec("full_name", Kind.NAME)));
    Source src = Source.read(f, Linker.columns(s), null);
    assertThatThrownBy(
            () -> new Linker(s, Mode.DEDUPE).link(List.of(src), List.of(), List.of(), m -> {}))
        .isInstanceOf(LinkageException.class)
        .hasMessage("dup:4: record_id: duplicate record id \"7\" (first at line 2)");
  }

  @Test
  void settingsErrorsNameLineAndColumn() throws Exception {
    Path bad = dir.resolve("s.json");
    Files.writeString(
        bad, "{\n  \"fields\": [\n    {\"column\": \"full_name\", \"kind\": \"fuzzy\"}\n  ]\n}\n");
    assertThatThrownBy(() -> Settings.read(bad))
        .isInstanceOf(LinkageException.class)
        .hasMessageContaining(bad + ":3:")
        .hasMessageContaining("unknown kind \"fuzzy\" (one of name, text, exact, number, date)");

    Files.writeString(
        bad, "{\"fields\": [ {\"column\": \"a\", \"kind\": \"name\"} ], \"tresh\": 1}");
    assertThatThrownBy(() -> Settings.read(bad))
        .hasMessageContaining(bad + ":1:")
        .hasMessageContaining("unknown key \"tresh\"");

    Files.writeString(bad, "{\"fields\": [ {\"column\": \"a\", \"kind\": \"name\"} ");
    assertThatThrownBy(() -> Settings.read(bad))
        .hasMessageStartingWith(bad + ":1:")
        .hasMessageContaining("malformed");
  }

  @Test
  void settingsDefaults() throws Exception {
    Path ok = dir.resolve("ok.json");
    Files.writeString(
        ok,
        "{\"id\": \"record_id\", \"fields\": [{\"column\": \"date_of_death\", \"kind\": \"date\","
            + " \"format\": \"yyyy-MM-dd\"}]}");
    Settings s = Settings.read(ok);
    assertThat(s.threshold()).isEqualTo(0.5);
    assertThat(s.fields()).containsExactly(new FieldSpec("date_of_death", Kind.DATE, "yyyy-MM-dd"));
  }

  @Test
  void decisionsAcceptAnEditedReviewFile() throws Exception {
    Path f = dir.resolve("d.csv");
    Files.writeString(
        f,
        "source_l,record_id_l,source_r,record_id_r,match_probability,decision\n"
            + "a,1,b,9,0.5,must-link\n"
            + "a,2,b,8,0.4,\n"
            + "a,3,b,7,0.6,cannot-link\n");
    List<Decision> d = Decision.read(f, null);
    assertThat(d)
        .extracting(Decision::recordIdL, Decision::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", Decision.Verdict.SAME),
            org.assertj.core.groups.Tuple.tuple("3", Decision.Verdict.DIFFERENT));
    Files.writeString(f, "source_l,record_id_l,source_r,record_id_r,decision\na,1,b,9,perhaps\n");
    assertThatThrownBy(() -> Decision.read(f, null))
        .hasMessage(f + ":2: decision: unknown decision \"perhaps\" (must-link or cannot-link)");
  }
}
