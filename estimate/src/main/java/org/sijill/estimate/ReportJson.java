package org.sijill.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Report} as RESULT.json. Non-finite numbers never reach the output. The top level
 * ends with {@code algorithmVersions}: this build's {@link AlgorithmVersion}s, the versions of the
 * algorithms that made the numbers.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The top-level key of the algorithm versions. */
  public static final String VERSIONS = "algorithmVersions";

  private ReportJson() {}

  public static String toJson(Report report) {
    ObjectNode tree = MAPPER.valueToTree(report);
    scrub(tree);
    ObjectNode versions = tree.putObject(VERSIONS);
    AlgorithmVersion.current().forEach(versions::put);
    try {
      return MAPPER.writeValueAsString(tree) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(Report report, OutputStream out) throws IOException {
    out.write(toJson(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.flush();
  }

  /** Replaces any NaN or infinite number by null (a last line of defence; none is expected). */
  private static void scrub(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> bad = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNumber() && !Double.isFinite(e.getValue().asDouble())) {
          bad.add(e.getKey());
        } else {
          scrub(e.getValue());
        }
      }
      bad.forEach(k -> o.putNull(k));
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isNumber() && !Double.isFinite(a.get(i).asDouble())) {
          a.set(i, a.nullNode());
        } else {
          scrub(a.get(i));
        }
      }
    }
  }
}
