package org.sijill.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.media.testing.SyntheticScenes;
import org.sijill.media.testing.TestVideos;

class MediaFingerprinterTest {
  @TempDir static Path dir;
  static Fingerprint original;
  static Fingerprint lowBitrate;
  static Fingerprint letterboxed;
  static Fingerprint clip;
  static Fingerprint other;

  static final MediaFingerprinter fp = new MediaFingerprinter();

  @BeforeAll
  static void writeVideos() {
    UnaryOperator<java.awt.image.BufferedImage> same = UnaryOperator.identity();
    original = fp.fingerprint(TestVideos.write(dir.resolve("a.mp4"), 21, 0, 150, 900_000, same));
    lowBitrate =
        fp.fingerprint(TestVideos.write(dir.resolve("a-low.mp4"), 21, 0, 150, 120_000, same));
    letterboxed =
        fp.fingerprint(
            TestVideos.write(dir.resolve("a-box.mp4"), 21, 0, 150, 900_000, TestVideos::letterbox));
    clip = fp.fingerprint(TestVideos.write(dir.resolve("a-clip.avi"), 21, 50, 125, 900_000, same));
    other = fp.fingerprint(TestVideos.write(dir.resolve("b.mp4"), 77, 0, 150, 900_000, same));
  }

  @Test
  void reencodedAndLetterboxedCopiesAreTheSameVideo() {
    assertThat(MediaFingerprinter.compare(original, lowBitrate).verdict()).isEqualTo(Verdict.SAME);
    Comparison boxed = MediaFingerprinter.compare(letterboxed, original);
    assertThat(boxed.verdict()).isEqualTo(Verdict.SAME);
    assertThat(boxed.aShare()).isEqualTo(1.0);
  }

  @Test
  void aClipIsANearDuplicateWithItsTimeRangeInTheLongerVideo() {
    Comparison c = MediaFingerprinter.compare(clip, original);
    assertThat(c.verdict()).isEqualTo(Verdict.NEAR_DUPLICATE);
    assertThat(c.aShare()).isEqualTo(1.0);
    assertThat(c.bShare()).isLessThan(0.8);
    assertThat(c.ranges()).hasSize(1);
    MatchRange r = c.ranges().get(0);
    // the clip starts at frame 50 = 2.0 s of the original and lasts 3 s
    assertThat(r.aStart()).isEqualTo(0.0);
    assertThat(r.bStart()).isCloseTo(2.0, within(0.1));
    assertThat(r.bEnd() - r.bStart()).isCloseTo(r.aEnd() - r.aStart(), within(0.1));
  }

  @Test
  void unrelatedVideosAreDifferent() {
    Comparison c = MediaFingerprinter.compare(other, original);
    assertThat(c.verdict()).isEqualTo(Verdict.DIFFERENT);
    assertThat(c.aShare()).isZero();
    assertThat(c.ranges()).isEmpty();
  }

  @Test
  void aStillFromTheVideoIsFoundInIt() throws Exception {
    Path still = dir.resolve("still.png");
    ImageIO.write(
        SyntheticScenes.frame(22, 100, TestVideos.W, TestVideos.H), "png", still.toFile());
    Fingerprint img = fp.fingerprint(still);
    assertThat(img).isInstanceOf(ImageFingerprint.class);
    Comparison c = MediaFingerprinter.compare(img, original);
    assertThat(c.verdict()).as(c.toString() + original.frames()).isEqualTo(Verdict.NEAR_DUPLICATE);
    assertThat(c.ranges().get(0).bStart()).isCloseTo(4.0, within(1.01));
  }

  @Test
  void imagesAreComparedOverAllRotations() {
    Fingerprint a = fp.fingerprint(TestData.pdq("bridge-1-original.jpg"));
    Fingerprint rotated = fp.fingerprint(TestData.pdq("bridge-4-rotate-270.jpg"));
    Fingerprint small = fp.fingerprint(TestData.pdq("mods-shrink-a-lot.jpg"));
    assertThat(MediaFingerprinter.compare(a, rotated).verdict()).isEqualTo(Verdict.SAME);
    assertThat(MediaFingerprinter.compare(small, a).bestDistance()).isLessThanOrEqualTo(31);
    assertThat(MediaFingerprinter.compare(a, other).verdict()).isEqualTo(Verdict.DIFFERENT);
  }
}
