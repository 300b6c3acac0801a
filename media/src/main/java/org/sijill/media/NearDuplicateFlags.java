package org.sijill.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code near-duplicates.tsv}: one line per (new item, earlier item) match found at ingest —
 * append-only, a line per flag, never rewritten.
 */
public final class NearDuplicateFlags {
  static final String FILE = "near-duplicates.tsv";
  static final String HEADER =
      "item\tearlier_item\tverdict\tbest_distance\titem_share\tearlier_share\tflagged_at";

  private NearDuplicateFlags() {}

  /** One flag. */
  public record Flag(
      String item,
      String earlierItem,
      String verdict,
      int bestDistance,
      double itemShare,
      double earlierShare,
      Instant flaggedAt) {}

  static void append(Path dir, String item, SeenMatch m) {
    Path f = dir.resolve(FILE);
    Comparison c = m.comparison();
    String line =
        String.format(
            Locale.ROOT,
            "%s\t%s\t%s\t%d\t%.3f\t%.3f\t%s%n",
            item,
            m.item().key(),
            c.verdict().label(),
            c.bestDistance(),
            c.aShare(),
            c.bShare(),
            Instant.now());
    try {
      if (!Files.exists(f)) {
        Files.writeString(f, HEADER + "\n", StandardCharsets.UTF_8);
      }
      Files.writeString(f, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every flag recorded in {@code dir} (empty when there is none). */
  public static List<Flag> read(Path dir) {
    Path f = dir.resolve(FILE);
    List<Flag> out = new ArrayList<>();
    if (!Files.exists(f)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        String[] p = line.split("\t");
        if (p.length == 7 && !line.equals(HEADER)) {
          out.add(
              new Flag(
                  p[0],
                  p[1],
                  p[2],
                  Integer.parseInt(p[3]),
                  Double.parseDouble(p[4]),
                  Double.parseDouble(p[5]),
                  Instant.parse(p[6])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
