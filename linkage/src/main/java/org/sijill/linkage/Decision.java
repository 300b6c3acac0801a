package org.sijill.linkage;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * A person's decision about one pair of records: the same person (must-link) or not (cannot-link).
 * Decisions override the model in clustering; labelled pairs can also train it.
 *
 * @param sourceL source of the left record
 * @param recordIdL its record id
 * @param sourceR source of the right record
 * @param recordIdR its record id
 * @param same true for must-link, false for cannot-link
 * @param origin where the decision was read ({@code FILE:LINE}), for messages
 */
public record Decision(
    String sourceL,
    String recordIdL,
    String sourceR,
    String recordIdR,
    boolean same,
    String origin) {

  /**
   * Reads {@code source_l,record_id_l,source_r,record_id_r,decision} (other columns ignored, so an
   * edited review file works). Decision values: {@code must-link}/{@code cannot-link} (also
   * same/different, match/non-match, yes/no, 1/0); rows with a blank decision are skipped.
   */
  public static List<Decision> read(Path file, Charset encoding) {
    return DecisionFile.read(file, encoding);
  }
}
