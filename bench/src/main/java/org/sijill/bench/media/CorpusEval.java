package org.sijill.bench.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sijill.media.Comparison;
import org.sijill.media.MediaFingerprinter;
import org.sijill.media.Verdict;
import org.sijill.media.VideoFingerprint;
import org.sijill.media.testing.Shots;
import org.sijill.media.testing.TestVideos;
import org.sijill.media.video.VideoFingerprinter;
import org.sijill.media.video.VideoWriter;

/**
 * Recall and false-positive rate of video matching on a generated corpus: N distinct synthetic
 * videos (20 s, 320x240, 25 fps, MPEG-4 at 800 kb/s) and, from each, seven transformed copies —
 * lower bitrate, 50% scale, 10% crop, logo overlay, letterbox, a 10-second clip, grey. A copy is
 * found when its comparison with its original is not "different"; a false positive is a copy (or an
 * original) judged not "different" from another original.
 *
 * <p>Usage: {@code CorpusEval [N] [DIR]}.
 */
public final class CorpusEval {
  static final int W = 320;
  static final int H = 240;
  static final int FPS = 25;
  static final int SECONDS = 20;
  static final int ALL = SECONDS * FPS;

  private CorpusEval() {}

  record Variant(
      String name,
      int w,
      int h,
      long bitRate,
      int from,
      int to,
      UnaryOperator<BufferedImage> edit) {}

  static List<Variant> variants() {
    List<Variant> v = new ArrayList<>();
    v.add(new Variant("original", W, H, 800_000, 0, ALL, f -> f));
    v.add(new Variant("low-bitrate", W, H, 100_000, 0, ALL, f -> f));
    v.add(new Variant("scale-50%", W / 2, H / 2, 300_000, 0, ALL, f -> scale(f, W / 2, H / 2)));
    v.add(new Variant("crop-10%", W * 9 / 10, H * 9 / 10, 800_000, 0, ALL, CorpusEval::crop));
    v.add(new Variant("logo-12%", W, H, 800_000, 0, ALL, CorpusEval::logo));
    v.add(new Variant("letterbox", W, H, 800_000, 0, ALL, TestVideos::letterbox));
    // cut at 5.4 s, not on a whole second, so its samples fall between the original's
    v.add(new Variant("clip-10s-from-5.4s", W, H, 800_000, 135, 135 + 10 * FPS, f -> f));
    v.add(new Variant("grey-luma", W, H, 800_000, 0, ALL, CorpusEval::grey));
    return v;
  }

  /** Harder copies outside the list, reported separately: does the method generalise? */
  static List<Variant> extras() {
    List<Variant> v = new ArrayList<>();
    v.add(
        new Variant(
            "crop-15%",
            W * 85 / 100 / 2 * 2,
            H * 85 / 100 / 2 * 2,
            800_000,
            0,
            ALL,
            f -> cropAt(f, 0.85, 0.5)));
    v.add(
        new Variant(
            "crop-10%-off-centre",
            W * 9 / 10, H * 9 / 10, 800_000, 0, ALL, f -> cropAt(f, 0.9, 0.0)));
    v.add(new Variant("logo-25%-opaque", W, H, 800_000, 0, ALL, CorpusEval::bigLogo));
    v.add(new Variant("mirrored", W, H, 800_000, 0, ALL, CorpusEval::mirror));
    return v;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("corpus");
    Files.createDirectories(dir);
    List<Variant> variants = new ArrayList<>(variants());
    int goalVariants = variants.size();
    variants.addAll(extras());
    VideoFingerprinter fp = new VideoFingerprinter();
    VideoFingerprint[][] prints = new VideoFingerprint[n][variants.size()];
    long t0 = System.nanoTime();
    for (int v = 0; v < n; v++) {
      Shots scenes = new Shots(1000 + v, FPS);
      for (int k = 0; k < variants.size(); k++) {
        Variant var = variants.get(k);
        Path file = dir.resolve("v" + v + "-" + var.name() + ".mp4");
        if (!Files.exists(file)) {
          try (VideoWriter w =
              VideoWriter.open(file, var.w(), var.h(), FPS, "mpeg4", var.bitRate())) {
            for (int i = var.from(); i < var.to(); i++) {
              w.write(var.edit().apply(scenes.frame(i, W, H)));
            }
          }
        }
        prints[v][k] = fp.fingerprint(file);
      }
      System.err.printf("video %d of %d done (%.0f s)%n", v + 1, n, (System.nanoTime() - t0) / 1e9);
    }
    Map<String, int[]> found = new LinkedHashMap<>();
    Map<String, int[]> extra = new LinkedHashMap<>();
    int falsePositives = 0;
    int negatives = 0;
    for (int v = 0; v < n; v++) {
      for (int k = 1; k < variants.size(); k++) {
        Comparison c = MediaFingerprinter.compare(prints[v][k], prints[v][0]);
        if (k >= goalVariants) {
          int[] x = extra.computeIfAbsent(variants.get(k).name(), y -> new int[2]);
          x[0] += c.verdict() != Verdict.DIFFERENT ? 1 : 0;
          x[1]++;
          continue;
        }
        int[] f = found.computeIfAbsent(variants.get(k).name(), x -> new int[3]);
        f[0] += c.verdict() != Verdict.DIFFERENT ? 1 : 0;
        f[1]++;
        f[2] += (int) Math.round(100 * c.aShare());
      }
      for (int k = 0; k < goalVariants; k++) {
        for (int o = 0; o < n; o++) {
          if (o == v || (k == 0 && o < v)) {
            continue;
          }
          negatives++;
          if (MediaFingerprinter.compare(prints[v][k], prints[o][0]).verdict()
              != Verdict.DIFFERENT) {
            falsePositives++;
          }
        }
      }
    }
    int tp = 0;
    int pos = 0;
    StringBuilder per = new StringBuilder();
    for (Map.Entry<String, int[]> e : found.entrySet()) {
      tp += e.getValue()[0];
      pos += e.getValue()[1];
      per.append(
          String.format(Locale.ROOT, " %s %d/%d;", e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    System.out.printf(
        Locale.ROOT,
        "%d distinct videos, %d transformed copies: recall %.3f (%d/%d), false-positive rate %.4f"
            + " (%d/%d pairs); per transform:%s%n",
        n,
        pos,
        tp / (double) pos,
        tp,
        pos,
        falsePositives / (double) negatives,
        falsePositives,
        negatives,
        per);
    System.out.printf(
        Locale.ROOT, "harder copies, not in the recall above (found/total):%s%n", describe(extra));
  }

  static String describe(Map<String, int[]> m) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, int[]> e : m.entrySet()) {
      sb.append(
          String.format(Locale.ROOT, " %s %d/%d;", e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    return sb.toString();
  }

  static BufferedImage cropAt(BufferedImage f, double keep, double where) {
    int w = (int) (W * keep) / 2 * 2;
    int h = (int) (H * keep) / 2 * 2;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.drawImage(f, -(int) ((W - w) * where), -(int) ((H - h) * where), null);
    g.dispose();
    return out;
  }

  static BufferedImage bigLogo(BufferedImage f) {
    BufferedImage out = scale(f, W, H);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(W - W / 4 - 8, 8, W / 4, H / 6);
    g.setColor(new Color(0xc0, 0x10, 0x10));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, H / 10));
    g.drawString("NEWS", W - W / 4, 8 + H / 8);
    g.dispose();
    return out;
  }

  static BufferedImage mirror(BufferedImage f) {
    BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.drawImage(f, W, 0, -W, H, null);
    g.dispose();
    return out;
  }

  static BufferedImage scale(BufferedImage f, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(f, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  static BufferedImage crop(BufferedImage f) {
    int w = W * 9 / 10;
    int h = H * 9 / 10;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.drawImage(f, -(W - w) / 2, -(H - h) / 2, null);
    g.dispose();
    return out;
  }

  /** A broadcaster's corner logo: 12% of the width, semi-transparent white with red text. */
  static BufferedImage logo(BufferedImage f) {
    BufferedImage out = scale(f, W, H);
    Graphics2D g = out.createGraphics();
    int lw = W * 12 / 100;
    int lh = H / 12;
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
    g.setColor(Color.WHITE);
    g.fillRoundRect(W - lw - 8, 8, lw, lh, 8, 8);
    g.setColor(new Color(0xc0, 0x10, 0x10));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, lh * 2 / 3));
    g.drawString("N24", W - lw - 4, 8 + lh * 3 / 4);
    g.dispose();
    return out;
  }

  /** Desaturated as video tools do: every pixel set to its Rec. 601 luma. */
  static BufferedImage grey(BufferedImage f) {
    BufferedImage out =
        new BufferedImage(f.getWidth(), f.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < f.getHeight(); y++) {
      for (int x = 0; x < f.getWidth(); x++) {
        int rgb = f.getRGB(x, y);
        int l =
            (int)
                Math.round(
                    0.299 * ((rgb >> 16) & 0xff)
                        + 0.587 * ((rgb >> 8) & 0xff)
                        + 0.114 * (rgb & 0xff));
        out.setRGB(x, y, (l << 16) | (l << 8) | l);
      }
    }
    return out;
  }
}
