package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sijill.workflow.VerificationException.Kind;

/**
 * What an analyst records about one evidence item, in the three strands of the Berkeley Protocol on
 * digital open source investigations: <em>source</em> analysis (who posted it, their record, where
 * it first appeared), <em>technical</em> analysis (metadata, signs of editing, re-encoding) and
 * <em>content</em> analysis (where: a point with its precision; when: a time range; which other
 * items corroborate it). Each strand states its finding, a confidence, the method or tool used and
 * the reasons. Over them: the overall judgement with its reasons, and the sensitivity flags.
 *
 * <p>{@link #parse} reads the JSON the API takes (and the desk's form is turned into), naming the
 * field of every problem; {@link #toJson} writes the strands as the case file stores them.
 */
public record VerificationDraft(
    Judgement judgement,
    String reasons,
    SourceStrand source,
    TechnicalStrand technical,
    ContentStrand content,
    boolean graphic,
    boolean personalInfo) {

  /** The overall judgement of an item. */
  public enum Judgement {
    AUTHENTIC,
    /** Real footage, but not of what it is said to show (recycled from another time or place). */
    MISATTRIBUTED,
    STAGED,
    MANIPULATED,
    INCONCLUSIVE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How sure the analyst is of a strand's finding. */
  public enum Confidence {
    HIGH,
    MEDIUM,
    LOW
  }

  /**
   * How closely a geolocation is known: the exact spot, its vicinity (a few hundred metres), or
   * only the locality (town or district).
   */
  public enum Precision {
    EXACT,
    VICINITY,
    LOCALITY
  }

  /** What every strand states. */
  public record Analysis(String finding, Confidence confidence, String method, String reasons) {}

  /** Source analysis: who posted the item, their record, where and when it first appeared. */
  public record SourceStrand(
      String postedBy, String accountRecord, String firstAppearance, Analysis analysis) {}

  /** Technical analysis: the file's metadata, signs of editing, traces of re-encoding. */
  public record TechnicalStrand(
      String metadata, String editing, String reencoding, Analysis analysis) {}

  /**
   * Content analysis: geolocation (a point and its precision, or none), chronolocation (a time
   * range, or none), and the evidence items that corroborate it.
   */
  public record ContentStrand(
      Double latitude,
      Double longitude,
      Precision precision,
      Instant from,
      Instant to,
      List<Long> corroboratedBy,
      Analysis analysis) {
    public ContentStrand {
      corroboratedBy = List.copyOf(corroboratedBy);
    }
  }

  static final int LONG_TEXT = 8000;
  static final int SHORT_TEXT = 1000;

  /**
   * Reads a draft from the API's JSON: {@code judgement}, {@code reasons}, {@code strands} ({@code
   * source}, {@code technical}, {@code content}) and the optional {@code sensitivity} ({@code
   * graphic}, {@code personalInfo}). Unknown fields are ignored.
   *
   * @throws VerificationException (INVALID) naming the first field that is missing or malformed
   */
  public static VerificationDraft parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw invalid("the body must be a JSON object");
    }
    Judgement judgement = choice(root, "judgement", "judgement", Judgement.class);
    String reasons = text(root, "reasons", "reasons", LONG_TEXT, true);
    JsonNode strands = object(root, "strands", "strands", true);
    JsonNode s = object(strands, "source", "strands.source", true);
    JsonNode t = object(strands, "technical", "strands.technical", true);
    JsonNode c = object(strands, "content", "strands.content", true);
    SourceStrand source =
        new SourceStrand(
            text(s, "postedBy", "strands.source.postedBy", SHORT_TEXT, false),
            text(s, "accountRecord", "strands.source.accountRecord", LONG_TEXT, false),
            text(s, "firstAppearance", "strands.source.firstAppearance", SHORT_TEXT, false),
            analysis(s, "strands.source"));
    TechnicalStrand technical =
        new TechnicalStrand(
            text(t, "metadata", "strands.technical.metadata", LONG_TEXT, false),
            text(t, "editing", "strands.technical.editing", LONG_TEXT, false),
            text(t, "reencoding", "strands.technical.reencoding", LONG_TEXT, false),
            analysis(t, "strands.technical"));
    ContentStrand content = content(c);
    JsonNode flags = object(root, "sensitivity", "sensitivity", false);
    boolean graphic = flag(flags, "graphic", "sensitivity.graphic");
    boolean personal = flag(flags, "personalInfo", "sensitivity.personalInfo");
    return new VerificationDraft(judgement, reasons, source, technical, content, graphic, personal);
  }

  private static ContentStrand content(JsonNode c) {
    JsonNode geo = object(c, "geolocation", "strands.content.geolocation", false);
    Double lat = number(geo, "latitude", "strands.content.geolocation.latitude", -90, 90);
    Double lon = number(geo, "longitude", "strands.content.geolocation.longitude", -180, 180);
    Precision precision =
        geo == null || !geo.hasNonNull("precision")
            ? null
            : choice(geo, "precision", "strands.content.geolocation.precision", Precision.class);
    if ((lat == null) != (lon == null)) {
      throw invalid("strands.content.geolocation: give both latitude and longitude, or neither");
    }
    if (lat != null && precision == null) {
      throw invalid(
          "strands.content.geolocation.precision: say how close the point is (exact, vicinity or"
              + " locality)");
    }
    if (lat == null && precision != null) {
      throw invalid("strands.content.geolocation: a precision needs a point (latitude, longitude)");
    }
    JsonNode chrono = object(c, "chronolocation", "strands.content.chronolocation", false);
    Instant from = instant(chrono, "from", "strands.content.chronolocation.from", false);
    Instant to = instant(chrono, "to", "strands.content.chronolocation.to", true);
    if (from != null && to != null && to.isBefore(from)) {
      throw invalid("strands.content.chronolocation: 'to' is before 'from'");
    }
    List<Long> corroboratedBy = new ArrayList<>();
    JsonNode ids = c.get("corroboratedBy");
    if (ids != null && !ids.isNull()) {
      if (!ids.isArray()) {
        throw invalid("strands.content.corroboratedBy: a list of evidence item ids");
      }
      for (JsonNode id : ids) {
        if (!id.canConvertToLong() || id.asLong() <= 0 || !id.isIntegralNumber()) {
          throw invalid(
              "strands.content.corroboratedBy: '" + clip(id.asText()) + "' is not an item id");
        }
        if (!corroboratedBy.contains(id.asLong())) {
          corroboratedBy.add(id.asLong());
        }
      }
    }
    return new ContentStrand(
        lat, lon, precision, from, to, corroboratedBy, analysis(c, "strands.content"));
  }

  private static Analysis analysis(JsonNode n, String at) {
    return new Analysis(
        text(n, "finding", at + ".finding", LONG_TEXT, true),
        choice(n, "confidence", at + ".confidence", Confidence.class),
        text(n, "method", at + ".method", SHORT_TEXT, true),
        text(n, "reasons", at + ".reasons", LONG_TEXT, true));
  }

  /** The strands as stored and shown: the API's shape, absent values left out. */
  public String strandsJson() {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode s = root.putObject("source");
    put(s, "postedBy", source.postedBy());
    put(s, "accountRecord", source.accountRecord());
    put(s, "firstAppearance", source.firstAppearance());
    put(s, source.analysis());
    ObjectNode t = root.putObject("technical");
    put(t, "metadata", technical.metadata());
    put(t, "editing", technical.editing());
    put(t, "reencoding", technical.reencoding());
    put(t, technical.analysis());
    ObjectNode c = root.putObject("content");
    if (content.latitude() != null) {
      ObjectNode g = c.putObject("geolocation");
      g.put("latitude", content.latitude());
      g.put("longitude", content.longitude());
      g.put("precision", content.precision().name().toLowerCase(Locale.ROOT));
    }
    if (content.from() != null || content.to() != null) {
      ObjectNode ch = c.putObject("chronolocation");
      put(ch, "from", content.from() == null ? null : content.from().toString());
      put(ch, "to", content.to() == null ? null : content.to().toString());
    }
    if (!content.corroboratedBy().isEmpty()) {
      ArrayNode a = c.putArray("corroboratedBy");
      content.corroboratedBy().forEach(a::add);
    }
    put(c, content.analysis());
    return write(root);
  }

  /** Keys sorted, no spaces: the same record always gives the same bytes (and hash). */
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  static String write(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(MAPPER.treeToValue(n, java.util.TreeMap.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode n, Analysis a) {
    n.put("finding", a.finding());
    n.put("confidence", a.confidence().name().toLowerCase(Locale.ROOT));
    n.put("method", a.method());
    n.put("reasons", a.reasons());
  }

  private static void put(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static JsonNode object(JsonNode parent, String field, String at, boolean required) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw invalid(at + ": missing");
      }
      return null;
    }
    if (!n.isObject()) {
      throw invalid(at + ": must be a JSON object");
    }
    return n;
  }

  private static String text(JsonNode n, String field, String at, int max, boolean required) {
    JsonNode v = n == null ? null : n.get(field);
    if (v != null && !v.isNull() && !v.isTextual()) {
      throw invalid(at + ": must be text");
    }
    String s = v == null || v.isNull() ? "" : v.asText().strip();
    if (s.isEmpty()) {
      if (required) {
        throw invalid(at + ": missing");
      }
      return null;
    }
    if (s.length() > max) {
      throw invalid(at + ": at most " + max + " characters");
    }
    return s;
  }

  private static <E extends Enum<E>> E choice(JsonNode n, String field, String at, Class<E> type) {
    String s = text(n, field, at, 40, true);
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw invalid(at + ": '" + clip(s) + "' is not one of " + String.join(", ", names));
    }
  }

  private static Double number(JsonNode n, String field, String at, double min, double max) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
      return null;
    }
    double d;
    if (v.isNumber()) {
      d = v.asDouble();
    } else if (v.isTextual()) {
      try {
        d = Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        throw invalid(at + ": '" + clip(v.asText()) + "' is not a number");
      }
    } else {
      throw invalid(at + ": must be a number");
    }
    if (!(d >= min && d <= max)) {
      throw invalid(at + ": must be between " + (int) min + " and " + (int) max);
    }
    return d;
  }

  private static boolean flag(JsonNode n, String field, String at) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw invalid(at + ": true or false");
    }
    return v.asBoolean();
  }

  /**
   * An instant, a local date-time (read as UTC) or a day; as the end of a range, a day means up to
   * its last moment.
   */
  private static Instant instant(JsonNode n, String field, String at, boolean end) {
    String s = text(n, field, at, 40, false);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      LocalDate d = LocalDate.parse(s);
      return (end ? d.plusDays(1).atStartOfDay().minusNanos(1_000_000) : d.atStartOfDay())
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw invalid(at + ": '" + clip(s) + "' is not a time (2025-03-06 or 2025-03-06T18:00Z)");
    }
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static VerificationException invalid(String message) {
    return new VerificationException(Kind.INVALID, message);
  }
}
