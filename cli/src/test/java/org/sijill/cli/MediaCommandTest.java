package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media commands, in-process, on synthetic pictures. */
class MediaCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  /** Made-up picture: coloured shapes; seed picks the picture, turned by quarter turns. */
  Path picture(String name, long seed, int quarterTurns) throws Exception {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(rnd.nextInt(0xffffff)));
    g.fillRect(0, 0, 400, 300);
    for (int i = 0; i < 20; i++) {
      g.setColor(new Color(rnd.nextInt(0xffffff)));
      g.fillOval(
          rnd.nextInt(400) - 40,
          rnd.nextInt(300) - 40,
          30 + rnd.nextInt(120),
          30 + rnd.nextInt(90));
    }
    g.dispose();
    BufferedImage out = img;
    if (quarterTurns % 2 == 1) {
      out = new BufferedImage(300, 400, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D r = out.createGraphics();
      AffineTransform t = new AffineTransform();
      t.translate(300, 0);
      t.rotate(Math.PI / 2);
      r.drawImage(img, t, null);
      r.dispose();
    }
    Path f = files.resolve(name);
    ImageIO.write(out, "png", f.toFile());
    return f;
  }

  @Test
  void hashPrintsHexQualityAndFileAndNamesBadFiles() throws Exception {
    Path a = picture("a.png", 1, 0);
    Path empty = Files.createFile(files.resolve("empty.jpg"));
    CliRun r = run("--data", data.toString(), "media", "hash", a.toString(), empty.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().trim())
        .matches("[0-9a-f]{64} \\d{1,3} " + java.util.regex.Pattern.quote(a.toString()));
    assertThat(r.err()).contains("empty.jpg: is empty (0 bytes)").doesNotContain("Exception");
  }

  @Test
  void compareGivesAVerdictRegardlessOfRotation() throws Exception {
    Path a = picture("a.png", 1, 0);
    Path turned = picture("a-turned.png", 1, 1);
    Path b = picture("b.png", 2, 0);
    CliRun same = run("media", "compare", a.toString(), turned.toString());
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out()).startsWith("verdict: same").contains("distance: ");
    CliRun diff = run("media", "compare", a.toString(), b.toString());
    assertThat(diff.out()).startsWith("verdict: different");
  }

  @Test
  void seenListsIndexedFilesOldestFirstWithSourceAndDate() throws Exception {
    Path a = picture("a.png", 1, 0);
    Path turned = picture("a-turned.png", 1, 1);
    Path b = picture("b.png", 2, 0);
    String d = data.toString();
    assertThat(run("--data", d, "media", "seen", a.toString()).out()).contains("not seen before");
    CliRun i1 =
        run(
            "--data",
            d,
            "media",
            "index",
            "--source",
            "Channel X",
            "--acquired-at",
            "2024-03-01",
            turned.toString(),
            b.toString());
    assertThat(i1.code()).as(i1.err()).isZero();
    CliRun i2 =
        run(
            "--data",
            d,
            "media",
            "index",
            "--source",
            "Archive Y",
            "--acquired-at",
            "2019-07-09",
            a.toString());
    assertThat(i2.code()).as(i2.err()).isZero();
    CliRun seen = run("--data", d, "media", "seen", turned.toString());
    assertThat(seen.code()).as(seen.err()).isZero();
    String[] lines = seen.out().split("\n");
    assertThat(lines[0]).contains("2 earlier item(s) match");
    assertThat(lines[1])
        .startsWith("2019-07-09T00:00:00Z  same  source: Archive Y")
        .contains("a.png");
    assertThat(lines[3])
        .startsWith("2024-03-01T00:00:00Z  same  source: Channel X")
        .contains("(this very file)");
    assertThat(seen.out()).doesNotContain("b.png");
  }

  @Test
  void vaultAddIndexesPicturesAndSeenReadsSourceAndDateFromTheCaseFile() throws Exception {
    Path a = picture("a.png", 1, 0);
    Path turned = picture("a-turned.png", 1, 1);
    String d = data.toString();
    CliRun add1 =
        run(
            "--data",
            d,
            "vault",
            "add",
            "--source",
            "partner B",
            "--acquired-at",
            "2023-05-02",
            turned.toString());
    assertThat(add1.code()).as(add1.err()).isZero();
    CliRun add2 =
        run(
            "--data",
            d,
            "vault",
            "add",
            "--source",
            "partner A",
            "--acquired-at",
            "2021-01-15",
            a.toString());
    assertThat(add2.code()).as(add2.err()).isZero();
    String sha1 = add1.out().substring(0, 64);
    String sha2 = add2.out().substring(0, 64);
    assertThat(add2.err()).contains("matches earlier item " + sha1 + " (same, distance ");
    // Recorded in the case file: the earlier item, the distance, and which copy was seen first
    // (a.png, acquired in 2021, though it was stored second).
    try (org.sijill.casefile.CaseFile c =
        org.sijill.casefile.CaseFile.open(data, java.util.Optional.empty())) {
      long id1 = c.evidence().findBySha256(sha1).orElseThrow().id();
      long id2 = c.evidence().findBySha256(sha2).orElseThrow().id();
      assertThat(c.nearDuplicates().earlierCopiesOf(id2))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.earlierId()).isEqualTo(id1);
                assertThat(n.verdict()).isEqualTo("same");
                assertThat(n.distance()).isBetween(0, 10);
                assertThat(n.seenFirstId()).isEqualTo(id2);
              });
    }
    Path query = picture("query.png", 1, 0);
    CliRun seen = run("--data", d, "media", "seen", query.toString());
    assertThat(seen.code()).as(seen.err()).isZero();
    String[] lines = seen.out().split("\n");
    assertThat(lines[1])
        .startsWith("2021-01-15T00:00:00Z  same  source: partner A")
        .contains("a.png");
    assertThat(lines[3]).startsWith("2023-05-02T00:00:00Z  same  source: partner B");

    // items stored before fingerprinting existed: the index is rebuilt from the vault
    org.assertj.core.util.Files.delete(data.resolve("media").toFile());
    assertThat(run("--data", d, "media", "seen", query.toString()).out())
        .contains("not seen before");
    CliRun backfill = run("--data", d, "media", "index", "--vault");
    assertThat(backfill.code()).as(backfill.err()).isZero();
    assertThat(backfill.out().split("\n")).hasSize(2);
    assertThat(run("--data", d, "media", "seen", query.toString()).out())
        .contains("2 earlier item(s) match");
  }

  @Test
  void videosGetOneLinePerSampledFrameAndAClipItsTimeRange() throws Exception {
    Path whole = files.resolve("whole.mp4");
    Path clip = files.resolve("clip.mp4");
    try (org.sijill.media.video.VideoWriter w =
            org.sijill.media.video.VideoWriter.open(whole, 400, 300, 25, "mpeg4", 800_000);
        org.sijill.media.video.VideoWriter c =
            org.sijill.media.video.VideoWriter.open(clip, 400, 300, 25, "mpeg4", 800_000)) {
      BufferedImage[] shots = new BufferedImage[3];
      for (int s = 0; s < 3; s++) {
        shots[s] = ImageIO.read(picture("shot" + s + ".png", 7 + s, 0).toFile());
      }
      for (int i = 0; i < 150; i++) {
        BufferedImage frame = shots[i / 50];
        w.write(frame);
        if (i >= 50 && i < 125) {
          c.write(frame);
        }
      }
    }
    CliRun hash = run("media", "hash", clip.toString());
    assertThat(hash.code()).as(hash.err()).isZero();
    assertThat(hash.out().split("\n"))
        .allMatch(
            l ->
                l.matches(
                    "[0-9a-f]{64} \\d{1,3} "
                        + java.util.regex.Pattern.quote(clip.toString())
                        + "@\\d+\\.\\d{3}"))
        .anyMatch(l -> l.endsWith("@0.000"));
    CliRun cmp = run("media", "compare", clip.toString(), whole.toString());
    assertThat(cmp.code()).as(cmp.err()).isZero();
    assertThat(cmp.out()).startsWith("verdict: near-duplicate").contains("range: A 0.000-");
    assertThat(cmp.out()).containsPattern("= B 2\\.000-4\\.\\d{3} s");
  }
}
