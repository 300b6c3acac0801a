package org.sijill.bench.load;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Material for {@link LoadBench}'s case. {@code Prepare images DIR COUNT SEED} writes COUNT
 * distinct synthetic PNG scenes (random shapes, nobody in them); {@code Prepare queries OUT COUNT
 * LIST.csv…} writes search terms taken from the lists' {@code full_name} column: whole names and
 * single name parts, as many Arabic-script as Latin ones when the lists hold both.
 */
public final class Prepare {
  private Prepare() {}

  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "images" -> images(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
      case "queries" -> queries(Path.of(args[1]), Integer.parseInt(args[2]), args);
      default -> throw new IllegalArgumentException("images|queries");
    }
  }

  static void images(Path dir, int count, long seed) throws IOException {
    Files.createDirectories(dir);
    Random rnd = new Random(seed);
    for (int i = 0; i < count; i++) {
      BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = img.createGraphics();
      g.setColor(new Color(rnd.nextInt(0xFFFFFF)));
      g.fillRect(0, 0, 160, 120);
      for (int s = 0; s < 6; s++) {
        g.setColor(new Color(rnd.nextInt(0xFFFFFF)));
        int x = rnd.nextInt(140);
        int y = rnd.nextInt(100);
        if (rnd.nextBoolean()) {
          g.fillOval(x, y, 10 + rnd.nextInt(80), 10 + rnd.nextInt(60));
        } else {
          g.fillRect(x, y, 10 + rnd.nextInt(80), 10 + rnd.nextInt(60));
        }
      }
      g.dispose();
      ImageIO.write(img, "png", dir.resolve(String.format("scene-%06d.png", i)).toFile());
    }
  }

  static void queries(Path out, int count, String[] args) throws IOException {
    List<String> arabic = new ArrayList<>();
    List<String> latin = new ArrayList<>();
    for (int a = 3; a < args.length; a++) {
      try (Reader r = Files.newBufferedReader(Path.of(args[a]), StandardCharsets.UTF_8)) {
        org.apache.commons.csv.CSVParser p =
            org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(r);
        for (org.apache.commons.csv.CSVRecord rec : p) {
          if (!rec.isMapped("full_name")) {
            break;
          }
          String name = rec.get("full_name").strip();
          if (name.isEmpty()) {
            continue;
          }
          boolean ar = name.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
          (ar ? arabic : latin).add(name);
        }
      }
    }
    Random rnd = new Random(7);
    Set<String> terms = new LinkedHashSet<>();
    for (int i = 0; terms.size() < count && i < count * 20; i++) {
      List<String> from = (i % 2 == 0 && !arabic.isEmpty()) || latin.isEmpty() ? arabic : latin;
      if (from.isEmpty()) {
        break;
      }
      String name = from.get(rnd.nextInt(from.size()));
      String[] parts = name.split("\\s+");
      // Half whole names, half one name part (a family name typed alone).
      terms.add(i % 4 < 2 ? name : parts[rnd.nextInt(parts.length)]);
    }
    Files.write(out, terms, StandardCharsets.UTF_8);
  }
}
