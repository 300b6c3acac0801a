package org.sijill.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.media.FrameHash;
import org.sijill.media.MediaLimits;
import org.sijill.media.TestData;
import org.sijill.media.VideoFingerprint;
import org.sijill.media.pdq.ImageHash;
import org.sijill.media.pdq.PdqHash;
import org.sijill.media.pdq.PdqHasher;
import org.sijill.media.testing.SyntheticScenes;

class VideoFingerprinterTest {
  @TempDir static Path dir;
  static Path twoShots;

  private final VideoFingerprinter fingerprinter = new VideoFingerprinter();

  /** 6 s at 25 fps: shot 1 for 2.6 s, then a hard cut to shot 2. */
  @BeforeAll
  static void writeVideo() {
    twoShots = dir.resolve("two-shots.mp4");
    try (VideoWriter w = VideoWriter.open(twoShots, 320, 240, 25, "mpeg4", 800_000)) {
      for (int i = 0; i < 150; i++) {
        w.write(SyntheticScenes.frame(i < 65 ? 11 : 12, i, 320, 240));
      }
    }
  }

  @Test
  void samplesOneFrameASecondPlusTheCut() {
    VideoFingerprint fp = fingerprinter.fingerprint(twoShots);
    List<Double> times = fp.frames().stream().map(FrameHash::seconds).toList();
    assertThat(fp.codec()).isEqualTo("mpeg4");
    assertThat(fp.droppedLowQuality()).isZero();
    // one a second and the cut, plus samples where the shapes moved enough (at most 5 a second)
    assertThat(times).isSorted().contains(0.0, 1.0, 2.0, 2.6, 3.0, 4.0, 5.0);
    assertThat(times.size()).isLessThanOrEqualTo(30);
    assertThat(fp.frames().stream().filter(FrameHash::sceneCut).map(FrameHash::seconds))
        .containsExactly(2.6);
    assertThat(fp.durationSeconds()).isBetween(5.9, 6.0);
  }

  @Test
  void framesMatchTheUpstreamVpdqHashesOfTheSampleVideo() throws IOException {
    VideoFingerprint fp =
        new VideoFingerprinter(MediaLimits.DEFAULT, false)
            .fingerprint(TestData.pdq("pattern-sd-with-small-logo-bar.mp4"));
    List<PdqHash> upstream =
        Files.readAllLines(TestData.pdq("pattern-sd-with-small-logo-bar.txt")).stream()
            .map(l -> PdqHash.fromHex(l.split(",")[2]))
            .toList();
    assertThat(fp.codec()).isEqualTo("h264");
    assertThat(fp.frames()).hasSizeGreaterThanOrEqualTo(6);
    for (FrameHash f : fp.frames()) {
      int best = upstream.stream().mapToInt(u -> u.distance(f.hash())).min().orElseThrow();
      assertThat(best).as("frame at %s s", f.seconds()).isLessThanOrEqualTo(6);
    }
  }

  @Test
  void ffmpegDecodingOfAStillStaysWithinTenBitsOfImageIo() {
    // PDQ's conformance rule: another decoder, quality >= 80, at most 10 bits apart
    ImageHash imageIo = new PdqHasher().hashFile(TestData.pdq("bridge-1-original.jpg"));
    VideoFingerprint viaFfmpeg =
        new VideoFingerprinter(MediaLimits.DEFAULT, false)
            .fingerprint(TestData.pdq("bridge-1-original.jpg"));
    assertThat(viaFfmpeg.codec()).isEqualTo("mjpeg");
    assertThat(viaFfmpeg.frames()).hasSize(1);
    assertThat(imageIo.quality()).isGreaterThanOrEqualTo(80);
    assertThat(viaFfmpeg.frames().get(0).hash().distance(imageIo.hash())).isLessThanOrEqualTo(10);
  }

  @Test
  void aStillSceneIsSampledOnceASecond() {
    java.nio.file.Path still = dir.resolve("still.mp4");
    java.awt.image.BufferedImage picture = SyntheticScenes.frame(5, 0, 320, 240);
    try (VideoWriter w = VideoWriter.open(still, 320, 240, 25, "mpeg4", 800_000)) {
      for (int i = 0; i < 100; i++) {
        w.write(picture);
      }
    }
    assertThat(fingerprinter.fingerprint(still).frames())
        .extracting(FrameHash::seconds)
        .containsExactly(0.0, 1.0, 2.0, 3.0);
  }
}
