package org.sijill.linkage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a settings file with Jackson's streaming parser ({@code jackson-core}), key by key, instead
 * of binding it with an {@code ObjectMapper}: a mapper's set-up (its date format and locale data,
 * the record introspection of {@link Settings} and {@link FieldSpec}) cost a FEBRL link about 0.06
 * s of its ~0.7 s for a 20-line file (issue 19). What it accepts and refuses is what the binding
 * did: unknown keys are refused, {@code comment} is skipped, a missing or null key takes its
 * default, the last of a repeated key wins; numbers may be written as JSON strings. A problem is
 * reported as {@code FILE:LINE:COL: reason}.
 */
final class SettingsFile {

  static final List<String> KNOWN =
      List.of(
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

  private static final List<String> FIELD_KEYS = List.of("column", "kind", "format");

  private final String name;
  private final JsonParser p;

  private SettingsFile(String name, JsonParser p) {
    this.name = name;
    this.p = p;
  }

  /** The settings in {@code bytes}, read from the file called {@code name}. */
  static Settings parse(String name, byte[] bytes) {
    try (JsonParser p = new JsonFactory().createParser(bytes)) {
      return new SettingsFile(name, p).settings();
    } catch (JsonProcessingException e) {
      throw new LinkageException(
          where(name, e.getLocation()) + "malformed JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new LinkageException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private Settings settings() throws IOException {
    JsonToken t = p.nextToken();
    if (t == null || t == JsonToken.VALUE_NULL) {
      throw new LinkageException(name + ": empty settings file");
    }
    expect(t == JsonToken.START_OBJECT, "settings", "an object { … }");
    String id = null;
    List<FieldSpec> fields = null;
    Double threshold = null;
    Double reviewLow = null;
    Double reviewHigh = null;
    Integer maxBlockSize = null;
    Integer window = null;
    Integer lshBands = null;
    Integer lshRows = null;
    Integer emIterations = null;
    Long seed = null;
    Double pairsMinProbability = null;
    Boolean termFrequency = null;
    Boolean mutualBest = null;
    Double mutualBestFloor = null;
    Double mutualBestMargin = null;
    Boolean households = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      p.nextToken();
      switch (key) {
        case "comment" -> p.skipChildren(); // free text for people
        case "id" -> id = text(key);
        case "fields" -> fields = fields();
        case "threshold" -> threshold = decimal(key);
        case "reviewLow" -> reviewLow = decimal(key);
        case "reviewHigh" -> reviewHigh = decimal(key);
        case "maxBlockSize" -> maxBlockSize = integer(key);
        case "window" -> window = integer(key);
        case "lshBands" -> lshBands = integer(key);
        case "lshRows" -> lshRows = integer(key);
        case "emIterations" -> emIterations = integer(key);
        case "seed" -> seed = whole(key);
        case "pairsMinProbability" -> pairsMinProbability = decimal(key);
        case "termFrequency" -> termFrequency = bool(key);
        case "mutualBest" -> mutualBest = bool(key);
        case "mutualBestFloor" -> mutualBestFloor = decimal(key);
        case "mutualBestMargin" -> mutualBestMargin = decimal(key);
        case "households" -> households = bool(key);
        default ->
            throw new LinkageException(
                where(name, at)
                    + "unknown key \""
                    + key
                    + "\" (known: "
                    + String.join(", ", KNOWN)
                    + ")");
      }
    }
    try {
      return new Settings(
          id,
          fields,
          threshold,
          reviewLow,
          reviewHigh,
          maxBlockSize,
          window,
          lshBands,
          lshRows,
          emIterations,
          seed,
          pairsMinProbability,
          termFrequency,
          mutualBest,
          mutualBestFloor,
          mutualBestMargin,
          households);
    } catch (IllegalArgumentException e) {
      throw new LinkageException(where(name, p.currentTokenLocation()) + e.getMessage());
    }
  }

  private List<FieldSpec> fields() throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p.currentToken() == JsonToken.START_ARRAY, "fields", "an array [ … ]");
    List<FieldSpec> fields = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(
          p.currentToken() == JsonToken.START_OBJECT,
          "fields",
          "objects {\"column\": …, \"kind\": …}");
      String column = null;
      Kind kind = null;
      String format = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        p.nextToken();
        switch (key) {
          case "column" -> column = text(key);
          case "kind" -> {
            String k = text(key);
            try {
              kind = k == null ? null : Kind.of(k);
            } catch (IllegalArgumentException e) {
              throw new LinkageException(where(name, p.currentTokenLocation()) + e.getMessage());
            }
          }
          case "format" -> format = text(key);
          default ->
              throw new LinkageException(
                  where(name, at)
                      + "unknown key \""
                      + key
                      + "\" (known: "
                      + String.join(", ", FIELD_KEYS)
                      + ")");
        }
      }
      try {
        fields.add(new FieldSpec(column, kind, format));
      } catch (IllegalArgumentException e) {
        throw new LinkageException(where(name, p.currentTokenLocation()) + e.getMessage());
      }
    }
    return fields;
  }

  /** A string; a number or true/false as written; null for null. */
  private String text(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t.isScalarValue(), key, "a string");
    return p.getText();
  }

  /** A number, or a string that is one; null for null or "". */
  private Double decimal(String key) throws IOException {
    return parsed(key, Double::valueOf, "a number");
  }

  private Integer integer(String key) throws IOException {
    Long v = whole(key);
    if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      throw malformed(key, "a whole number in int range");
    }
    return v == null ? null : v.intValue();
  }

  private Long whole(String key) throws IOException {
    return parsed(key, Long::valueOf, "a whole number");
  }

  /** The key's number read by {@code parse}; null for null or ""; refused as not {@code what}. */
  private <T> T parsed(String key, Function<String, T> parse, String what) throws IOException {
    String s = number(key);
    if (s == null) {
      return null;
    }
    try {
      return parse.apply(s);
    } catch (NumberFormatException e) {
      throw malformed(key, what);
    }
  }

  private String number(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t.isNumeric() || t == JsonToken.VALUE_STRING, key, "a number");
    String s = p.getText().trim();
    return s.isEmpty() ? null : s;
  }

  private Boolean bool(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t.isBoolean()) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      if (s.equals("true") || s.equals("false")) {
        return Boolean.valueOf(s);
      }
      if (s.isEmpty()) {
        return null;
      }
    }
    throw malformed(key, "true or false");
  }

  private void expect(boolean ok, String key, String what) throws IOException {
    if (!ok) {
      throw malformed(key, what);
    }
  }

  private LinkageException malformed(String key, String what) throws IOException {
    return new LinkageException(
        where(name, p.currentTokenLocation())
            + "malformed settings: "
            + key
            + ": "
            + what
            + " expected, not "
            + (p.currentToken() == JsonToken.VALUE_STRING
                ? "\"" + p.getText() + "\""
                : p.currentToken().isScalarValue() ? p.getText() : p.currentToken().asString()));
  }

  static String where(String file, JsonLocation loc) {
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
