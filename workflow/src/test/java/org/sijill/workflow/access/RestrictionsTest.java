package org.sijill.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.Enums.SourceKind;

/**
 * The restrictions are read once per version of the restriction tables and shared between requests;
 * a restriction or a lift written by anyone — here another case file on the same database, as
 * another process would — is in force for the next request.
 */
class RestrictionsTest {
  @Test
  void aRestrictionOrLiftFromAnotherConnectionIsSeenByTheNextRequest() {
    String url = TestDatabases.createDatabase();
    try (CaseFile server = CaseFile.open(Path.of("no-data-dir"), Optional.of(url));
        CaseFile other = CaseFile.open(Path.of("no-data-dir"), Optional.of(url))) {
      long group = other.accessGroups().create("Restrictions group", "test");
      long source =
          other
              .sources()
              .add(
                  SourceKind.WITNESS,
                  null,
                  "Synthetic witness R",
                  Confidentiality.RESTRICTED,
                  null,
                  "test");
      Restrictions before = Restrictions.of(server);
      assertThat(Restrictions.of(server)).as("unchanged tables: the same read").isSameAs(before);
      assertThat(Visibility.forUser(server, 999, Role.VIEWER).seesSource(source)).isTrue();

      assertThat(other.accessGroups().restrict("source", source, group, "test")).isTrue();
      assertThat(Visibility.forUser(server, 999, Role.VIEWER).seesSource(source)).isFalse();
      assertThat(Visibility.forUser(server, 999, Role.VIEWER).hidden(ItemType.SOURCE))
          .containsExactly(source);
      assertThat(Restrictions.of(server)).isNotSameAs(before);

      // A member of the group sees it; joining the group counts from the next request too.
      org.sijill.workflow.accounts.Accounts.over(server, java.time.Clock.systemUTC(), d -> {})
          .addUser()
          .add("restrictions-member", null, Role.VIEWER, "a synthetic passphrase", "test");
      long member = server.users().find("restrictions-member").orElseThrow().id();
      assertThat(Visibility.forUser(server, member, Role.VIEWER).seesSource(source)).isFalse();
      other.accessGroups().setMember(group, member, true, "test");
      assertThat(other.accessGroups().viewerState(member).groups()).containsExactly(group);
      assertThat(Visibility.forUser(server, member, Role.VIEWER).seesSource(source)).isTrue();
      assertThat(Visibility.forUser(server, 999, Role.VIEWER).seesSource(source)).isFalse();

      assertThat(other.accessGroups().lift("source", source, group, "no longer", "test")).isTrue();
      assertThat(Visibility.forUser(server, 999, Role.VIEWER).seesSource(source)).isTrue();
      assertThat(Visibility.forUser(server, 999, Role.VIEWER).hidden(ItemType.SOURCE)).isEmpty();
    }
  }
}
