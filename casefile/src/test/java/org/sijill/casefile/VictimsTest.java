package org.sijill.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.imports.ListProblem;
import org.sijill.casefile.imports.ListRejectedException;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.model.VictimRecord;

/** Reading, validating, storing and searching victim lists. Names are synthetic. */
class VictimsTest {
  @TempDir static Path data;
  @TempDir Path files;
  static CaseFile caseFile;
  static final VictimListReader READER = new VictimListReader(20);

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  Path write(String name, String text, Charset cs) throws Exception {
    Path p = files.resolve(name);
    Files.write(p, text.getBytes(cs));
    return p;
  }

  long store(String list, VictimListReader.ValidList v) {
    return caseFile
        .victims()
        .importList(list, null, v.fileName(), v.sha256(), "UTF-8", v.rows(), "test", n -> {});
  }

  @Test
  void searchFindsArabicAndLatinSpellingsOfOneName() throws Exception {
    Path csv =
        write(
            "search.csv",
            "record_id,full_name,sex,age,date_of_death,place_of_death\n"
                + "s1,محمد سليم الحداد,M,34,2025-03-07,جبلة\n"
                + "s2,Mohammed Salim Haddad,M,34,2025-03-07,Jableh\n"
                + "s3,Muhammad Nour Saqqa,M,51,2025-03,Baniyas\n"
                + "s4,رنا حسن صالح,F,29,2025-03-08,بانياس\n",
            StandardCharsets.UTF_8);
    store("search-list", READER.read(csv, StandardCharsets.UTF_8));

    assertThat(caseFile.victims().search("Muhammad Haddad", 1, 50).items())
        .extracting(VictimRecord::recordId)
        .containsExactlyInAnyOrder("s1", "s2");
    assertThat(caseFile.victims().search("محمد", 1, 50).items())
        .extracting(VictimRecord::recordId)
        .contains("s1", "s2", "s3")
        .doesNotContain("s4");
    assertThat(caseFile.victims().deathsPerDay()).isNotEmpty();
  }

  /**
   * A search of several words finds the records holding every word, counts them all, pages them by
   * list and line, and leaves out the records it must not search; the overview's figures follow a
   * new import at once although they are kept between views.
   */
  @Test
  void searchCountsPagesAndSkipsAndTheKeptFiguresFollowANewImport() throws Exception {
    try (CaseFile own = TestDatabases.openCase()) {
      StringBuilder text = new StringBuilder("record_id,full_name,sex,date_of_death\n");
      for (int i = 1; i <= 7; i++) {
        text.append("p")
            .append(i)
            .append(",Karim Haddad Number")
            .append(i)
            .append(",M,2025-03-0")
            .append(i)
            .append('\n');
      }
      text.append("q1,Karim Saqqa,M,2025-03-01\nq2,كريم الحداد,M,2025-03-02\n");
      Path csv = write("paged.csv", text.toString(), StandardCharsets.UTF_8);
      VictimListReader.ValidList v = READER.read(csv, StandardCharsets.UTF_8);
      own.victims()
          .importList("paged", null, v.fileName(), v.sha256(), "UTF-8", v.rows(), "test", n -> {});
      var stats = own.victims().stats();
      assertThat(stats.count()).isEqualTo(9);
      assertThat(stats.countByList()).containsEntry("paged", 9L);
      assertThat(stats.deathsPerDay()).hasSize(7);

      var first = own.victims().search("karim haddad", 1, 3);
      assertThat(first.total()).isEqualTo(8); // p1-p7 and the Arabic spelling q2, not q1
      assertThat(first.items())
          .extracting(VictimRecord::recordId)
          .containsExactly("p1", "p2", "p3");
      assertThat(own.victims().search("karim haddad", 3, 3).items())
          .extracting(VictimRecord::recordId)
          .containsExactly("p7", "q2");
      long p2 = first.items().get(1).id();
      var skipping = own.victims().search("karim haddad", 1, 50, java.util.Set.of(p2));
      assertThat(skipping.total()).isEqualTo(7);
      assertThat(skipping.items()).extracting(VictimRecord::recordId).doesNotContain("p2");
      assertThat(own.victims().search("", 1, 2).total()).isEqualTo(9);

      // Kept between views (the same figures come back), and renewed by the next import.
      assertThat(own.victims().stats()).isSameAs(own.victims().stats());
      Path more =
          write(
              "more.csv",
              "record_id,full_name,sex,date_of_death\nm1,Nour Ward,F,2025-04-01\n",
              StandardCharsets.UTF_8);
      VictimListReader.ValidList w = READER.read(more, StandardCharsets.UTF_8);
      own.victims()
          .importList("more", null, w.fileName(), w.sha256(), "UTF-8", w.rows(), "test", n -> {});
      var after = own.victims().stats();
      assertThat(after.count()).isEqualTo(10);
      assertThat(after.countByList()).containsEntry("more", 1L);
      assertThat(after.deathsPerDay()).containsKey(java.time.LocalDate.parse("2025-04-01"));
      assertThat(after.count()).isEqualTo(own.victims().count());
    }
  }

  @Test
  void aMalformedListIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
    long before = caseFile.victims().count();
    Path csv =
        write(
            "bad.csv",
            "record_id,full_name,age,date_of_death,sex\n"
                + "b1,Samir Ali,40,2025-03-07,M\n"
                + "b2,Hala Issa,forty,2025-03-07,F\n"
                + "b3,Adel Yusuf,22,2025-02-30,M\n"
                + "b1,Nada Ahmad,31,2025-03-08,X\n",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> READER.read(csv, StandardCharsets.UTF_8))
        .isInstanceOfSatisfying(
            ListRejectedException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ListProblem::toString)
                    .containsExactly(
                        "bad.csv:3: age: 'forty' is not a whole number",
                        "bad.csv:4: date_of_death: '2025-02-30' is not a real date",
                        "bad.csv:5: sex: 'X' is not M, F or empty"));
    assertThat(caseFile.victims().count()).isEqualTo(before);
  }

  @Test
  void badQuotingAndDuplicateIdsAreNamedByLine() throws Exception {
    Path dup =
        write(
            "dup.csv",
            "record_id,full_name\nd1,Samir Ali\nd2,Rami Said\nd1,Rami Said\n",
            StandardCharsets.UTF_8);
    assertThatThrownBy(() -> READER.read(dup, StandardCharsets.UTF_8))
        .hasMessageContaining("dup.csv:4: record_id: duplicate record id 'd1' (first on line 2)");

    Path quoting =
        write(
            "quote.csv",
            "record_id,full_name\nq1,Samir Ali\nq2,\"Rami \"Said\"\n",
            StandardCharsets.UTF_8);
    assertThatThrownBy(() -> READER.read(quoting, StandardCharsets.UTF_8))
        .hasMessageContaining("quote.csv:3: -: malformed CSV");

    Path missing = write("nocol.csv", "id,name\n1,x\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> READER.read(missing, StandardCharsets.UTF_8))
        .hasMessageContaining("nocol.csv:1: record_id: missing required column");
  }

  @Test
  void readsUtf8WithBomAndWindows1256() throws Exception {
    String text = "record_id,full_name,extra\nw1,فاطمة علي,note\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path withBom = files.resolve("bom.csv");
    Files.write(withBom, concat(bom, text.getBytes(StandardCharsets.UTF_8)));
    Charset cp1256 = Charset.forName("windows-1256");
    Path arabicAnsi = write("ansi.csv", text, cp1256);

    var a = READER.read(withBom, StandardCharsets.UTF_8);
    var b = READER.read(arabicAnsi, cp1256);
    assertThat(a.rows().get(0).recordId()).isEqualTo("w1");
    assertThat(a.rows().get(0).fullName()).isEqualTo("فاطمة علي");
    assertThat(b.rows().get(0).fullName()).isEqualTo("فاطمة علي");
    assertThat(a.rows().get(0).attributes()).contains("\"extra\":\"note\"");

    // The windows-1256 bytes are not valid UTF-8: refused, not stored as mojibake.
    assertThatThrownBy(() -> READER.read(arabicAnsi, StandardCharsets.UTF_8))
        .hasMessageContaining("not valid UTF-8");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
