package org.sijill.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An item's metadata document (the vault's JSON: {@code tags} by directory, {@code gps}, …) as the
 * groups a person reads: camera and device, dates, dimensions and duration, format and codec,
 * place, software, and the rest. Each value keeps the name metadata-extractor gave it and the
 * directory it came from; a bare number gets its unit.
 *
 * <p>It groups what it is given: a document already stripped for an asker outside the item's groups
 * (the workflow's Visibility) stays stripped, and without a {@code gps} object there is no place to
 * draw.
 */
final class ReadableMetadata {
  /** Values shown at most, over all groups (the API has all of them). */
  static final int MAX_ROWS = 300;

  /** One value: its label, what it says, and the directory of the file it came from. */
  record Row(String label, String value, String from) {}

  /** A titled group of values; {@code id} names it in the page. */
  record Group(String id, String title, List<Row> rows) {}

  /** Where the file says it was made, in decimal degrees. */
  record Point(double latitude, double longitude) {}

  record Result(List<Group> groups, Optional<Point> gps) {
    boolean isEmpty() {
      return groups.isEmpty();
    }
  }

  private static final String CAMERA = "camera";
  private static final String DATES = "dates";
  private static final String SIZE = "dimensions";
  private static final String FORMAT = "format";
  private static final String PLACE = "place";
  private static final String SOFTWARE = "software";
  private static final String OTHER = "other";
  private static final Map<String, String> TITLES = new LinkedHashMap<>();

  static {
    TITLES.put(CAMERA, "Camera and device");
    TITLES.put(DATES, "Dates");
    TITLES.put(SIZE, "Dimensions and duration");
    TITLES.put(FORMAT, "Format and codec");
    TITLES.put(PLACE, "Place (GPS)");
    TITLES.put(SOFTWARE, "Software");
    TITLES.put(OTHER, "Other tags");
  }

  /** The title of group {@code id} in the page's language (English titles stay in the JSON). */
  static String title(String id, Labels t) {
    return switch (id) {
      case CAMERA -> t.get("meta.camera");
      case DATES -> t.get("meta.dates");
      case SIZE -> t.get("meta.dimensions");
      case FORMAT -> t.get("meta.format");
      case PLACE -> t.get("meta.place");
      case SOFTWARE -> t.get("meta.software");
      default -> t.get("meta.other");
    };
  }

  private static final Pattern CAMERA_NAMES =
      Pattern.compile(
          "(?i)make|model|lens.*|camera.*|body.*|vendor|device.*|orientation|exposure.*|f-number"
              + "|aperture.*|iso.*|focal length.*|flash|white balance.*|metering mode|shutter.*");
  private static final Pattern DATE_NAMES =
      Pattern.compile("(?i).*date.*|creation time|modification time|offset time.*");
  private static final Pattern SIZE_NAMES =
      Pattern.compile("(?i).*(width|height|duration|frame rate|resolution).*");
  private static final Pattern FORMAT_NAMES =
      Pattern.compile(
          "(?i).*(compression|codec|format|brand|sample rate|sample size|bits per sample|channels"
              + "|color type|colour|data precision|number of components|interlace|bit ?rate"
              + "|file type|mime|file name extension|minor version).*");
  private static final Pattern SOFTWARE_NAMES =
      Pattern.compile("(?i).*(software|creator tool|encoder|handler|processing|writer).*");
  private static final Pattern BARE_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private ReadableMetadata() {}

  /** The groups of a metadata document (null or unreadable: empty, or one row saying so). */
  static Result of(String metadata, ObjectMapper json) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    TITLES.keySet().forEach(k -> groups.put(k, new ArrayList<>()));
    Optional<Point> gps = Optional.empty();
    if (metadata != null) {
      JsonNode root;
      try {
        root = json.readTree(metadata);
      } catch (IOException e) {
        root = null;
        groups.get(OTHER).add(new Row("Unreadable metadata", metadata, ""));
      }
      if (root != null) {
        gps = point(root.get("gps"));
        gps.ifPresent(
            p -> {
              groups.get(PLACE).add(new Row("Latitude", degrees(p.latitude(), "N", "S"), "gps"));
              groups.get(PLACE).add(new Row("Longitude", degrees(p.longitude(), "E", "W"), "gps"));
            });
        read(root, groups);
      }
    }
    List<Group> out = new ArrayList<>();
    int budget = MAX_ROWS;
    for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
      if (g.getValue().isEmpty() || budget <= 0) {
        continue;
      }
      List<Row> rows = g.getValue();
      rows = rows.size() > budget ? rows.subList(0, budget) : rows;
      budget -= rows.size();
      out.add(new Group(g.getKey(), TITLES.get(g.getKey()), List.copyOf(rows)));
    }
    return new Result(List.copyOf(out), gps);
  }

  private static void read(JsonNode root, Map<String, List<Row>> groups) {
    Set<String> seen = new HashSet<>();
    JsonNode tags = root.get("tags");
    if (tags != null && tags.isObject()) {
      tags.fields().forEachRemaining(dir -> directory(dir.getKey(), dir.getValue(), groups, seen));
    }
    // Other documents (an import's, the demo's) may put directories or values at the top.
    root.fields()
        .forEachRemaining(
            f -> {
              if (!KNOWN.contains(f.getKey())) {
                if (f.getValue().isObject()) {
                  directory(f.getKey(), f.getValue(), groups, seen);
                } else {
                  add("", f.getKey(), f.getValue(), groups, seen);
                }
              }
            });
    JsonNode error = root.get("tags_error");
    if (error != null) {
      groups.get(OTHER).add(new Row("Tags could not be read", error.asText(), "vault"));
    }
    JsonNode reader = root.get("reader");
    if (reader != null) {
      groups.get(OTHER).add(new Row("Read by", reader.asText(), "vault"));
    }
  }

  private static final Set<String> KNOWN =
      Set.of("tags", "gps", "tags_error", "reader", "mime_type", "size");

  private static void directory(
      String name, JsonNode dir, Map<String, List<Row>> groups, Set<String> seen) {
    if (dir.isObject()) {
      dir.fields().forEachRemaining(t -> add(name, t.getKey(), t.getValue(), groups, seen));
    }
  }

  private static void add(
      String dir, String label, JsonNode node, Map<String, List<Row>> groups, Set<String> seen) {
    String value;
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(v -> parts.add(v.isValueNode() ? v.asText() : v.toString()));
      value = String.join(", ", parts);
    } else {
      value = node.isValueNode() ? node.asText() : node.toString();
    }
    // The same value under the same name in two directories is said once.
    if (seen.add(label + "\u0000" + value)) {
      groups.get(group(dir, label)).add(new Row(label, withUnit(label, value), dir));
    }
  }

  /** Which group a tag belongs to, by its directory and name. */
  static String group(String directory, String name) {
    String dir = directory.toLowerCase(Locale.ROOT);
    if (dir.equals("gps") || name.toLowerCase(Locale.ROOT).startsWith("gps")) {
      return PLACE;
    }
    if (name.equals("(error)")) {
      return OTHER;
    }
    if (SOFTWARE_NAMES.matcher(name).matches()) {
      return SOFTWARE;
    }
    if (DATE_NAMES.matcher(name).matches()) {
      return DATES;
    }
    if (CAMERA_NAMES.matcher(name).matches()) {
      return CAMERA;
    }
    if (SIZE_NAMES.matcher(name).matches()) {
      return SIZE;
    }
    if (dir.equals("file type") || FORMAT_NAMES.matcher(name).matches()) {
      return FORMAT;
    }
    return OTHER;
  }

  /** A bare number of a kind whose unit is known gets it ("320" width: "320 pixels"). */
  static String withUnit(String name, String value) {
    if (!BARE_NUMBER.matcher(value).matches()) {
      return value;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith("width") || n.endsWith("height")) {
      return value + " pixels";
    }
    if (n.contains("duration in seconds")) {
      return value + " seconds";
    }
    if (n.contains("frame rate")) {
      return value + " frames per second";
    }
    if (n.contains("sample rate")) {
      return value + " Hz";
    }
    return value;
  }

  private static Optional<Point> point(JsonNode gps) {
    if (gps == null || !gps.path("latitude").isNumber() || !gps.path("longitude").isNumber()) {
      return Optional.empty();
    }
    double lat = gps.get("latitude").asDouble();
    double lon = gps.get("longitude").asDouble();
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return Optional.empty();
    }
    return Optional.of(new Point(lat, lon));
  }

  private static String degrees(double v, String positive, String negative) {
    return String.format(Locale.ROOT, "%.6f° %s", Math.abs(v), v < 0 ? negative : positive);
  }
}
