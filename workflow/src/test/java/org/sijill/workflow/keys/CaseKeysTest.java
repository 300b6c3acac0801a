package org.sijill.workflow.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.seal.Keyring;
import org.sijill.casefile.seal.Sealer;
import org.sijill.workflow.ImportList;
import org.sijill.workflow.ProgressListener;

/** Keys of a case on the embedded database, as the web and the CLI see them. Synthetic names. */
class CaseKeysTest {
  static final Keyring.Cost CHEAP = new Keyring.Cost(1024, 1, 1);
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

  private ImportList.Result importList(String name, String informant) throws Exception {
    Path f = files.resolve(name);
    Files.writeString(
        f, "record_id,full_name,informant_phone,batch\n1,Synthetic Person," + informant + ",b1\n");
    return new ImportList(caseFile)
        .run(
            new ImportList.Request(f, name, "Group K", null, null, "tester", Set.of("BATCH")),
            ProgressListener.NONE);
  }

  @Test
  void keysSealNewListsLockedCasesRefuseThemAndRotationKeepsOldValuesReadable() throws Exception {
    CaseKeys keys = new CaseKeys(data, caseFile, CHEAP);
    assertThat(keys.status().state()).isEqualTo("no keys");
    ImportList.Imported plain = (ImportList.Imported) importList("before.csv", "+963-111");
    assertThat(plain.sealed()).isFalse();
    assertThat(plain.sensitiveColumns()).containsExactly("informant_phone");

    keys.create("pass one".toCharArray());
    ImportList.Imported sealed = (ImportList.Imported) importList("sealed.csv", "+963-222");
    assertThat(sealed.sealed()).isTrue();

    keys.rotate("pass one".toCharArray(), null);
    assertThat(keys.status().dataKeys()).isEqualTo(2);
    importList("rotated.csv", "+963-333");
    assertThat(caseFile.victims().search(null, 1, 10).items())
        .extracting(v -> v.attributes())
        .anySatisfy(a -> assertThat(a).contains("+963-111"))
        .anySatisfy(a -> assertThat(a).contains("+963-222"))
        .anySatisfy(a -> assertThat(a).contains("+963-333"));
    String stored =
        caseFile
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select attributes::text from victim_record where list_name ="
                                + " 'Group K' order by id desc limit 1")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).contains("sealed:1:").doesNotContain("+963-333").contains("b1");

    caseFile.useSealer(Sealer.locked());
    long before = caseFile.victims().count();
    assertThatThrownBy(() -> importList("locked.csv", "+963-444"))
        .isInstanceOf(KeysException.class)
        .hasMessageContaining("locked");
    assertThat(caseFile.victims().count()).isEqualTo(before);
    assertThat(caseFile.victims().search(null, 1, 10).items())
        .extracting(v -> v.attributes())
        .anySatisfy(a -> assertThat(a).contains(Sealer.LOCKED))
        .anySatisfy(a -> assertThat(a).contains("+963-111")); // stored before the keys
    assertThatThrownBy(() -> keys.unlock("pass two".toCharArray()))
        .isInstanceOf(KeysException.class);
    keys.unlock("pass one".toCharArray());
    assertThat(keys.status().state()).isEqualTo("unlocked");
  }

  @Test
  void theDemoKeysAreMadeForAnEmptyCaseAndOpenedAgainLater(@TempDir Path other) {
    try (CaseFile empty = TestDatabases.openCase()) {
      assertThat(new DemoKeys(other, empty).unlock()).contains("PUBLISHED demo passphrase");
      assertThat(empty.sealer().unlocked()).isTrue();
      empty.useSealer(Sealer.locked());
      assertThat(new DemoKeys(other, empty).unlock()).contains("PUBLISHED demo passphrase");
      assertThat(empty.sealer().unlocked()).isTrue();
    }
  }
}
