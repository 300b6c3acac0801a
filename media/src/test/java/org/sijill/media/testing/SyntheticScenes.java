package org.sijill.media.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Made-up moving pictures for video tests: each seed is a different "shot". */
public final class SyntheticScenes {
  private SyntheticScenes() {}

  /** Frame {@code i} of shot {@code seed}: shapes drifting over a gradient. */
  public static BufferedImage frame(long seed, int i, int w, int h) {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(
        new java.awt.GradientPaint(
            0, 0, new Color(rnd.nextInt(0xffffff)), w, h, new Color(rnd.nextInt(0xffffff))));
    g.fillRect(0, 0, w, h);
    for (int s = 0; s < 14; s++) {
      g.setColor(new Color(rnd.nextInt(0xffffff)));
      double speed = rnd.nextDouble() * 2 - 1;
      int x = Math.floorMod((int) (rnd.nextInt(w) + speed * i * w / 200.0), w);
      int y = rnd.nextInt(h);
      int sw = w / 12 + rnd.nextInt(w / 4);
      int sh = h / 12 + rnd.nextInt(h / 4);
      fillShape(g, rnd, x, y, sw, sh);
    }
    g.dispose();
    return img;
  }

  /** An oval or a rectangle (one coin toss of {@code rnd}) of {@code sw} x {@code sh} at x, y. */
  static void fillShape(Graphics2D g, Random rnd, int x, int y, int sw, int sh) {
    if (rnd.nextBoolean()) {
      g.fillOval(x - sw / 2, y - sh / 2, sw, sh);
    } else {
      g.fillRect(x - sw / 2, y - sh / 2, sw, sh);
    }
  }
}
