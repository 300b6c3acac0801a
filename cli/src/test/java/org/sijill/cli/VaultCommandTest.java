package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;

/** The vault commands, in-process, against the embedded database of a temporary data folder. */
class VaultCommandTest {
  @TempDir Path data;
  @TempDir Path other;
  @TempDir Path files;

  @Test
  void addCheckpointProofExportImportAndVerify() throws Exception {
    // --as must name a user of the case.
    CliRun.addUser(data, "collector-1", "analyst");
    CliRun.addUser(other, "receiver", "admin");
    Path a = files.resolve("a.txt");
    Files.writeString(a, "synthetic statement A");
    Path b = files.resolve("b.txt");
    Files.writeString(b, "synthetic statement B");
    CliRun add =
        run(
            "--data",
            data.toString(),
            "--as",
            "collector-1",
            "vault",
            "add",
            "--source",
            "partner A",
            "--note",
            "first batch",
            a.toString(),
            b.toString());
    assertThat(add.code()).as(add.err()).isZero();
    String[] lines = add.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).matches("[0-9a-f]{64} 0 " + java.util.regex.Pattern.quote(a.toString()));
    // Each new item is logged three times: acquired, metadata_extracted, fingerprinted.
    assertThat(lines[1]).matches("[0-9a-f]{64} 3 " + java.util.regex.Pattern.quote(b.toString()));
    String shaA = lines[0].substring(0, 64);

    CliRun missing =
        run("--data", data.toString(), "vault", "add", files.resolve("nope.jpg").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .contains("nope.jpg: not a readable file")
        .contains("nothing was stored");

    CliRun cp = run("--data", data.toString(), "vault", "checkpoint");
    assertThat(cp.code()).as(cp.err()).isZero();
    assertThat(cp.out()).startsWith("sijill.vault/").contains("\n6\n").contains("\n\n\u2014 ");

    CliRun proof = run("--data", data.toString(), "vault", "proof", shaA);
    assertThat(proof.code()).as(proof.err()).isZero();
    assertThat(proof.out()).contains("log_index 0\n").contains("tree_size 6\n").contains("path ");

    CliRun ok = run("--data", data.toString(), "vault", "verify");
    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).startsWith("ok: 2 items, 6 custody log entries");

    try (CaseFile c = CaseFile.open(data, Optional.empty())) {
      assertThat(c.evidence().count()).isEqualTo(2);
      assertThat(c.evidence().findBySha256(shaA).orElseThrow().originalName()).isEqualTo("a.txt");
    }

    // A crash after the log append but before the database row: the next command mirrors it.
    Path c3 = files.resolve("c.txt");
    Files.writeString(c3, "synthetic statement C");
    try (org.sijill.vault.Vault v = org.sijill.vault.Vault.open(data)) {
      v.add(c3, org.sijill.vault.Acquisition.by("collector-1"));
    }
    CliRun recovered = run("--data", data.toString(), "vault", "verify");
    assertThat(recovered.code()).as(recovered.out() + recovered.err()).isZero();
    assertThat(recovered.out()).startsWith("ok: 3 items, 8 custody log entries");
    assertThat(recovered.err()).contains("mirrored 2 log entries");

    Path pkg = files.resolve("out.zip");
    // The full (unredacted) package needs an administrator: not the OS login, not an analyst.
    for (String[] who : new String[][] {{}, {"--as", "collector-1"}}) {
      java.util.List<String> args =
          new java.util.ArrayList<>(java.util.List.of("--data", data.toString()));
      args.addAll(java.util.List.of(who));
      args.addAll(java.util.List.of("vault", "export", "--out", pkg.toString()));
      CliRun refused = run(args.toArray(String[]::new));
      assertThat(refused.code()).isNotZero();
      assertThat(refused.err()).contains("needs an administrator");
      assertThat(pkg).doesNotExist();
    }
    CliRun.addUser(data, "archivist-1", "admin");
    CliRun export =
        run(
            "--data",
            data.toString(),
            "--as",
            "archivist-1",
            "vault",
            "export",
            "--out",
            pkg.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("exported 3 items");

    CliRun imp =
        run("--data", other.toString(), "--as", "receiver", "vault", "import", pkg.toString());
    assertThat(imp.code()).as(imp.err()).isZero();
    assertThat(imp.out()).contains(shaA + " 0 a.txt");
    CliRun ok2 = run("--data", other.toString(), "vault", "verify");
    assertThat(ok2.code()).as(ok2.out() + ok2.err()).isZero();

    // Tampering: an edited database row (triggers disabled by someone with superuser rights)
    // and a flipped byte in a blob are both named.
    try (CaseFile c = CaseFile.open(data, Optional.empty())) {
      c.jdbi()
          .useHandle(
              h -> {
                h.execute("alter table evidence_item disable trigger evidence_item_append_only");
                h.execute(
                    "update evidence_item set original_name = 'other.txt' where sha256 = ?", shaA);
                h.execute("alter table evidence_item enable trigger evidence_item_append_only");
              });
    }
    Path blob =
        data.resolve("vault/blobs/sha256")
            .resolve(shaA.substring(0, 2))
            .resolve(shaA.substring(2, 4))
            .resolve(shaA);
    blob.toFile().setWritable(true);
    Files.writeString(blob, "synthetic statement a");
    CliRun bad = run("--data", data.toString(), "vault", "verify");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out())
        .contains("FAULT blob " + shaA + ": content changed")
        .containsPattern(
            "FAULT evidence_item \\d+: file_name is 'other.txt' but log entry 0 says 'a.txt'")
        .contains("2 faults found");
  }

  @Test
  void getAnnotateAndHistoryAreLoggedWithWhoDidIt() throws Exception {
    CliRun.addUser(other, "collector-2", "analyst");
    CliRun.addUser(other, "analyst-3", "analyst");
    Path a = files.resolve("statement.txt");
    Files.writeString(a, "synthetic statement C");
    CliRun add =
        run("--data", other.toString(), "--as", "collector-2", "vault", "add", a.toString());
    assertThat(add.code()).as(add.err()).isZero();
    String sha = add.out().substring(0, 64);

    Path copy = files.resolve("copy.txt");
    CliRun get =
        run(
            "--data",
            other.toString(),
            "--as",
            "analyst-3",
            "vault",
            "get",
            sha.toUpperCase(java.util.Locale.ROOT),
            "--out",
            copy.toString(),
            "--reason",
            "geolocation");
    assertThat(get.code()).as(get.err()).isZero();
    assertThat(Files.readString(copy)).isEqualTo("synthetic statement C");
    CliRun again = run("--data", other.toString(), "vault", "get", sha, "--out", copy.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("copy.txt: already exists");

    CliRun note =
        run(
            "--data",
            other.toString(),
            "--as",
            "analyst-3",
            "vault",
            "annotate",
            sha,
            "same clip seen on another channel");
    assertThat(note.code()).as(note.err()).isZero();
    CliRun unknown = run("--data", other.toString(), "vault", "annotate", "ab".repeat(32), "x");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no such item in the vault");
    CliRun notHex = run("--data", other.toString(), "vault", "history", "xyz");
    assertThat(notHex.code()).isEqualTo(1);
    assertThat(notHex.err()).contains("xyz: not a SHA-256");

    CliRun history = run("--data", other.toString(), "vault", "history", sha);
    assertThat(history.code()).as(history.err()).isZero();
    String[] events = history.out().strip().split("\n");
    assertThat(events[0]).contains("\tacquired\tcollector-2");
    assertThat(events[events.length - 2])
        .contains("\tviewed\tanalyst-3")
        .contains("reason=geolocation");
    assertThat(events[events.length - 1])
        .contains("\tannotated\tanalyst-3")
        .contains("note=same clip seen on another channel");
    CliRun verify = run("--data", other.toString(), "vault", "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
  }

  /** A PNG of coloured ovals from a seed. */
  private Path picture(String name, long seed) throws Exception {
    java.util.Random rnd = new java.util.Random(seed);
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    java.awt.Graphics2D g = img.createGraphics();
    for (int i = 0; i < 20; i++) {
      g.setColor(new java.awt.Color(rnd.nextInt(0xffffff)));
      g.fillOval(rnd.nextInt(400) - 40, rnd.nextInt(300) - 40, 60 + rnd.nextInt(120), 60);
    }
    g.dispose();
    Path f = files.resolve(name);
    javax.imageio.ImageIO.write(img, "png", f.toFile());
    return f;
  }

  @Test
  void aBatchWithATruncatedPictureStoresEveryFileAndVerifyNamesAStrayBlob() throws Exception {
    Path first = picture("first.png", 1);
    Path broken = picture("broken.png", 2);
    byte[] whole = Files.readAllBytes(broken);
    Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 2));
    Path last = picture("last.png", 3);
    String d = data.toString();
    CliRun add =
        run("--data", d, "vault", "add", first.toString(), broken.toString(), last.toString());
    assertThat(add.code()).as(add.err()).isZero();
    String[] lines = add.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).endsWith(" " + broken);
    assertThat(add.err())
        .contains(broken + ": not fingerprinted: ")
        .contains("(stored and logged)");
    String brokenSha = lines[1].substring(0, 64);

    CliRun history = run("--data", d, "vault", "history", brokenSha);
    assertThat(history.code()).as(history.err()).isZero();
    assertThat(history.out())
        .containsPattern("\tfingerprinted\t[^\n]*\toutcome=not fingerprinted\treason=\\S");

    // A batch goes on past a file it cannot store, and says so in its exit code.
    Path again = picture("again.png", 4);
    CliRun partly =
        run("--data", d, "vault", "add", again.toString(), files.resolve("gone.png").toString());
    assertThat(partly.code()).isEqualTo(1);
    assertThat(partly.out()).contains(again.toString());
    assertThat(partly.err())
        .contains("gone.png: not a readable file (not stored)")
        .contains("1 of 2 files were not stored; the others were");

    CliRun ok = run("--data", d, "vault", "verify");
    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).startsWith("ok: 4 items");

    Path stray = data.resolve("vault/blobs/sha256/00/00/" + "0".repeat(64));
    Files.createDirectories(stray.getParent());
    Files.writeString(stray, "dropped here by hand");
    CliRun bad = run("--data", d, "vault", "verify");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out())
        .contains(
            "FAULT file vault/blobs/sha256/00/00/"
                + "0".repeat(64)
                + ": stray blob: no custody log entry names "
                + "0".repeat(64))
        .contains("1 fault found");
  }
}
