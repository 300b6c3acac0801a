package org.sijill.linkage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings file of {@code sijill link}: which columns to compare and how, plus optional tuning.
 * Every optional key has a default; blocking keys and the m/u probabilities are learned.
 *
 * @param id record id column (default {@code record_id})
 * @param fields compared fields
 * @param threshold match probability at which two records are the same person (default 0.5)
 * @param reviewLow lower end of the review band (default 0.1)
 * @param reviewHigh upper end of the review band (default 0.9)
 * @param maxBlockSize largest block compared in full (default 100); an oversized name-pair block is
 *     split by a second attribute into sub-blocks of at most half this size
 * @param window in a sub-block still oversized after splitting, each record is compared with this
 *     many neighbours in sort order (default 10)
 * @param lshBands MinHash/LSH bands (default 8; 0 turns the LSH channel off)
 * @param lshRows MinHash rows per band (default 5)
 * @param emIterations maximum EM iterations (default 1000)
 * @param seed random seed for the u-sampling (default 1)
 * @param pairsMinProbability {@code --pairs} writes pairs at or above this probability (default
 *     0.001)
 * @param termFrequency adjust name and exact agreements by value frequency (default true)
 * @param mutualBest link a pair of records from different sources below the threshold when they are
 *     each other's clear best candidate in the other's source (default false)
 * @param mutualBestFloor lowest match probability such a pair may have (default 0.05)
 * @param mutualBestMargin how far, in log-odds, every other candidate of either record in the other
 *     record's source must stay below the pair (default 2)
 * @param households give EM a third class besides matches and strangers, relatives of one household
 *     (default true; see docs/linkage.md)
 */
@JsonIgnoreProperties({"comment"}) // free text for people: where the settings came from, and why
public record Settings(
    String id,
    List<FieldSpec> fields,
    Double threshold,
    Double reviewLow,
    Double reviewHigh,
    Integer maxBlockSize,
    Integer window,
    Integer lshBands,
    Integer lshRows,
    Integer emIterations,
    Long seed,
    Double pairsMinProbability,
    Boolean termFrequency,
    Boolean mutualBest,
    Double mutualBestFloor,
    Double mutualBestMargin,
    Boolean households)
    implements java.io.Serializable {

  public Settings {
    id = id == null || id.isBlank() ? "record_id" : id.trim();
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("settings need at least one field in \"fields\"");
    }
    fields = List.copyOf(fields);
    threshold = threshold == null ? 0.5 : threshold;
    reviewLow = reviewLow == null ? 0.1 : reviewLow;
    reviewHigh = reviewHigh == null ? 0.9 : reviewHigh;
    maxBlockSize = maxBlockSize == null ? 100 : maxBlockSize;
    window = window == null ? 10 : window;
    lshBands = lshBands == null ? 8 : lshBands;
    lshRows = lshRows == null ? 5 : lshRows;
    emIterations = emIterations == null ? 1000 : emIterations;
    seed = seed == null ? 1L : seed;
    pairsMinProbability = pairsMinProbability == null ? 0.001 : pairsMinProbability;
    termFrequency = termFrequency == null ? Boolean.TRUE : termFrequency;
    mutualBest = mutualBest == null ? Boolean.TRUE : mutualBest;
    mutualBestFloor = mutualBestFloor == null ? 0.05 : mutualBestFloor;
    mutualBestMargin = mutualBestMargin == null ? 2.0 : mutualBestMargin;
    households = households == null ? Boolean.TRUE : households;
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be strictly between 0 and 1");
    }
    if (!(mutualBestFloor > 0 && mutualBestFloor <= threshold)) {
      throw new IllegalArgumentException(
          "mutualBestFloor must be above 0 and at most the threshold");
    }
    if (!(mutualBestMargin >= 0)) {
      throw new IllegalArgumentException("mutualBestMargin must not be negative");
    }
    if (!(reviewLow <= reviewHigh)) {
      throw new IllegalArgumentException("reviewLow must not exceed reviewHigh");
    }
    if (maxBlockSize < 2) {
      throw new IllegalArgumentException("maxBlockSize must be at least 2");
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1");
    }
    if (fields.size() > 21) {
      throw new IllegalArgumentException("at most 21 compared fields");
    }
    Set<String> seen = new HashSet<>();
    for (FieldSpec f : fields) {
      if (!seen.add(f.column())) {
        throw new IllegalArgumentException("column \"" + f.column() + "\" is listed twice");
      }
      if (f.kind() == Kind.DATE && f.format() != null) {
        try {
          DateTimeFormatter.ofPattern(f.format());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "field "
                  + f.column()
                  + ": bad date format \""
                  + f.format()
                  + "\": "
                  + e.getMessage());
        }
      }
    }
  }

  /** Settings with every optional key at its default. */
  public static Settings of(String id, List<FieldSpec> fields) {
    return new Settings(
        id, fields, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /**
   * Reads a settings file ({@link SettingsFile}); a problem is reported as {@code FILE:LINE:COL:
   * reason}.
   */
  public static Settings read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LinkageException(name + ": no such settings file");
    } catch (IOException e) {
      throw new LinkageException(name + ": cannot read: " + e.getMessage(), e);
    }
    return SettingsFile.parse(name, bytes);
  }
}
