package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.backup.DatabaseSnapshot;
import org.sijill.casefile.backup.TableData;

/**
 * {@code sijill backup} and {@code sijill restore} on a case with a victim list, evidence and a
 * sealed source: the restored case answers as the original did, and a damaged backup is refused
 * naming the part, with nothing left behind.
 */
class BackupRestoreTest {
  @TempDir Path data;
  @TempDir Path files;
  @TempDir Path elsewhere;

  final String witness = "Witness-" + UUID.randomUUID().toString().substring(0, 13);
  Path pass;
  String sha;

  @BeforeEach
  void aCase() throws IOException {
    pass = files.resolve("pass.txt");
    Files.writeString(pass, "a published test passphrase\n");
    CliRun.addUser(data, "collector-1", "analyst");
    CliRun init = run(unlocked("keys", "init"));
    assertThat(init.code()).as(init.err()).isZero();
    Path photo = files.resolve("scene.png");
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.CYAN);
    g.fillRect(60, 40, 180, 120);
    g.dispose();
    ImageIO.write(img, "png", photo.toFile());
    CliRun add =
        run(unlocked("--as", "collector-1", "vault", "add", "--source", witness, photo.toString()));
    assertThat(add.code()).as(add.err()).isZero();
    sha = add.out().substring(0, 64);
    Path list = files.resolve("list.csv");
    Files.writeString(
        list,
        "record_id,full_name,sex,informant_name\n"
            + "1,Synthetic Person One,M,"
            + witness
            + "\n2,شخص اصطناعي,F,"
            + witness
            + "\n");
    CliRun imp = run(unlocked("import-list", "--source", "Group S", list.toString()));
    assertThat(imp.code()).as(imp.err()).isZero();
  }

  @Test
  void theRestoredCaseAnswersAsTheOriginal() throws Exception {
    Path backup = files.resolve("case.sijill-backup");
    CliRun b = run("--data", data.toString(), "backup", "--out", backup.toString());
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).contains("1 blobs").contains("checkpoint signed");

    Path restored = elsewhere.resolve("restored");
    CliRun r =
        run(
            "--data",
            restored.toString(),
            "--passphrase-file",
            pass.toString(),
            "restore",
            backup.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("restored").contains("the sealing keys open with the passphrase");
    // No temporary folder is left beside the target.
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("restored");
    }

    // Every table holds as many rows as the original's.
    assertThat(rowCounts(restored)).isEqualTo(rowCounts(data)).containsKey("evidence_item");
    assertThat(rowCounts(restored).get("victim_record")).isEqualTo(2L);
    // The evidence trail checks; the sealed source opens with the passphrase and only with it.
    CliRun verify = run("--data", restored.toString(), "vault", "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).startsWith("ok: 1 items");
    String[] history = {"--data", restored.toString(), "--passphrase-file", pass.toString()};
    assertThat(run(concat(history, "vault", "history", sha)).out()).contains(witness);
    CliRun locked = run("--data", restored.toString(), "vault", "history", sha);
    assertThat(locked.out()).contains("(locked)").doesNotContain(witness);
    // The backup carries the keys as sealed at rest: the witness's name is nowhere in clear.
    assertThat(SealedAtRestTest.filesContaining(files, witness))
        .containsOnly(files.resolve("list.csv"));

    // A second restore into the now non-empty folder is refused, and changes nothing there.
    CliRun again = run("--data", restored.toString(), "restore", backup.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("is not empty");
    assertThat(run("--data", restored.toString(), "vault", "verify").code()).isZero();
  }

  @Test
  void aDamagedBackupIsRefusedNamingThePartAndLeavesNothing() throws Exception {
    Path backup = files.resolve("case.sijill-backup");
    assertThat(run("--data", data.toString(), "backup", "--out", backup.toString()).code())
        .isZero();
    String blobPart =
        "vault/blobs/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;

    // One byte of the evidence file changed inside the archive (the manifest left as it was).
    Path tampered = files.resolve("tampered.sijill-backup");
    rewrite(backup, tampered, blobPart, bytes -> bytes[bytes.length / 2] ^= 1);
    Path target = elsewhere.resolve("t1");
    CliRun r = run("--data", target.toString(), "restore", tampered.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("nothing restored").contains("part " + blobPart);
    assertThat(elsewhere).isEmptyDirectory();

    // A row of a table altered: the same, naming the table's part.
    Path rows = files.resolve("rows.sijill-backup");
    rewrite(backup, rows, "database/victim_record.copy", bytes -> bytes[bytes.length - 3] ^= 1);
    CliRun r2 = run("--data", target.toString(), "restore", rows.toString());
    assertThat(r2.code()).isEqualTo(1);
    assertThat(r2.err()).contains("part database/victim_record.copy");
    assertThat(elsewhere).isEmptyDirectory();

    // A file cut short (a copy interrupted) is no backup at all.
    Path cut = files.resolve("cut.sijill-backup");
    byte[] whole = Files.readAllBytes(backup);
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    CliRun r3 = run("--data", target.toString(), "restore", cut.toString());
    assertThat(r3.code()).isEqualTo(1);
    assertThat(r3.err()).contains("not a readable backup file");
    assertThat(elsewhere).isEmptyDirectory();
  }

  /** Rows per table of the case in {@code dir}, read the way a backup reads them. */
  static Map<String, Long> rowCounts(Path dir) {
    try (CaseFile cf = CaseFile.open(dir, Optional.empty());
        DatabaseSnapshot s = DatabaseSnapshot.begin(cf)) {
      Map<String, Long> out = new TreeMap<>();
      for (TableData.Table t : s.description().tables()) {
        out.put(t.name(), t.rows());
      }
      return out;
    }
  }

  interface Change {
    void apply(byte[] bytes);
  }

  /** Copies a backup archive entry by entry, changing the bytes of one entry. */
  static void rewrite(Path from, Path to, String entry, Change change) throws IOException {
    boolean found = false;
    try (ZipFile in = new ZipFile(from.toFile());
        OutputStream o = Files.newOutputStream(to);
        ZipOutputStream out = new ZipOutputStream(o)) {
      Enumeration<? extends ZipEntry> es = in.entries();
      while (es.hasMoreElements()) {
        ZipEntry e = es.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        if (e.getName().equals(entry)) {
          change.apply(bytes);
          found = true;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    assertThat(found).as("entry " + entry).isTrue();
  }

  private String[] unlocked(String... rest) {
    return concat(
        new String[] {"--data", data.toString(), "--passphrase-file", pass.toString()}, rest);
  }

  static String[] concat(String[] first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }
}
