package org.sijill.workflow;

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
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.imports.ListProblem;
import org.sijill.casefile.model.ListImport;

/** Importing victim lists into a case on the embedded database. Every name is synthetic. */
class ImportListTest {
  @TempDir static Path data;
  @TempDir Path files;
  static CaseFile caseFile;

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  private Path write(String name, String text, Charset cs) throws Exception {
    Path p = files.resolve(name);
    Files.write(p, text.getBytes(cs));
    return p;
  }

  private ImportList.Result run(Path f, String source, String encoding, String again)
      throws Exception {
    return new ImportList(caseFile)
        .run(
            new ImportList.Request(
                f, f.getFileName().toString(), source, encoding, again, "tester"),
            ProgressListener.NONE);
  }

  @Test
  void aListImportedTwiceIsRefusedNamingTheFirstImportUnlessGivenAReason() throws Exception {
    String text =
        "record_id,full_name,sex,date_of_death\n"
            + "t1,Samir Khalil Ward,M,2025-03-07\n"
            + "t2,ليلى يوسف عيسى,F,2025-03-08\n"
            + "t3,Adel Nour,M,2025-03-08\n";
    Path first = write("twice.csv", text, StandardCharsets.UTF_8);
    long before = caseFile.victims().count();

    var imported = (ImportList.Imported) run(first, "Group Twice", null, null);
    assertThat(imported.records()).isEqualTo(3);
    assertThat(imported.repeats()).isNull();
    assertThat(caseFile.victims().count()).isEqualTo(before + 3);

    // The same bytes under another name and source: still the same list.
    Path copy = write("copy-of-twice.csv", text, StandardCharsets.UTF_8);
    var refused = run(copy, "Group Other", null, null);
    assertThat(refused).isInstanceOf(ImportList.AlreadyImported.class);
    ListImport earlier = ((ImportList.AlreadyImported) refused).earlier();
    assertThat(earlier.id()).isEqualTo(imported.importId());
    assertThat(earlier.listName()).isEqualTo("Group Twice");
    assertThat(earlier.fileName()).isEqualTo("twice.csv");
    assertThat(earlier.recordedBy()).isEqualTo("tester");
    assertThat(earlier.recordedAt()).isNotNull();
    assertThat(caseFile.victims().count()).isEqualTo(before + 3);
    assertThat(caseFile.victims().imports())
        .extracting(ListImport::fileName)
        .containsOnlyOnce("twice.csv")
        .doesNotContain("copy-of-twice.csv");

    var again =
        (ImportList.Imported) run(copy, "Group Other", null, "the group re-sent it as theirs");
    assertThat(again.repeats().id()).isEqualTo(imported.importId());
    ListImport stored =
        caseFile.victims().imports().stream()
            .filter(i -> i.id() == again.importId())
            .findFirst()
            .orElseThrow();
    assertThat(stored.repeats()).isEqualTo(imported.importId());
    assertThat(stored.repeatReason()).isEqualTo("the group re-sent it as theirs");
    // Stored, but not counted twice: the overview's figures stay.
    assertThat(caseFile.victims().count()).isEqualTo(before + 3);
    assertThat(caseFile.victims().repeatedRecords()).isEqualTo(3);
    assertThat(caseFile.victims().countByList()).doesNotContainKey("Group Other");
  }

  @Test
  void aWindows1256ListNeedsItsEncodingAndBadBytesAreNamed() throws Exception {
    Charset cp1256 = Charset.forName("windows-1256");
    Path ansi =
        write(
            "ansi-list.csv",
            "record_id,full_name,place_of_death\nw1,Rami Said,Jableh\nw2,فاطمة علي,جبلة\n",
            cp1256);

    var refused = (ImportList.Refused) run(ansi, "Group Ansi", null, null);
    assertThat(refused.problems())
        .extracting(ListProblem::toString)
        .containsExactly(
            "ansi-list.csv:3: full_name: bytes that are not valid UTF-8 (saved by Arabic Windows?"
                + " try --encoding windows-1256)",
            "ansi-list.csv:3: place_of_death: bytes that are not valid UTF-8 (saved by Arabic"
                + " Windows? try --encoding windows-1256)");

    var imported = (ImportList.Imported) run(ansi, "Group Ansi", "windows-1256", null);
    assertThat(imported.encoding()).isEqualTo("windows-1256");
    assertThat(caseFile.victims().search("فاطمة", 1, 10).items())
        .extracting(v -> v.recordId())
        .contains("w2");

    assertThatThrownBy(() -> run(ansi, "Group Ansi", "no-such-charset", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown character set 'no-such-charset'");
  }

  @Test
  void aBadRowIsRefusedWithFileLineAndColumnAndNothingIsStored() throws Exception {
    long before = caseFile.victims().count();
    Path bad =
        write(
            "bad-rows.csv",
            "record_id,full_name,age\nb1,Hala Issa,33\nb2,Omar Said,thirty\nb3,Nada,41,extra\n",
            StandardCharsets.UTF_8);
    var refused = (ImportList.Refused) run(bad, "Group Bad", null, null);
    assertThat(refused.problems())
        .extracting(ListProblem::toString)
        .containsExactly(
            "bad-rows.csv:3: age: 'thirty' is not a whole number",
            "bad-rows.csv:4: -: has 4 fields but the header has 3");
    assertThat(caseFile.victims().count()).isEqualTo(before);
  }

  @Test
  void aListNamedAfterAProtectedSourceIsRefusedSoItsNameIsNotWrittenInTheClear() throws Exception {
    try (CaseFile keyed = TestDatabases.openCase()) {
      keyed.useSealer(
          org.sijill.casefile.seal.Keyring.create(
              files.resolve("keys"),
              "pw".toCharArray(),
              new org.sijill.casefile.seal.Keyring.Cost(1024, 1, 1)));
      String secret = "Witness Vq" + System.nanoTime();
      keyed
          .sources()
          .add(
              org.sijill.casefile.model.Enums.SourceKind.WITNESS,
              null,
              secret,
              org.sijill.casefile.model.Enums.Confidentiality.CONFIDENTIAL,
              null,
              "tester");
      Path list =
          write("protected.csv", "record_id,full_name\np1,Rami Nasser\n", StandardCharsets.UTF_8);
      int sourcesBefore = keyed.sources().all().size();
      long recordsBefore = keyed.victims().count();

      assertThatThrownBy(
              () ->
                  new ImportList(keyed)
                      .run(
                          new ImportList.Request(
                              list, "protected.csv", secret, null, null, "tester"),
                          ProgressListener.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("protected source");
      assertThat(keyed.sources().all()).hasSize(sourcesBefore);
      assertThat(keyed.victims().count()).isEqualTo(recordsBefore);
      String plain =
          keyed
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from source where name_en = :n or name_ar = :n")
                          .bind("n", secret)
                          .mapTo(Integer.class)
                          .one())
              .toString();
      assertThat(plain).isEqualTo("0");

      // a public source's name still works as before
      ImportList.Result ok =
          new ImportList(keyed)
              .run(
                  new ImportList.Request(list, "protected.csv", "Group Open", null, null, "tester"),
                  ProgressListener.NONE);
      assertThat(ok).isInstanceOf(ImportList.Imported.class);
    }
  }
}
