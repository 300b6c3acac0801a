package org.sijill.workflow;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.sijill.media.video.VideoWriter;

/** Synthetic evidence files for the tests: drawn landscapes, their copies, a damaged file. */
final class EvidenceFiles {
  private EvidenceFiles() {}

  static BufferedImage scene(long seed) {
    return DemoEvidence.scene(new Random(seed), (int) seed);
  }

  static Path png(Path f, BufferedImage img) throws IOException {
    ImageIO.write(img, "png", f.toFile());
    return f;
  }

  /** The picture at half size, re-encoded as JPEG: a re-post. */
  static Path shrunkJpeg(Path f, BufferedImage img) throws IOException {
    BufferedImage small =
        new BufferedImage(img.getWidth() / 2, img.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, small.getWidth(), small.getHeight(), null);
    g.dispose();
    ImageIO.write(small, "jpg", f.toFile());
    return f;
  }

  /** A PNG cut off after its first third, as a broken download leaves it. */
  static Path truncatedPng(Path f, BufferedImage img) throws IOException {
    png(f, img);
    byte[] whole = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(whole, whole.length / 3));
    return f;
  }

  /**
   * Seconds {@code from..to} of a slow pan across a scene, 10 frames a second (MPEG-4 through
   * FFmpeg), so that a later excerpt of it is a near-duplicate.
   */
  static Path pan(Path f, long seed, int fromSecond, int toSecond, long bitRate) {
    BufferedImage wide = scene(seed);
    int w = 320;
    int h = 240;
    try (VideoWriter v = VideoWriter.open(f, w, h, 10, "mpeg4", bitRate)) {
      for (int i = fromSecond * 10; i < toSecond * 10; i++) {
        BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        // Scene changes every two seconds, so frames sampled a second apart differ.
        BufferedImage src = i / 20 % 2 == 0 ? wide : scene(seed + 100 + i / 20);
        g.drawImage(src, -i * 4, 0, src.getWidth() / 2, src.getHeight() / 2, null);
        g.dispose();
        v.write(frame);
      }
    }
    return f;
  }
}
