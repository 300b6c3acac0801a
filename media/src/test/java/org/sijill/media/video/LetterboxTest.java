package org.sijill.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sijill.media.pdq.Orientation;

class LetterboxTest {

  /** A 100x80 plane of bright noise inside black bars of the given sizes. */
  static float[] boxed(int top, int bottom, int left, int right) {
    int rows = 80;
    int cols = 100;
    float[] p = new float[rows * cols];
    Random rnd = new Random(1);
    for (int y = top; y < rows - bottom; y++) {
      for (int x = left; x < cols - right; x++) {
        p[y * cols + x] = 60 + rnd.nextInt(190);
      }
    }
    return p;
  }

  @Test
  void barsOnAnySideAreCutOff() {
    Orientation t = Letterbox.trim(boxed(10, 12, 0, 0), 80, 100);
    assertThat(t.rows()).isEqualTo(58);
    assertThat(t.cols()).isEqualTo(100);
    Orientation p = Letterbox.trim(boxed(0, 0, 7, 9), 80, 100);
    assertThat(p.rows()).isEqualTo(80);
    assertThat(p.cols()).isEqualTo(84);
  }

  @Test
  void noisyDarkBarsStillCountButAPictureEdgeDoesNot() {
    float[] p = boxed(10, 10, 0, 0);
    for (int x = 0; x < 100; x += 4) {
      p[x] = 40; // compression noise in a bar: sparse, below the peak limit
    }
    assertThat(Letterbox.trim(p, 80, 100).rows()).isEqualTo(60);
    float[] q = boxed(10, 10, 0, 0);
    q[5 * 100 + 50] = 200; // a bright pixel: row 5 is picture, not bar
    assertThat(Letterbox.trim(q, 80, 100).rows()).isEqualTo(80 - 5 - 10);
  }

  @Test
  void aDarkFrameIsLeftWhole() {
    float[] dark = new float[80 * 100];
    Arrays.fill(dark, 5);
    Orientation t = Letterbox.trim(dark, 80, 100);
    assertThat(t.rows()).isEqualTo(80);
    assertThat(t.cols()).isEqualTo(100);
  }
}
