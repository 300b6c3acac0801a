package org.sijill.linkage;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A person's decision about one pair of records: the same person (must-link), not the same
 * (cannot-link), or unsure. Same and different override the model in clustering and labelled pairs
 * can train it; an unsure decision is carried but changes nothing.
 *
 * @param sourceL source of the left record
 * @param recordIdL its record id
 * @param sourceR source of the right record
 * @param recordIdR its record id
 * @param verdict same (must-link), different (cannot-link) or unsure
 * @param origin where the decision was read ({@code FILE:LINE}), for messages
 */
public record Decision(
    String sourceL,
    String recordIdL,
    String sourceR,
    String recordIdR,
    Verdict verdict,
    String origin) {

  /** What a person said about the pair; {@link #label()} is the word stored and shown. */
  public enum Verdict {
    SAME,
    DIFFERENT,
    UNSURE;

    /** {@code same}, {@code different} or {@code unsure}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict a label names.
     *
     * @throws IllegalArgumentException for anything but same, different or unsure
     */
    public static Verdict of(String label) {
      return switch (label) {
        case "same" -> SAME;
        case "different" -> DIFFERENT;
        case "unsure" -> UNSURE;
        default -> throw new IllegalArgumentException("decision must be same, different or unsure");
      };
    }
  }

  public Decision {
    java.util.Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Reads {@code source_l,record_id_l,source_r,record_id_r,decision} (other columns ignored, so an
   * edited review file works). Decision values: {@code must-link}/{@code cannot-link} (also
   * same/different, match/non-match, yes/no, 1/0); rows with a blank decision are skipped.
   */
  public static List<Decision> read(Path file, Charset encoding) {
    return DecisionFile.read(file, encoding);
  }
}
