package org.sijill.workflow;

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
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.EvidenceStatus;
import org.sijill.casefile.model.Incident;
import org.sijill.vault.EventType;

/**
 * Evidence for the demo case, stored the way real evidence is: generated pictures (landscapes drawn
 * by code and captioned as synthetic) go through {@link IngestEvidence}, so they have content
 * hashes, metadata, custody-log entries, fingerprints and recorded near-duplicates. One of them is
 * a re-posted, shrunken copy of another, so that the demo shows a recycled image being recognised.
 * The demo's incidents are then graded again from this evidence ({@link DemoCase#gradeIncidents}),
 * so an incident is confirmed only when evidence supports it.
 */
public final class DemoEvidence {
  private static final String BY = "demo-generator";
  private final EvidenceVault vault;

  public DemoEvidence(EvidenceVault vault) {
    this.vault = vault;
  }

  /** Stores the demo's evidence (the demo case must be loaded); returns how many items. */
  public int add(long seed) {
    Path dir;
    try {
      dir = Files.createTempDirectory("sijill-demo-evidence");
    } catch (IOException e) {
      throw new EvidenceException("cannot make a temporary folder: " + e.getMessage(), e);
    }
    try {
      return addFrom(dir, seed);
    } catch (IOException e) {
      throw new EvidenceException("demo evidence: " + e.getMessage(), e);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // a temporary folder of synthetic pictures: the system cleans it up in the end
      }
    }
  }

  private int addFrom(Path dir, long seed) throws IOException {
    var caseFile = vault.caseFile();
    List<Incident> killings =
        caseFile.incidents().all().stream()
            .filter(i -> i.type().equals("killing_of_civilians"))
            .sorted(Comparator.comparing(Incident::id))
            .toList();
    IngestEvidence ingest = new IngestEvidence(vault, ProgressListener.NONE);
    Random random = new Random(seed);
    int stored = 0;
    for (int i = 0; i < 4; i++) {
      Path png = dir.resolve("scene-" + (i + 1) + ".png");
      BufferedImage picture = scene(random, i + 1);
      ImageIO.write(picture, "png", png.toFile());
      IngestEvidence.FileOutcome in =
          one(
              ingest,
              png,
              new Provenance(
                  BY,
                  Instant.parse(String.format("2025-03-%02dT%02d:15:00Z", 7 + i % 3, 8 + i)),
                  "Coastal News Agency (synthetic)",
                  "https://example.org/synthetic/scene-" + (i + 1),
                  "synthetic demo image, drawn by code"));
      stored++;
      link(in, killings.get(i % killings.size()));
      assess(
          in,
          EvidenceStatus.CORROBORATED,
          "Synthetic assessment: the scene matches the town's skyline and a second source.");
      if (i == 0) {
        // A re-post: the same picture, shrunk and re-encoded, arriving days later elsewhere.
        Path copy = dir.resolve("reposted.jpg");
        ImageIO.write(shrink(picture), "jpg", copy.toFile());
        IngestEvidence.FileOutcome repost =
            one(
                ingest,
                copy,
                new Provenance(
                    BY,
                    Instant.parse("2025-03-11T19:40:00Z"),
                    "@gunman_channel (synthetic)",
                    "https://example.org/synthetic/repost",
                    "re-posted with a new caption claiming a later event (synthetic)"));
        stored++;
        String seenBefore =
            repost.earlier().isEmpty()
                ? "no earlier copy was found by its fingerprint"
                : "its fingerprint matches item "
                    + repost.earlier().get(0).key().substring(0, 12)
                    + "…, acquired four days earlier (distance "
                    + repost.earlier().get(0).comparison().bestDistance()
                    + " of 256 bits)";
        assess(
            repost,
            EvidenceStatus.MISATTRIBUTED,
            "Synthetic assessment: a shrunken re-encode; "
                + seenBefore
                + "; not new footage of a later event.");
      }
    }
    DemoCase.gradeIncidents(caseFile);
    return stored;
  }

  private static IngestEvidence.FileOutcome one(IngestEvidence ingest, Path f, Provenance p) {
    IngestEvidence.FileOutcome o = ingest.ingest(List.of(f), p).files().get(0);
    if (!o.stored()) {
      throw new EvidenceException(f.getFileName() + ": " + o.problem());
    }
    return o;
  }

  private void link(IngestEvidence.FileOutcome in, Incident incident) throws IOException {
    vault
        .vault()
        .record(
            EventType.LINKED_TO_INCIDENT,
            in.sha256(),
            BY,
            Map.of("incident", String.valueOf(incident.id())));
    vault.mirror();
    vault.caseFile().evidence().linkToIncident(incident.id(), in.evidenceId(), "documents", BY);
  }

  private void assess(IngestEvidence.FileOutcome in, EvidenceStatus status, String why)
      throws IOException {
    vault.vault().record(EventType.ASSESSED, in.sha256(), BY, Map.of("status", status.db()));
    vault.mirror();
    vault
        .caseFile()
        .claims()
        .assess(
            AssessmentTarget.EVIDENCE,
            in.evidenceId(),
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
