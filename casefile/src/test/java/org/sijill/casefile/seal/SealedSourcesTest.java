package org.sijill.casefile.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;

/** A confidential source is stored sealed and read back through the case's keys. */
class SealedSourcesTest {
  @TempDir Path keys;

  @Test
  void aConfidentialSourceIsSealedInTheDatabaseAndAPublicOneIsNot() {
    try (CaseFile cf = TestDatabases.openCase()) {
      cf.useSealer(Keyring.create(keys, "pw".toCharArray(), KeyringTest.CHEAP));
      long witness =
          cf.sources()
              .add(
                  SourceKind.WITNESS,
                  null,
                  "Witness Zq",
                  Confidentiality.CONFIDENTIAL,
                  "tel:+1",
                  "t");
      long channel =
          cf.sources().add(SourceKind.MEDIA, null, "Channel Q", Confidentiality.PUBLIC, null, "t");

      String stored =
          cf.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select name_en || ' ' || url from source where id = :id")
                          .bind("id", witness)
                          .mapTo(String.class)
                          .one());
      assertThat(stored).doesNotContain("Witness Zq").doesNotContain("+1").contains("sealed:1:");
      assertThat(cf.sources().find(witness).orElseThrow().nameEn()).isEqualTo("Witness Zq");
      assertThat(cf.sources().find(witness).orElseThrow().url()).isEqualTo("tel:+1");
      assertThat(cf.sources().findByName("Channel Q").orElseThrow().id()).isEqualTo(channel);

      cf.useSealer(Sealer.locked());
      assertThat(cf.sources().find(witness).orElseThrow().nameEn()).isEqualTo(Sealer.LOCKED);
      assertThat(cf.sources().find(channel).orElseThrow().nameEn()).isEqualTo("Channel Q");
      assertThatThrownBy(
              () ->
                  cf.sources()
                      .correct(cf.sources().find(witness).orElseThrow(), "t", "a locked edit"))
          .isInstanceOf(KeyringException.class);
      assertThat(cf.sources().history(witness)).hasSize(1);
    }
  }
}
