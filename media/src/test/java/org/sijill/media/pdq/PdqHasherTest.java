package org.sijill.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.media.TestData;

class PdqHasherTest {
  private final PdqHasher fast = new PdqHasher();
  private final PdqHasher reference = PdqHasher.reference();

  /** Rows of published-hashes.csv whose hash is the Java reference's output with ImageIO. */
  record Expected(String file, String hex) {}

  static List<Expected> javaImageIoRows() throws IOException {
    List<Expected> out = new ArrayList<>();
    for (String line : Files.readAllLines(TestData.pdq("published-hashes.csv"))) {
      String[] f = line.split(",", 4);
      boolean javaImageIo =
          line.contains("Java reference + javax.imageio") || line.contains("equals Java+ImageIO");
      if (!javaImageIo) {
        continue;
      }
      String name = f[0].substring(f[0].lastIndexOf('/') + 1);
      String local = f[0].startsWith("bridge-mods/") ? "mods-" + name : name;
      if (f[0].equals("bridge-mods/aaa-orig.jpg")) {
        local = "bridge-1-original.jpg"; // the same file
      }
      if (TestData.class.getResource("/pdq/" + local) != null) {
        out.add(new Expected(local, f[1]));
      }
    }
    return out;
  }

  @Test
  void reproducesTheJavaReferenceBitForBit() throws IOException {
    List<Expected> rows = javaImageIoRows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(7);
    for (Expected e : rows) {
      ImageHash h = fast.hashFile(TestData.pdq(e.file()));
      assertThat(h.hash().hex()).as(e.file()).isEqualTo(e.hex());
      assertThat(reference.hashFile(TestData.pdq(e.file())).hash().hex())
          .as("reference " + e.file())
          .isEqualTo(e.hex());
    }
  }

  @Test
  void allEightRotationsAndFlipsOfTheBridgeAreFoundFromOneHash() {
    ImageHash original = fast.hashFile(TestData.pdq("bridge-1-original.jpg"));
    String[] files = {
      "bridge-1-original.jpg", "bridge-2-rotate-90.jpg", "bridge-3-rotate-180.jpg",
      "bridge-4-rotate-270.jpg", "bridge-5-flipx.jpg", "bridge-6-flipy.jpg",
      "bridge-7-flip-plus-1.jpg", "bridge-8-flip-minus-1.jpg"
    };
    for (int i = 0; i < 8; i++) {
      PdqHash turned = fast.hashFile(TestData.pdq(files[i])).hash();
      // the matching variant is the one of the same name, within a few bits
      assertThat(original.dihedral().get(i).distance(turned)).as(files[i]).isLessThanOrEqualTo(8);
      assertThat(original.distanceAnyVariant(turned)).isLessThanOrEqualTo(8);
      if (i > 0) {
        assertThat(original.hash().distance(turned)).as(files[i]).isGreaterThan(31);
      }
    }
  }

  @Test
  void optimisedPipelineEqualsTheStraightforwardOneOnRandomImagesOfAwkwardSizes() {
    Random rnd = new Random(42);
    int[][] sizes = {{1, 1}, {3, 200}, {63, 65}, {64, 64}, {129, 257}, {720, 1280}, {1004, 333}};
    for (int[] s : sizes) {
      BufferedImage img = new BufferedImage(s[1], s[0], BufferedImage.TYPE_3BYTE_BGR);
      // smooth random blobs plus noise, so the hash is not all ties
      for (int y = 0; y < s[0]; y++) {
        for (int x = 0; x < s[1]; x++) {
          int v = (int) (127 + 60 * Math.sin(x * 0.05 + s[0]) * Math.cos(y * 0.07));
          int r = Math.max(0, Math.min(255, v + rnd.nextInt(40) - 20));
          img.setRGB(x, y, (r << 16) | (rnd.nextInt(256) << 8) | (255 - r));
        }
      }
      ImageHash a = fast.hash(img);
      ImageHash b = reference.hash(img);
      assertThat(a).as(s[0] + "x" + s[1]).isEqualTo(b);
    }
  }

  @Test
  void exifOrientationIsAppliedForDisplayAndMatchingIgnoresIt(@TempDir Path dir)
      throws IOException {
    byte[] jpeg = Files.readAllBytes(TestData.pdq("bridge-1-original.jpg"));
    // the file's own EXIF orientation entry (tag 0x0112, SHORT, count 1), little-endian
    byte[] entry = {0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00};
    int at = -1;
    for (int i = 0; i < 1024 && at < 0; i++) {
      if (java.util.Arrays.equals(jpeg, i, i + 8, entry, 0, 8)) {
        at = i + 8;
      }
    }
    assertThat(at).isPositive();
    jpeg[at] = 6; // "rotate 90 degrees clockwise to display"
    Path turned = dir.resolve("turned.jpg");
    Files.write(turned, jpeg);

    ImageHash stored = fast.hashFile(TestData.pdq("bridge-1-original.jpg"));
    ImageHash displayed = fast.hashFile(turned);
    assertThat(displayed.orientation()).isEqualTo(6);
    assertThat(stored.orientation()).isEqualTo(1);
    // upstream names its turns counter-clockwise: "rotate-270" is the photo turned 90° clockwise
    PdqHash rotatedFile = fast.hashFile(TestData.pdq("bridge-4-rotate-270.jpg")).hash();
    assertThat(displayed.hash().distance(rotatedFile)).isLessThanOrEqualTo(10);
    assertThat(displayed.hash().distance(stored.hash())).isGreaterThan(31);
    assertThat(stored.distanceAnyVariant(displayed.hash())).isLessThanOrEqualTo(10);
  }

  @Test
  void flatPicturesHaveLowQualityAndAreFlaggedUnreliable() {
    BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        grey.setRGB(x, y, 0x808080);
      }
    }
    ImageHash h = fast.hash(grey);
    assertThat(h.quality()).isLessThan(50);
    assertThat(h.reliable()).isFalse();
    assertThat(fast.hashFile(TestData.pdq("bridge-1-original.jpg")).reliable()).isTrue();
  }

  @Test
  void hexRoundTripsAndDistanceCountsBits() {
    PdqHash a = PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
    assertThat(PdqHash.fromHex(a.hex())).isEqualTo(a);
    PdqHash b = PdqHash.fromHex("08f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b23");
    assertThat(a.distance(b)).isEqualTo(5);
    assertThat(a.bit(255)).isTrue();
    assertThat(a.bit(0)).isFalse();
  }
}
