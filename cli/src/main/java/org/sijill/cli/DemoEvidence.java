package org.sijill.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.EvidenceStatus;
import org.sijill.casefile.model.Incident;
import org.sijill.vault.Acquisition;
import org.sijill.vault.EventType;
import org.sijill.vault.Ingested;

/**
 * Evidence for the demo case, stored the way real evidence is: generated pictures (landscapes drawn
 * by code and captioned as synthetic) go through the vault, so they have content hashes, metadata,
 * custody-log entries and fingerprints. One of them is a re-posted, shrunken copy of another, so
 * that the demo shows a recycled image being recognised.
 */
final class DemoEvidence {
  private static final String BY = "demo-generator";

  private DemoEvidence() {}

  /** Adds the demo's evidence; returns how many items were stored. */
  static int add(Main main, CaseFile caseFile, long seed) throws IOException {
    Path dir = Files.createTempDirectory("sijill-demo-evidence");
    try (VaultSession s = VaultSession.over(main, caseFile)) {
      List<Incident> killings =
          caseFile.incidents().all().stream()
              .filter(i -> i.type().equals("killing_of_civilians"))
              .sorted(Comparator.comparing(Incident::id))
              .toList();
      Random random = new Random(seed);
      int stored = 0;
      String firstSha = null;
      for (int i = 0; i < 4; i++) {
        Path png = dir.resolve("scene-" + (i + 1) + ".png");
        BufferedImage picture = scene(random, i + 1);
        ImageIO.write(picture, "png", png.toFile());
        Ingested in =
            s.vault.add(
                png,
                new Acquisition(
                    BY,
                    Instant.parse(String.format("2025-03-%02dT%02d:15:00Z", 7 + i % 3, 8 + i)),
                    "Coastal News Agency (synthetic)",
                    "https://example.org/synthetic/scene-" + (i + 1),
                    "synthetic demo image, drawn by code"));
        stored++;
        s.mirror();
        Incident incident = killings.get(i % killings.size());
        link(s, caseFile, in, incident);
        assess(
            s,
            caseFile,
            in,
            EvidenceStatus.CORROBORATED,
            "Synthetic assessment: the scene matches the town's skyline and a second source.");
        if (i == 0) {
          firstSha = in.blob().sha256();
          // A re-post: the same picture, shrunk and re-encoded, arriving days later elsewhere.
          Path copy = dir.resolve("reposted.jpg");
          ImageIO.write(shrink(picture), "jpg", copy.toFile());
          Ingested repost =
              s.vault.add(
                  copy,
                  new Acquisition(
                      BY,
                      Instant.parse("2025-03-11T19:40:00Z"),
                      "@gunman_channel (synthetic)",
                      "https://example.org/synthetic/repost",
                      "re-posted with a new caption claiming a later event (synthetic)"));
          stored++;
          s.mirror();
          assess(
              s,
              caseFile,
              repost,
              EvidenceStatus.MISATTRIBUTED,
              "Synthetic assessment: a shrunken re-encode of item "
                  + firstSha.substring(0, 12)
                  + "…, acquired four days earlier; not new footage of a later event.");
        }
      }
      s.mirror();
      return stored;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void link(VaultSession s, CaseFile caseFile, Ingested in, Incident incident)
      throws IOException {
    String sha = in.blob().sha256();
    s.vault.record(
        EventType.LINKED_TO_INCIDENT, sha, BY, Map.of("incident", String.valueOf(incident.id())));
    s.mirror();
    long id = caseFile.evidence().findBySha256(sha).orElseThrow().id();
    caseFile.evidence().linkToIncident(incident.id(), id, "documents", BY);
  }

  private static void assess(
      VaultSession s, CaseFile caseFile, Ingested in, EvidenceStatus status, String why)
      throws IOException {
    String sha = in.blob().sha256();
    s.vault.record(EventType.ASSESSED, sha, BY, Map.of("status", status.db()));
    s.mirror();
    long id = caseFile.evidence().findBySha256(sha).orElseThrow().id();
    caseFile
        .claims()
        .assess(
            AssessmentTarget.EVIDENCE,
            id,
            "visual comparison (synthetic)",
            null,
            status,
            why,
            BY,
            null);
  }

  /** A landscape drawn from the random stream: sky, hills, houses, and a "synthetic" caption. */
  static BufferedImage scene(Random r, int n) {
    int w = 960;
    int h = 540;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(
        new GradientPaint(
            0, 0, new Color(120 + r.nextInt(80), 160, 220), 0, h / 2f, new Color(230, 220, 200)));
    g.fillRect(0, 0, w, h);
    for (int layer = 0; layer < 3; layer++) {
      int base = h / 2 + layer * 60;
      int[] xs = new int[14];
      int[] ys = new int[14];
      for (int k = 0; k < 12; k++) {
        xs[k] = k * w / 11;
        ys[k] = base - r.nextInt(90);
      }
      xs[12] = w;
      ys[12] = h;
      xs[13] = 0;
      ys[13] = h;
      g.setColor(new Color(60 + layer * 30, 90 + layer * 25 + r.nextInt(20), 50 + layer * 10));
      g.fillPolygon(xs, ys, 14);
    }
    for (int k = 0; k < 9 + r.nextInt(6); k++) {
      int bw = 30 + r.nextInt(50);
      int bh = 30 + r.nextInt(60);
      int x = r.nextInt(w - bw);
      int y = h - 120 - r.nextInt(120);
      g.setColor(new Color(200 + r.nextInt(40), 190 + r.nextInt(40), 170 + r.nextInt(40)));
      g.fillRect(x, y, bw, bh);
      g.setColor(new Color(70, 60, 50));
      g.setStroke(new BasicStroke(2));
      g.drawRect(x, y, bw, bh);
    }
    g.setColor(new Color(0, 0, 0, 170));
    g.fillRect(0, h - 44, w, 44);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    g.drawString("SYNTHETIC DEMO IMAGE " + n + " — drawn by Sijill, not a real event", 16, h - 14);
    g.dispose();
    return img;
  }

  private static BufferedImage shrink(BufferedImage img) {
    BufferedImage small =
        new BufferedImage(img.getWidth() / 2, img.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, small.getWidth(), small.getHeight(), null);
    g.dispose();
    return small;
  }
}
