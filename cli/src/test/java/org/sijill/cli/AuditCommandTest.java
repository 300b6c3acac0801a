package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sijill audit}, {@code user require-totp | reset-totp} and the admin rule of {@code vault
 * export}, in-process against the embedded database of a temporary data folder.
 */
class AuditCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  private List<String> lines(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    CliRun r = run(all);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().isEmpty() ? List.of() : Arrays.asList(r.out().split("\n"));
  }

  @Test
  void exportsAndAdminActionsAreListedWithTheirFilters() throws Exception {
    CliRun.addUser(data, "admin-1", "admin");
    CliRun.addUser(data, "viewer-1", "viewer");
    Path item = files.resolve("statement.txt");
    Files.writeString(item, "synthetic statement");
    assertThat(
            run("--data", data.toString(), "--as", "admin-1", "vault", "add", item.toString())
                .code())
        .isZero();

    CliRun refused =
        run(
            "--data",
            data.toString(),
            "--as",
            "viewer-1",
            "vault",
            "export",
            "--out",
            files.resolve("full.zip").toString());
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("needs an administrator");
    assertThat(files.resolve("full.zip")).doesNotExist();
    lines(
        "--as",
        "viewer-1",
        "vault",
        "export",
        "--redact",
        "--out",
        files.resolve("r.zip").toString());
    lines("--as", "admin-1", "vault", "export", "--out", files.resolve("full.zip").toString());
    assertThat(files.resolve("full.zip")).exists();

    assertThat(lines("--as", "admin-1", "user", "require-totp", "viewer-1"))
        .containsExactly("second factor required for viewer-1");
    assertThat(lines("--as", "admin-1", "user", "reset-totp", "viewer-1"))
        .containsExactly("reset the second factor of viewer-1");
    CliRun both = run("--data", data.toString(), "user", "require-totp", "viewer-1", "--all");
    assertThat(both.code()).isNotZero();
    assertThat(both.err()).contains("either a user NAME or --all");

    List<String> exports = lines("audit", "--kind", "export");
    assertThat(exports).hasSize(3);
    assertThat(exports.get(0).split("\t"))
        .startsWith(exports.get(0).split("\t")[0], "export", "admin-1", "export full");
    assertThat(exports.get(0)).contains("package:full.zip").contains("1 items");
    assertThat(exports.get(1)).contains("\tviewer-1\texport redacted\tpackage:r.zip");
    assertThat(exports.get(2)).contains("\tviewer-1\texport full refused\t");

    List<String> admin = lines("audit", "--user", "admin-1", "--kind", "admin");
    assertThat(admin)
        .anySatisfy(l -> assertThat(l).contains("second factor required\tuser:viewer-1\tcli"))
        .anySatisfy(l -> assertThat(l).contains("second factor reset\tuser:viewer-1\tcli"));
    // user add ran before any --as user existed: it is recorded as the operating-system login.
    assertThat(lines("audit", "--kind", "admin", "--item", "user:admin-1"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("\tos:").contains("user added as admin"));

    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertThat(lines("audit", "--since", tomorrow)).isEmpty();
    CliRun badKind = run("--data", data.toString(), "audit", "--kind", "deleted");
    assertThat(badKind.code()).isNotZero();
    assertThat(badKind.err()).contains("--kind is one of");
  }
}
