package org.sijill.media.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.sijill.media.video.VideoWriter;

/** Small synthetic videos written with FFmpeg's mpeg4 encoder through the library API. */
public final class TestVideos {
  public static final int W = 320;
  public static final int H = 240;
  public static final int FPS = 25;

  private TestVideos() {}

  /** Frames {@code from..to-1} of a video whose shot changes from seed to seed+1 at frame 65. */
  public static Path write(
      Path file, long seed, int from, int to, long bitRate, UnaryOperator<BufferedImage> edit) {
    try (VideoWriter w = VideoWriter.open(file, W, H, FPS, "mpeg4", bitRate)) {
      for (int i = from; i < to; i++) {
        w.write(edit.apply(SyntheticScenes.frame(i < 65 ? seed : seed + 1, i, W, H)));
      }
    }
    return file;
  }

  /** The picture shrunk to 3/4 height between black bars. */
  public static BufferedImage letterbox(BufferedImage src) {
    BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, W, H);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, H / 8, W, H * 3 / 4, null);
    g.dispose();
    return out;
  }
}
