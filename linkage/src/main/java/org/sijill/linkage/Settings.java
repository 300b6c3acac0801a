package org.sijill.linkage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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

  /** Reads a settings file; a problem is reported as {@code FILE:LINE:COL: reason}. */
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
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      Settings s = mapper.readValue(bytes, Settings.class);
      if (s == null) {
        throw new LinkageException(name + ": empty settings file");
      }
      return s;
    } catch (UnrecognizedPropertyException e) {
      throw new LinkageException(
          where(name, e.getLocation())
              + "unknown key \""
              + e.getPropertyName()
              + "\" (known: "
              + String.join(", ", known())
              + ")");
    } catch (JsonMappingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String reason =
          root instanceof IllegalArgumentException
              ? root.getMessage()
              : "malformed settings: " + e.getOriginalMessage();
      throw new LinkageException(where(name, e.getLocation()) + firstLine(reason));
    } catch (JsonProcessingException e) {
      throw new LinkageException(
          where(name, e.getLocation()) + "malformed JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new LinkageException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static List<String> known() {
    return List.of(
        "comment",
        "id",
        "fields",
        "threshold",
        "reviewLow",
        "reviewHigh",
        "maxBlockSize",
        "window",
        "lshBands",
        "lshRows",
        "emIterations",
        "seed",
        "pairsMinProbability",
        "termFrequency",
        "mutualBest",
        "mutualBestFloor",
        "mutualBestMargin",
        "households");
  }

  private static String where(String file, JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return file + ": ";
    }
    return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid settings";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    int marker = line.indexOf(" (start marker at");
    return marker < 0 ? line : line.substring(0, marker);
  }
}
