package org.sijill.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(times).containsExactly(0.0, 1.0, 2.0, 2.6, 3.0, 4.0, 5.0);
    assertThat(fp.frames().get(3).sceneCut()).isTrue();
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
}
