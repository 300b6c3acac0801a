package org.sijill.server;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.Evidence;
import org.sijill.workflow.access.ItemType;

/**
 * The evidence filters of the list page and {@code GET /api/evidence}, read from the URL: {@code
 * type} (image, video, audio, other), {@code source} (a source's id or name), {@code status} (the
 * verification workflow's: new, assigned, in_analysis, peer_review, finalised) and {@code
 * judgement} (authentic, misattributed, staged, manipulated, inconclusive).
 */
record EvidenceFilter(Evidence.Filter filter, Map<String, String> raw) {
  static final List<String> TYPES = List.of("image", "video", "audio", "other");
  static final List<String> STATUSES =
      List.of("new", "assigned", "in_analysis", "peer_review", "finalised");
  static final List<String> JUDGEMENTS =
      List.of("authentic", "misattributed", "staged", "manipulated", "inconclusive");

  static EvidenceFilter of(Context ctx, CaseFile caseFile) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (String n : List.of("type", "source", "status", "judgement")) {
      String v = ctx.queryParam(n);
      if (v != null && !v.isBlank()) {
        if (v.length() > 200) {
          throw HttpProblem.badRequest(n + ": at most 200 characters");
        }
        raw.put(n, v.strip());
      }
    }
    String type = oneOf(raw, "type", TYPES);
    String status = oneOf(raw, "status", STATUSES);
    String judgement = oneOf(raw, "judgement", JUDGEMENTS);
    Long source = null;
    if (raw.containsKey("source")) {
      String s = raw.get("source");
      var seen = Seen.by(ctx, caseFile);
      source =
          (s.matches("\\d{1,18}")
                  ? caseFile.sources().find(Long.parseLong(s))
                  : caseFile.sources().findByName(s))
              .filter(seen::seesSource)
              .orElseThrow(
                  () -> HttpProblem.badRequest("source: '" + s + "' is not a known source"))
              .id();
    }
    // Filtering by status or judgement would tell them of a restricted item: such items are left
    // out for who may not see them.
    Set<Long> hidden =
        status != null || judgement != null
            ? Seen.by(ctx, caseFile).hidden(ItemType.EVIDENCE)
            : Set.of();
    return new EvidenceFilter(new Evidence.Filter(type, source, status, judgement, hidden), raw);
  }

  private static String oneOf(Map<String, String> raw, String name, List<String> values) {
    String v = raw.get(name);
    if (v == null) {
      return null;
    }
    if (!values.contains(v)) {
      throw HttpProblem.badRequest(name + ": one of " + String.join(", ", values));
    }
    return v;
  }

  /** The filter as a query string without paging, or "". */
  String query() {
    StringBuilder q = new StringBuilder();
    raw.forEach(
        (k, v) ->
            q.append(q.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return q.toString();
  }

  String value(String name) {
    return raw.getOrDefault(name, "");
  }
}
