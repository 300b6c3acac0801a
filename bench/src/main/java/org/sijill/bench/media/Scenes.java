package org.sijill.bench.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Made-up footage for benchmarks: a video is a sequence of shots (3–6 s each), a shot is a gradient
 * with drifting shapes and a panning stripe pattern. Every (video, shot) pair has its own random
 * seed, so distinct videos share nothing.
 */
final class Scenes {
  private final long video;
  private final int fps;
  private final int[] shotStarts = new int[64];

  Scenes(long video, int fps) {
    this.video = video;
    this.fps = fps;
    Random r = new Random(video * 7919L);
    int t = 0;
    for (int i = 0; i < shotStarts.length; i++) {
      shotStarts[i] = t;
      t += fps * (3 + r.nextInt(4));
    }
  }

  BufferedImage frame(int i, int w, int h) {
    int shot = 0;
    while (shot + 1 < shotStarts.length && shotStarts[shot + 1] <= i) {
      shot++;
    }
    int local = i - shotStarts[shot];
    Random rnd = new Random(video * 1_000_003L + shot * 31L + 17);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(
        new GradientPaint(
            0, 0, new Color(rnd.nextInt(0xffffff)), w, h, new Color(rnd.nextInt(0xffffff))));
    g.fillRect(0, 0, w, h);
    int stripes = 3 + rnd.nextInt(6);
    g.setColor(new Color(rnd.nextInt(0xffffff)));
    int pan = local * w / (fps * 20);
    for (int s = 0; s < stripes; s++) {
      int x = Math.floorMod(s * w / stripes + pan, w);
      g.fillRect(x, 0, w / (4 * stripes), h);
    }
    for (int s = 0; s < 12; s++) {
      g.setColor(new Color(rnd.nextInt(0xffffff)));
      double vx = (rnd.nextDouble() * 2 - 1) * w / (fps * 8.0);
      double vy = (rnd.nextDouble() * 2 - 1) * h / (fps * 8.0);
      int x = Math.floorMod((int) (rnd.nextInt(w) + vx * local), w);
      int y = Math.floorMod((int) (rnd.nextInt(h) + vy * local), h);
      int sw = w / 14 + rnd.nextInt(w / 5);
      int sh = h / 14 + rnd.nextInt(h / 5);
      if (rnd.nextBoolean()) {
        g.fillOval(x - sw / 2, y - sh / 2, sw, sh);
      } else {
        g.fillRect(x - sw / 2, y - sh / 2, sw, sh);
      }
    }
    g.dispose();
    return img;
  }
}
