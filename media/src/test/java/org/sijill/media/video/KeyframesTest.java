package org.sijill.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.media.MediaException;
import org.sijill.media.testing.SyntheticScenes;
import org.sijill.media.testing.TestVideos;

/** Still frames taken from a real (synthetic) video by seeking with FFmpeg. */
class KeyframesTest {
  @TempDir Path dir;

  /** Mean absolute difference of the red, green and blue values of two pictures of one size. */
  private static double difference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int s = 0; s < 24; s += 8) {
          sum += Math.abs((p >> s & 0xff) - (q >> s & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  @Test
  void timesSpanTheVideoAndEachPictureIsTheFrameShownThen() throws Exception {
    // 150 frames at 25 fps: 6 s, the shot changes at frame 65 (2.6 s).
    Path video = TestVideos.write(dir.resolve("clip.mp4"), 7, 0, 150, 800_000, f -> f);
    Keyframes keyframes = new Keyframes();

    var times = keyframes.times(video, 4);
    assertThat(times).hasSize(4);
    assertThat(times.get(0)).isZero();
    assertThat(times.get(3)).isBetween(4.0, 5.0);
    assertThat(keyframes.times(video, 100)).hasSizeBetween(6, 7);

    BufferedImage early = ImageIO.read(new ByteArrayInputStream(keyframes.jpeg(video, 1.0)));
    BufferedImage late = ImageIO.read(new ByteArrayInputStream(keyframes.jpeg(video, 4.0)));
    assertThat(early.getWidth()).isEqualTo(TestVideos.W);
    assertThat(early.getHeight()).isEqualTo(TestVideos.H);
    BufferedImage shot1 = SyntheticScenes.frame(7, 25, TestVideos.W, TestVideos.H);
    BufferedImage shot2 = SyntheticScenes.frame(8, 100, TestVideos.W, TestVideos.H);
    assertThat(difference(early, shot1)).isLessThan(difference(early, shot2));
    assertThat(difference(late, shot2)).isLessThan(difference(late, shot1));
    // Past the end: the last frame, not an error.
    BufferedImage end = ImageIO.read(new ByteArrayInputStream(keyframes.jpeg(video, 60)));
    assertThat(difference(end, shot2)).isLessThan(difference(end, shot1));
  }

  @Test
  void aFileThatIsNotAVideoIsRefusedByName() throws Exception {
    Path text = Files.writeString(dir.resolve("note.txt"), "not a video at all");
    assertThatThrownBy(() -> new Keyframes().jpeg(text, 0))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("note.txt");
  }
}
