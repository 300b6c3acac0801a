package org.sijill.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.accounts.Throttle;
import org.sijill.workflow.audit.AuditTrail;

/**
 * Lifting a restriction on a real PostgreSQL: only an admin with a reason, the item visible again,
 * the lift on record and in the audit trail, and a new restriction possible after it. Also: the
 * login throttle remembers the audit trail's failures across a restart.
 */
class LiftRestrictionTest {
  private static final String PASSWORD = "a synthetic passphrase";
  private static CaseFile caseFile;
  private static Accounts accounts;

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
    accounts = Accounts.over(caseFile, java.time.Clock.systemUTC(), d -> {});
    accounts.addUser().add("lift-admin", null, Role.ADMIN, PASSWORD, "test");
    accounts.addUser().add("lift-viewer", null, Role.VIEWER, PASSWORD, "test");
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  private static Visibility viewer() {
    long id = caseFile.users().find("lift-viewer").orElseThrow().id();
    return Visibility.forUser(caseFile, id, Role.VIEWER);
  }

  @Test
  void anAdminLiftsWithAReasonAndTheItemIsSeenAgainAndAudited() {
    Groups groups = Groups.over(caseFile);
    groups.create().create("Lift group", "lift-admin");
    long source =
        caseFile
            .sources()
            .add(
                SourceKind.WITNESS,
                null,
                "Synthetic witness L",
                Confidentiality.RESTRICTED,
                null,
                "test");
    assertThat(groups.restrict().restrict(ItemType.SOURCE, source, "Lift group", "lift-admin"))
        .isTrue();
    assertThat(viewer().seesSource(source)).isFalse();

    assertThatThrownBy(
            () ->
                groups
                    .lift()
                    .lift(ItemType.SOURCE, source, "Lift group", "no longer", "lift-viewer", null))
        .isInstanceOf(GroupException.class)
        .hasMessageContaining("needs an administrator");
    assertThatThrownBy(
            () ->
                groups
                    .lift()
                    .lift(ItemType.SOURCE, source, "Lift group", "no longer", "os:root", null))
        .hasMessageContaining("needs an administrator");
    assertThatThrownBy(
            () ->
                groups.lift().lift(ItemType.SOURCE, source, "Lift group", "  ", "lift-admin", null))
        .hasMessageContaining("reason is required");
    assertThatThrownBy(
            () -> groups.lift().lift(ItemType.SOURCE, source, "Nope", "x", "lift-admin", null))
        .hasMessageContaining("there is no group 'Nope'");
    assertThat(viewer().seesSource(source)).isFalse();

    groups
        .lift()
        .lift(
            ItemType.SOURCE, source, "Lift group", "the witness agreed", "lift-admin", "10.0.0.5");
    assertThat(viewer().seesSource(source)).isTrue();
    assertThat(groups.restrictionsOf(ItemType.SOURCE, source)).isEmpty();
    assertThatThrownBy(
            () ->
                groups
                    .lift()
                    .lift(ItemType.SOURCE, source, "Lift group", "again", "lift-admin", null))
        .hasMessageContaining("there is no restriction of source " + source);

    var rows =
        new AuditTrail(caseFile)
            .list(
                new AuditTrail.Query(
                    "lift-admin", AuditTrail.Kind.ADMIN, "source:" + source, null, null, 1, 50));
    assertThat(rows.items())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("lift restriction");
              assertThat(r.remote()).isEqualTo("10.0.0.5");
              assertThat(r.detail()).contains("Lift group").contains("the witness agreed");
            });

    // The restriction and its lift both stay on record; restricting again is a new fact.
    assertThat(groups.restrict().restrict(ItemType.SOURCE, source, "Lift group", "lift-admin"))
        .isTrue();
    assertThat(groups.restrict().restrict(ItemType.SOURCE, source, "Lift group", "lift-admin"))
        .isFalse();
    assertThat(viewer().seesSource(source)).isFalse();
    assertThat(groups.find("Lift group").orElseThrow().items()).isEqualTo(1);
    long rowsOnRecord =
        caseFile
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from item_restriction where item_type = 'source' and"
                                + " item_id = :i")
                        .bind("i", source)
                        .mapTo(Long.class)
                        .one());
    assertThat(rowsOnRecord).isEqualTo(2);
  }

  @Test
  void aNewThrottleCountsTheFailuresTheAuditTrailRecorded() {
    AuditTrail audit = new AuditTrail(caseFile);
    for (int i = 0; i < Throttle.PER_ACCOUNT; i++) {
      audit.failedLogin("guessed-before-restart", "wrong name or password", "10.7.7." + i);
    }
    for (int i = 0; i < Throttle.PER_ADDRESS; i++) {
      audit.failedLogin("(token)", "unknown, ended or expired API token", "10.8.8.8");
    }
    // As after a restart: a fresh set of use cases over the same case.
    Throttle recalled = Accounts.over(caseFile).throttle();
    assertThat(recalled.retryAfter(null, "guessed-before-restart"))
        .hasValueSatisfying(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Throttle.WINDOW));
    assertThat(recalled.retryAfter("10.8.8.8", null)).isPresent();
    assertThat(recalled.retryAfter("10.7.7.1", "someone-else")).isEmpty();
    // Token failures count against their address only, not an account named "(token)".
    assertThat(recalled.retryAfter(null, "(token)")).isEmpty();
    assertThat(
            Throttle.standard(java.time.Clock.systemUTC())
                .retryAfter(null, "guessed-before-restart"))
        .isEmpty();
  }
}
