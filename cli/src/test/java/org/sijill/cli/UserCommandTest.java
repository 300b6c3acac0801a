package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;
import static org.sijill.cli.CliRun.runWithStdin;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.accounts.Accounts;

/** sijill user, token and source: the contracts scripts rely on. */
class UserCommandTest {
  @TempDir Path data;

  @Test
  void usersTokensSourcesAndWhoIsRecorded() {
    String d = data.toString();
    CliRun added =
        runWithStdin(
            "كلمة سر اصطناعية\n",
            "--data",
            d,
            "user",
            "add",
            "admin-1",
            "--role",
            "admin",
            "--password-stdin");
    assertThat(added.code()).as(added.err()).isZero();
    CliRun weak =
        runWithStdin(
            "short\n", "--data", d, "user", "add", "x", "--role", "viewer", "--password-stdin");
    assertThat(weak.code()).isEqualTo(1);
    assertThat(weak.err()).contains("at least 10");
    CliRun badRole =
        runWithStdin(
            "long enough pw\n",
            "--data",
            d,
            "user",
            "add",
            "y",
            "--role",
            "boss",
            "--password-stdin");
    assertThat(badRole.code()).isEqualTo(1);
    assertThat(badRole.err()).contains("viewer, analyst, reviewer, admin");
    CliRun analyst =
        runWithStdin(
            "another long one\n",
            "--data",
            d,
            "--as",
            "admin-1",
            "user",
            "add",
            "field-2",
            "--role",
            "analyst",
            "--password-stdin");
    assertThat(analyst.code()).as(analyst.err()).isZero();

    CliRun role = run("--data", d, "--as", "admin-1", "user", "role", "field-2", "reviewer");
    assertThat(role.code()).as(role.err()).isZero();
    CliRun list = run("--data", d, "user", "list");
    assertThat(list.out()).contains("admin-1\tadmin\tactive").contains("field-2\treviewer\tactive");

    // A token: alone on stdout, 43 URL-safe characters; stored only hashed.
    CliRun token = run("--data", d, "token", "create", "field-2", "--expires", "30");
    assertThat(token.code()).as(token.err()).isZero();
    assertThat(token.out()).matches("[A-Za-z0-9_-]{43}\n");
    String t = token.out().strip();
    assertThat(run("--data", d, "token", "create", "nobody").code()).isEqualTo(1);
    assertThat(run("--data", d, "token", "create", "field-2", "--expires", "0").code())
        .isEqualTo(1);

    // A source: its id alone on stdout.
    CliRun source =
        run(
            "--data",
            d,
            "--as",
            "field-2",
            "source",
            "add",
            "--name",
            "Synthetic witness 9",
            "--confidential",
            "--kind",
            "witness");
    assertThat(source.code()).as(source.err()).isZero();
    assertThat(source.out()).matches("\\d+\n");
    long sourceId = Long.parseLong(source.out().strip());

    // --as must be a user; without it the OS login is recorded, marked os:.
    CliRun stranger = run("--data", d, "--as", "mallory", "source", "add", "--name", "Group X");
    assertThat(stranger.code()).isEqualTo(1);
    assertThat(stranger.err()).contains("--as mallory: there is no such user");
    CliRun plain = run("--data", d, "source", "add", "--name", "Group Y");
    assertThat(plain.code()).as(plain.err()).isZero();
    long plainId = Long.parseLong(plain.out().strip());

    CliRun disabled = run("--data", d, "--as", "admin-1", "user", "disable", "field-2");
    assertThat(disabled.code()).as(disabled.err()).isZero();
    assertThat(run("--data", d, "--as", "field-2", "user", "list").err())
        .contains("this account is disabled");

    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      var s = cf.sources().find(sourceId).orElseThrow();
      assertThat(s.confidentiality()).isEqualTo("confidential");
      assertThat(s.recordedBy()).isEqualTo("field-2");
      assertThat(cf.sources().find(plainId).orElseThrow().recordedBy())
          .isEqualTo("os:" + System.getProperty("user.name"));
      // The token of a disabled account no longer works; its hash, not itself, is stored.
      assertThat(Accounts.over(cf).authenticate().token(t)).isEmpty();
      long plaintext =
          cf.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from api_token where token_hash = :t")
                          .bind("t", t)
                          .mapTo(Long.class)
                          .one());
      assertThat(plaintext).isZero();
    }
  }
}
