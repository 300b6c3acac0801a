package org.sijill.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.media.internal.Matcher;
import org.sijill.media.internal.TimedHash;
import org.sijill.media.pdq.ImageHash;
import org.sijill.media.pdq.PdqHash;

/** The vPDQ comparison rule on upstream vPDQ hashes of variants of one clip. */
class VpdqComparisonTest {

  /** Every frame of quality >= 50 of an upstream hash file (vPDQ hashes every frame). */
  static List<FrameHash> frames(String name) throws IOException {
    List<FrameHash> out = new ArrayList<>();
    for (String line : Files.readAllLines(TestData.pdq(name))) {
      String[] f = line.split(",");
      int q = Integer.parseInt(f[1]);
      if (q >= 50) {
        PdqHash h = PdqHash.fromHex(f[2]);
        out.add(
            new FrameHash(
                Double.parseDouble(f[3]),
                new ImageHash(h, q, Collections.nCopies(8, h), 1),
                false));
      }
    }
    return out;
  }

  static Comparison compare(String a, String b) throws IOException {
    return Matcher.compare(frames(a), true, TimedHash.of(frames(b)), true, List.of());
  }

  @Test
  void theGreyVariantOfTheClipIsTheSameVideo() throws IOException {
    Comparison grey = compare("chair-22-sd-grey-bar.txt", "chair-orig-22-sd-bar.txt");
    assertThat(grey.verdict()).isEqualTo(Verdict.SAME);
    assertThat(grey.aShare()).isEqualTo(1.0);
  }

  @Test
  void aLargeLogoDefeatsFrameMatchingAsUpstreamDocuments() throws IOException {
    // a known limit of PDQ, kept visible: most frames of the large-logo copy are > 31 bits away
    Comparison logo = compare("chair-22-with-large-logo-bar.txt", "chair-orig-22-sd-bar.txt");
    assertThat(logo.aShare()).isLessThan(0.5);
    assertThat(logo.bestDistance()).isLessThanOrEqualTo(31);
  }

  @Test
  void aShorterCutIsFoundInTheLongerClip() throws IOException {
    Comparison c = compare("chair-19-sd-bar.txt", "chair-orig-22-sd-bar.txt");
    assertThat(c.aShare()).isEqualTo(1.0);
    assertThat(c.bShare()).isBetween(0.8, 0.9);
    assertThat(c.verdict()).isEqualTo(Verdict.SAME);
    assertThat(c.ranges()).isNotEmpty();
  }

  @Test
  void anUnrelatedVideoIsDifferent() throws IOException {
    Comparison c = compare("pattern-sd-with-small-logo-bar.txt", "chair-orig-22-sd-bar.txt");
    assertThat(c.verdict()).isEqualTo(Verdict.DIFFERENT);
    assertThat(c.aShare()).isZero();
  }
}
