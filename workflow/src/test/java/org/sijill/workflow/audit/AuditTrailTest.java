package org.sijill.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.seal.Keyring;
import org.sijill.casefile.seal.Sealer;
import org.sijill.workflow.keys.CaseKeys;

/** The audit trail on a real (embedded) PostgreSQL: what is written, filters, sealing, no edits. */
class AuditTrailTest {
  @TempDir static Path data;
  private static CaseFile caseFile;
  private static AuditTrail audit;

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
    audit = new AuditTrail(caseFile);
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  private static AuditTrail.Query by(String who, AuditTrail.Kind kind, String item) {
    return new AuditTrail.Query(who, kind, item, null, null, 1, 50);
  }

  @Test
  void eventsAreListedNewestFirstAndFilteredByWhoKindItemAndDay() {
    audit.read("reader-1", "evidence", "12", "page", "10.0.0.7");
    audit.read("reader-1", "incident", "12", "api", "10.0.0.7");
    audit.read("reader-2", "evidence", "13", "api", null);
    audit.admin("admin-1", "role analyst", "reader-2", "10.0.0.8");
    audit.failedLogin("nobody", "wrong name or password", "10.0.0.9");

    var mine = audit.list(by("reader-1", null, null));
    assertThat(mine.total()).isEqualTo(2);
    assertThat(mine.items())
        .extracting(AuditTrail.Row::itemType)
        .containsExactly("incident", "evidence");
    assertThat(audit.list(by(null, AuditTrail.Kind.READ, "evidence:12")).items())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.actor()).isEqualTo("reader-1");
              assertThat(r.action()).isEqualTo("read page");
              assertThat(r.remote()).isEqualTo("10.0.0.7");
            });
    assertThat(audit.list(by(null, null, "12")).total()).isEqualTo(2);
    assertThat(audit.list(by(null, AuditTrail.Kind.ADMIN, null)).items())
        .singleElement()
        .satisfies(r -> assertThat(r.itemId()).isEqualTo("reader-2"));
    assertThat(audit.list(by("nobody", AuditTrail.Kind.LOGIN_FAILED, null)).total()).isEqualTo(1);

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(
            audit.list(new AuditTrail.Query("reader-1", null, null, today, today, 1, 50)).total())
        .isEqualTo(2);
    assertThat(
            audit
                .list(new AuditTrail.Query("reader-1", null, null, today.plusDays(1), null, 1, 50))
                .total())
        .isZero();
    assertThat(
            audit
                .list(new AuditTrail.Query(null, null, null, null, today.minusDays(1), 1, 50))
                .total())
        .isZero();
    var paged = audit.list(new AuditTrail.Query(null, null, null, null, null, 2, 2));
    assertThat(paged.items()).hasSize(2);
    assertThat(paged.total()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEvent() {
    audit.read("reader-3", "source", "4", "api", null);
    assertThatThrownBy(
            () ->
                caseFile
                    .jdbi()
                    .useHandle(h -> h.execute("delete from audit_event where actor = 'reader-3'")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                caseFile
                    .jdbi()
                    .useHandle(h -> h.execute("update audit_event set actor = 'someone-else'")))
        .hasMessageContaining("append-only");
  }

  @Test
  void detailsAreSealedWhenTheCaseHasKeysAndWithheldWhileItIsLocked() {
    CaseFile keyed = TestDatabases.openCase();
    try {
      new CaseKeys(data, keyed, new Keyring.Cost(1024, 1, 1)).create("pass one".toCharArray());
      AuditTrail a = new AuditTrail(keyed);
      a.export("admin-2", "full", "pkg-1.zip", "10.0.0.1", "incident 3, synthetic reason");
      String stored =
          keyed
              .jdbi()
              .withHandle(
                  h -> h.createQuery("select detail from audit_event").mapTo(String.class).one());
      assertThat(Sealer.isSealed(stored)).isTrue();
      assertThat(stored).doesNotContain("synthetic reason");
      assertThat(a.list(by("admin-2", AuditTrail.Kind.EXPORT, null)).items())
          .singleElement()
          .satisfies(r -> assertThat(r.detail()).isEqualTo("incident 3, synthetic reason"));
      keyed.useSealer(Sealer.locked());
      a.export("admin-2", "redacted", "pkg-2.zip", null, "while locked");
      assertThat(a.list(by("admin-2", AuditTrail.Kind.EXPORT, null)).items())
          .extracting(AuditTrail.Row::detail)
          .containsExactly(AuditTrail.LOCKED_NOTE, Sealer.LOCKED);
    } finally {
      keyed.close();
    }
  }

  @Test
  void kindsParseFromTheirStoredNames() {
    assertThat(AuditTrail.Kind.parse("login_failed")).isEqualTo(AuditTrail.Kind.LOGIN_FAILED);
    assertThat(AuditTrail.Kind.parse(" READ ")).isEqualTo(AuditTrail.Kind.READ);
    assertThat(AuditTrail.Kind.parse("delete")).isNull();
    assertThat(Optional.ofNullable(AuditTrail.Kind.parse(null))).isEmpty();
  }
}
