package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.User;
import org.sijill.workflow.access.Visibility;

/** sijill group, restrict and source add --group: what scripts and admins rely on. */
class GroupCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  @Test
  void groupsMembersAndRestrictedSources() {
    String d = data.toString();
    CliRun.addUser(data, "admin-1", "admin");
    CliRun.addUser(data, "field-1", "viewer");
    CliRun.addUser(data, "field-2", "viewer");
    String group = "شهود الشمال";

    CliRun added = run("--data", d, "--as", "admin-1", "group", "add", group);
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out()).matches("\\d+\n");
    CliRun again = run("--data", d, "--as", "admin-1", "group", "add", " " + group + " ");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("exists already");
    assertThat(run("--data", d, "group", "add", "bad\u0007name").err())
        .contains("control characters");

    CliRun member = run("--data", d, "--as", "admin-1", "group", "member", "add", group, "field-1");
    assertThat(member.code()).as(member.err()).isZero();
    assertThat(run("--data", d, "group", "member", "add", group, "nobody").err())
        .contains("there is no user 'nobody'");
    assertThat(run("--data", d, "group", "member", "add", group, "field-1").err())
        .contains("field-1 is already in");

    // An unknown group is refused before the source is stored.
    CliRun unknown =
        run("--data", d, "source", "add", "--name", "Synthetic witness 4", "--group", "nope");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("--group: there is no group 'nope'");
    CliRun source =
        run(
            "--data",
            d,
            "--as",
            "admin-1",
            "source",
            "add",
            "--name",
            "Synthetic witness 5",
            "--kind",
            "witness",
            "--group",
            group);
    assertThat(source.code()).as(source.err()).isZero();
    assertThat(source.out()).matches("\\d+\n");
    long sourceId = Long.parseLong(source.out().strip());

    assertThat(run("--data", d, "restrict", "incident", "999", "--group", group).err())
        .contains("there is no incident 999");
    assertThat(run("--data", d, "restrict", "person", "1", "--group", group).err())
        .contains("use source, evidence, incident or victim");
    CliRun twice = run("--data", d, "restrict", "source", "" + sourceId, "--group", group);
    assertThat(twice.code()).as(twice.err()).isZero();
    assertThat(twice.err()).contains("already restricted");

    CliRun list = run("--data", d, "group", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).isEqualTo(group + "\t1 items\tfield-1\n");

    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      var s = cf.sources().find(sourceId).orElseThrow();
      assertThat(Visibility.forUser(cf, id(cf, "field-1"), role(cf, "field-1")).seesSource(s))
          .isTrue();
      assertThat(Visibility.forUser(cf, id(cf, "field-2"), role(cf, "field-2")).seesSource(s))
          .isFalse();
      assertThat(Visibility.forUser(cf, id(cf, "field-2"), role(cf, "field-2")).source(s).nameEn())
          .isEqualTo("Restricted source #" + sourceId);
      assertThat(Visibility.forUser(cf, id(cf, "admin-1"), role(cf, "admin-1")).seesSource(s))
          .isTrue();
    }

    // A partner is in no group: a redacted export gives the restricted source a pseudonym.
    java.nio.file.Path file = files.resolve("statement.txt");
    try {
      java.nio.file.Files.writeString(file, "a synthetic statement " + sourceId);
      CliRun added2 =
          run("--data", d, "vault", "add", file.toString(), "--source", "Synthetic witness 5");
      assertThat(added2.code()).as(added2.err()).isZero();
      java.nio.file.Path pkg = files.resolve("partner");
      CliRun export = run("--data", d, "vault", "export", "--redact", "--out", pkg.toString());
      assertThat(export.code()).as(export.err()).isZero();
      try (var walk = java.nio.file.Files.walk(pkg)) {
        for (java.nio.file.Path f : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
          assertThat(
                  java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
              .as(f.toString())
              .doesNotContain("Synthetic witness 5");
        }
      }
      CliRun full = run("--data", d, "--as", "admin-1", "vault", "export", "--out", pkg + "-full");
      assertThat(full.code()).as(full.err()).isZero();
      assertThat(
              java.nio.file.Files.walk(java.nio.file.Path.of(pkg + "-full"))
                  .filter(java.nio.file.Files::isRegularFile)
                  .anyMatch(
                      f -> {
                        try {
                          return java.nio.file.Files.readString(
                                  f, java.nio.charset.StandardCharsets.ISO_8859_1)
                              .contains("Synthetic witness 5");
                        } catch (java.io.IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      }))
          .as("the full package names the source, so the check above can fail")
          .isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    CliRun removed = run("--data", d, "group", "member", "remove", group, "field-1");
    assertThat(removed.code()).as(removed.err()).isZero();
    assertThat(run("--data", d, "group", "list").out()).isEqualTo(group + "\t1 items\t\n");
    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      var s = cf.sources().find(sourceId).orElseThrow();
      assertThat(Visibility.forUser(cf, id(cf, "field-1"), role(cf, "field-1")).seesSource(s))
          .isFalse();
    }

    // Lifting: an admin with a reason; the source shows again to those outside the group.
    String sid = "" + sourceId;
    CliRun notAdmin =
        run("--data", d, "restrict", "source", sid, "--group", group, "--lift", "--reason", "x");
    assertThat(notAdmin.code()).isEqualTo(1);
    assertThat(notAdmin.err()).contains("needs an administrator");
    CliRun noReason =
        run("--data", d, "--as", "admin-1", "restrict", "source", sid, "--group", group, "--lift");
    assertThat(noReason.code()).isEqualTo(1);
    assertThat(noReason.err()).contains("reason is required");
    CliRun lifted =
        run(
            "--data",
            d,
            "--as",
            "admin-1",
            "restrict",
            "source",
            sid,
            "--group",
            group,
            "--lift",
            "--reason",
            "the witness asked to be named");
    assertThat(lifted.code()).as(lifted.err()).isZero();
    assertThat(run("--data", d, "group", "list").out()).isEqualTo(group + "\t0 items\t\n");
    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      var s = cf.sources().find(sourceId).orElseThrow();
      assertThat(Visibility.forUser(cf, id(cf, "field-2"), role(cf, "field-2")).seesSource(s))
          .isTrue();
    }
    CliRun audit = run("--data", d, "--as", "admin-1", "audit", "--item", "source:" + sid);
    assertThat(audit.code()).as(audit.err()).isZero();
    assertThat(audit.out()).contains("lift restriction").contains("admin-1");
  }

  private static long id(CaseFile cf, String user) {
    return cf.users().find(user).map(User::id).orElseThrow();
  }

  private static org.sijill.casefile.model.Enums.Role role(CaseFile cf, String user) {
    return cf.users().find(user).map(User::roleValue).orElseThrow();
  }
}
