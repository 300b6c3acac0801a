package org.sijill.media.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Made-up footage for benchmarks, longer and more varied than {@link SyntheticScenes}: a video is a
 * sequence of shots (3–6 s each), a shot is a panning noise landscape with drifting shapes. Every
 * (video, shot) pair has its own random seed, so distinct videos share nothing.
 */
public final class Shots {
  private final long video;
  private final int fps;
  private final int[] shotStarts = new int[64];
  private int cachedShot = -1;
  private BufferedImage background;

  public Shots(long video, int fps) {
    this.video = video;
    this.fps = fps;
    Random r = new Random(video * 7919L);
    int t = 0;
    for (int i = 0; i < shotStarts.length; i++) {
      shotStarts[i] = t;
      t += fps * (3 + r.nextInt(4));
    }
  }

  /** Frame {@code i} of the video at {@code w} x {@code h}; frames are best asked in order. */
  public BufferedImage frame(int i, int w, int h) {
    int shot = 0;
    while (shot + 1 < shotStarts.length && shotStarts[shot + 1] <= i) {
      shot++;
    }
    int local = i - shotStarts[shot];
    Random rnd = new Random(video * 1_000_003L + shot * 31L + 17);
    if (shot != cachedShot || background.getHeight() != h) {
      background = landscape(new Random(rnd.nextLong()), 2 * w, h);
      cachedShot = shot;
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int pan = Math.min(w, local * w / (fps * 8));
    g.drawImage(background, -pan, 0, null);
    for (int s = 0; s < 12; s++) {
      g.setColor(new Color(rnd.nextInt(0xffffff)));
      double vx = (rnd.nextDouble() * 2 - 1) * w / (fps * 8.0);
      double vy = (rnd.nextDouble() * 2 - 1) * h / (fps * 8.0);
      int x = Math.floorMod((int) (rnd.nextInt(w) + vx * local), w);
      int y = Math.floorMod((int) (rnd.nextInt(h) + vy * local), h);
      int sw = w / 14 + rnd.nextInt(w / 5);
      int sh = h / 14 + rnd.nextInt(h / 5);
      SyntheticScenes.fillShape(g, rnd, x, y, sw, sh);
    }
    g.dispose();
    return img;
  }

  /** Value noise, three octaves, coloured between two random colours and shaded. */
  static BufferedImage landscape(Random rnd, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    int[] cells = {w / 4, w / 12, w / 40};
    double[] amp = {0.55, 0.3, 0.15};
    double[][][] grids = new double[3][][];
    for (int o = 0; o < 3; o++) {
      int gw = w / cells[o] + 2;
      int gh = h / cells[o] + 2;
      grids[o] = new double[gh][gw];
      for (double[] row : grids[o]) {
        for (int i = 0; i < row.length; i++) {
          row[i] = rnd.nextDouble();
        }
      }
    }
    Color a = new Color(rnd.nextInt(0xffffff));
    Color b = new Color(rnd.nextInt(0xffffff));
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 0;
        for (int o = 0; o < 3; o++) {
          double gx = x / (double) cells[o];
          double gy = y / (double) cells[o];
          int ix = (int) gx;
          int iy = (int) gy;
          double fx = gx - ix;
          double fy = gy - iy;
          double[][] gr = grids[o];
          double top = gr[iy][ix] * (1 - fx) + gr[iy][ix + 1] * fx;
          double bot = gr[iy + 1][ix] * (1 - fx) + gr[iy + 1][ix + 1] * fx;
          v += amp[o] * (top * (1 - fy) + bot * fy);
        }
        v = Math.max(0, Math.min(1, (v - 0.5) * 2.5 + 0.5)); // stretch: octaves average out
        double shade = 0.2 + 0.8 * v;
        int r = (int) (shade * (a.getRed() * v + b.getRed() * (1 - v)));
        int gg = (int) (shade * (a.getGreen() * v + b.getGreen() * (1 - v)));
        int bb = (int) (shade * (a.getBlue() * v + b.getBlue() * (1 - v)));
        img.setRGB(x, y, (clamp(r) << 16) | (clamp(gg) << 8) | clamp(bb));
      }
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
