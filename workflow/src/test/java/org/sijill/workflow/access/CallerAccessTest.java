package org.sijill.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.Source;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.accounts.Login;
import org.sijill.workflow.accounts.Principal;

/**
 * A request learns who is asking and what they may see in one statement (the principal carries its
 * groups and the restriction and source versions), and the sources are kept between requests per
 * version. Whatever another connection writes — a restriction, a new group member, a source made
 * confidential, a new source — is in force for the next request, never hidden by what was kept.
 */
class CallerAccessTest {
  private static final String PASSWORD = "a synthetic passphrase for the test";

  @Test
  void theNextRequestSeesEveryChangeMadeElsewhere() {
    String url = TestDatabases.createDatabase();
    try (CaseFile server = CaseFile.open(Path.of("no-data-dir"), Optional.of(url));
        CaseFile other = CaseFile.open(Path.of("no-data-dir"), Optional.of(url))) {
      Accounts accounts = Accounts.over(server, Clock.systemUTC(), d -> {});
      accounts.addUser().add("caller-viewer", null, Role.VIEWER, PASSWORD, "test");
      accounts.addUser().add("caller-admin", null, Role.ADMIN, PASSWORD, "test");
      String token = accounts.createToken().create("caller-viewer", null, "test").token();
      String adminToken = accounts.createToken().create("caller-admin", null, "test").token();
      long viewer = server.users().find("caller-viewer").orElseThrow().id();

      long open =
          other
              .sources()
              .add(
                  SourceKind.WITNESS,
                  null,
                  "Synthetic open channel",
                  Confidentiality.PUBLIC,
                  null,
                  "test");
      Principal first = accounts.authenticate().token(token).orElseThrow();
      assertThat(first.access()).as("read with the account").isNotNull();
      assertThat(first.access().groups()).isEmpty();
      assertThat(first.access())
          .as("the same statement as AccessGroups.viewerState")
          .isEqualTo(server.accessGroups().viewerState(viewer));
      assertThat(request(server, accounts, token).seesSource(open)).isTrue();
      assertThat(request(server, accounts, token).allSources())
          .extracting(Source::id)
          .containsExactly(open);

      // A new source written elsewhere is listed by the next request.
      long second =
          other
              .sources()
              .add(
                  SourceKind.WITNESS,
                  null,
                  "Synthetic second channel",
                  Confidentiality.PUBLIC,
                  null,
                  "test");
      assertThat(request(server, accounts, token).allSources())
          .extracting(Source::id)
          .containsExactlyInAnyOrder(open, second);

      // A correction making it confidential (a new version) hides it from the next request.
      Source s = other.sources().find(second).orElseThrow();
      other
          .sources()
          .correct(
              new Source(
                  s.id(),
                  s.version(),
                  s.kind(),
                  s.nameAr(),
                  s.nameEn(),
                  "confidential",
                  s.url(),
                  s.notes(),
                  s.recordedAt(),
                  s.recordedBy()),
              "test",
              "a witness to protect");
      Visibility after = request(server, accounts, token);
      assertThat(after.seesSource(second)).isFalse();
      assertThat(
              after
                  .source(
                      after.allSources().stream()
                          .filter(x -> x.id() == second)
                          .findFirst()
                          .orElseThrow())
                  .nameEn())
          .isNotEqualTo("Synthetic second channel");
      assertThat(request(server, accounts, adminToken).seesSource(second)).as("an admin").isTrue();

      // A restriction written elsewhere, then membership of its group, count from the next request.
      long group = other.accessGroups().create("Caller group", "test");
      assertThat(other.accessGroups().restrict("source", open, group, "test")).isTrue();
      assertThat(request(server, accounts, token).seesSource(open)).isFalse();
      other.accessGroups().setMember(group, viewer, true, "test");
      Principal member = accounts.authenticate().token(token).orElseThrow();
      assertThat(member.access().groups()).containsExactly(group);
      assertThat(request(server, accounts, token).seesSource(open)).isTrue();

      // A browser session reads the same in its one statement, with its CSRF token.
      Login.Opened session =
          accounts.login().login("caller-viewer", PASSWORD, "127.0.0.1").orElseThrow();
      Principal viaSession = accounts.authenticate().session(session.sessionId()).orElseThrow();
      assertThat(viaSession.csrf()).isEqualTo(session.csrf());
      assertThat(viaSession.viaSession()).isTrue();
      assertThat(viaSession.access()).isEqualTo(member.access());
      assertThat(member.viaSession()).isFalse();
    }
  }

  @Test
  void keptSourcesAreReadAgainWhenTheCountDiffers() {
    String url = TestDatabases.createDatabase();
    try (CaseFile server = CaseFile.open(Path.of("no-data-dir"), Optional.of(url))) {
      long a =
          server
              .sources()
              .add(
                  SourceKind.WITNESS,
                  null,
                  "Synthetic kept channel",
                  Confidentiality.PUBLIC,
                  null,
                  "test");
      long rows = server.accessGroups().viewerState(1).sourceRows();
      assertThat(rows).isEqualTo(1);
      assertThat(server.sources().all(rows)).extracting(Source::id).containsExactly(a);
      long b =
          server
              .sources()
              .add(
                  SourceKind.WITNESS,
                  null,
                  "Synthetic later channel",
                  Confidentiality.PUBLIC,
                  null,
                  "test");
      // Asked with the old count (read before the write), the kept list may be old...
      assertThat(server.sources().all(rows)).extracting(Source::id).contains(a);
      // ...but the new count reads again.
      long now = server.accessGroups().viewerState(1).sourceRows();
      assertThat(now).isEqualTo(2);
      assertThat(server.sources().all(now)).extracting(Source::id).containsExactlyInAnyOrder(a, b);
    }
  }

  private static Visibility request(CaseFile caseFile, Accounts accounts, String token) {
    return Visibility.of(caseFile, accounts.authenticate().token(token));
  }
}
