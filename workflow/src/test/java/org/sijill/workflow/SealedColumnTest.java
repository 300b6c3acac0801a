package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.repo.Victims.NewRecord;
import org.sijill.casefile.seal.Sealer;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Settings;

/** Linking on an extra column that the case sealed at rest needs the case unlocked. */
class SealedColumnTest {
  private static NewRecord row(int line, String id, String name, String informant) {
    return new NewRecord(
        line,
        id,
        name,
        null,
        null,
        null,
        null,
        "M",
        30,
        null,
        "2025-03-07",
        "Jableh",
        null,
        null,
        null,
        "{}",
        "{\"record_id\":\""
            + id
            + "\",\"full_name\":\""
            + name
            + "\",\"informant\":\""
            + informant
            + "\"}");
  }

  @Test
  void aLockedCaseRefusesToLinkOnASealedColumnAndLinksOnTheOthers() {
    try (CaseFile c = TestDatabases.openCase()) {
      String sealed = "sealed:1:AAAAAAAAAAAAAAAA";
      c.victims()
          .importList(
              "list-a",
              null,
              "a.csv",
              "a".repeat(64),
              "UTF-8",
              List.of(
                  row(2, "a1", "Synthetic Person One", sealed),
                  row(3, "a2", "Synthetic Person Two", sealed)),
              "test",
              n -> {});
      c.victims()
          .importList(
              "list-b",
              null,
              "b.csv",
              "b".repeat(64),
              "UTF-8",
              List.of(row(2, "b1", "Synthetic Person One", sealed)),
              "test",
              n -> {});
      c.useSealer(Sealer.locked());
      Settings onSealed =
          Settings.of(
              "record_id",
              List.of(
                  new FieldSpec("full_name", Kind.NAME), new FieldSpec("informant", Kind.EXACT)));
      assertThatThrownBy(
              () -> new LinkCase(c).link(LinkCase.Request.of(onSealed, "t"), ProgressListener.NONE))
          .isInstanceOf(CountingException.class)
          .hasMessageContaining("column 'informant' of list 'list-a' is sealed at rest")
          .hasMessageContaining("locked");
      assertThat(c.linkageRuns().current()).isEmpty();
      Settings onNames = Settings.of("record_id", List.of(new FieldSpec("full_name", Kind.NAME)));
      LinkCase.Result r =
          new LinkCase(c).link(LinkCase.Request.of(onNames, "t"), ProgressListener.NONE);
      assertThat(r.records()).isEqualTo(3);
    }
  }
}
