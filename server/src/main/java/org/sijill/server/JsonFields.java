package org.sijill.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * Reading the JSON body of an API request: the body as an object, and its fields as text, whole
 * numbers, numbers or seconds, each refused with a 400 that names the field when it is of the wrong
 * kind. One place, so every API refuses bad input the same way.
 */
final class JsonFields {
  private JsonFields() {}

  /** The request body as a JSON object; anything else is refused (400). */
  static JsonNode object(ObjectMapper json, Context ctx) {
    JsonNode node;
    try {
      node = json.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw HttpProblem.badRequest("the body is not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw HttpProblem.badRequest("the body must be a JSON object");
    }
    return node;
  }

  /** Reads one field of a request body. */
  interface Reader<T> {
    T read(JsonNode body, String field);
  }

  /** The field read by {@code read} when the body has it, else {@code base}. */
  static <T> T pick(JsonNode b, String field, T base, Reader<T> read) {
    return b.has(field) ? read.read(b, field) : base;
  }

  /** A text field; null when absent or null; a list or object is refused. */
  static String text(JsonNode b, String field) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isContainerNode()) {
      throw HttpProblem.badRequest(field + ": a text value, not " + n.getNodeType());
    }
    return n.asText();
  }

  /** A whole number, 0 or more; null when absent. */
  static Integer count(JsonNode b, String field) {
    Long v = whole(b, field);
    if (v != null && (v < 0 || v > Integer.MAX_VALUE)) {
      throw HttpProblem.badRequest(field + ": a whole number, 0 or more");
    }
    return v == null ? null : v.intValue();
  }

  /** A whole number (a JSON number or digits in a string); null when absent or blank. */
  static Long whole(JsonNode b, String field) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    if (n.canConvertToExactIntegral()) {
      return n.asLong();
    }
    if (n.isTextual() && n.asText().strip().matches("-?\\d{1,18}")) {
      return Long.parseLong(n.asText().strip());
    }
    throw HttpProblem.badRequest(field + ": a whole number, not " + abbreviate(n));
  }

  /** A finite number (a JSON number or one in a string); null when absent or blank. */
  static Double number(JsonNode b, String field) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      try {
        double v = Double.parseDouble(n.asText().strip());
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw HttpProblem.badRequest(field + ": a number, not " + abbreviate(n));
  }

  /** Seconds into a video: a number, or m:ss / h:mm:ss. */
  static Double seconds(JsonNode b, String field) {
    JsonNode n = b.get(field);
    if (n != null
        && n.isTextual()
        && n.asText().strip().matches("\\d+(:[0-5]?\\d){1,2}(\\.\\d+)?")) {
      double s = 0;
      for (String part : n.asText().strip().split(":")) {
        s = s * 60 + Double.parseDouble(part);
      }
      return s;
    }
    return number(b, field);
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
