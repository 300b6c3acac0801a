package org.sijill.server;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.Grade;
import org.sijill.casefile.model.Vocabulary;
import org.sijill.casefile.repo.Incidents;

/**
 * The incident filters of the list page and {@code GET /api/incidents}, read from the URL so that a
 * filtered list can be bookmarked and shared: {@code place} (a place's id or any name the gazetteer
 * knows; its towns are included), {@code from} and {@code to} (a day, month or year), {@code grade}
 * and {@code actor} (an actor's id or name).
 *
 * @param raw the parameters as given, for the form and the pager's links
 */
record IncidentFilter(Incidents.Filter filter, Map<String, String> raw) {
  static final String[] NAMES = {"place", "from", "to", "grade", "actor"};

  static IncidentFilter of(Context ctx, CaseFile caseFile) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (String n : NAMES) {
      String v = ctx.queryParam(n);
      if (v != null && !v.isBlank()) {
        if (v.length() > 200) {
          throw HttpProblem.badRequest(n + ": at most 200 characters");
        }
        raw.put(n, v.strip());
      }
    }
    Long place = null;
    if (raw.containsKey("place")) {
      String p = raw.get("place");
      place =
          (p.matches("\\d{1,18}")
                  ? caseFile.locations().find(Long.parseLong(p))
                  : caseFile.locations().findByName(p))
              .orElseThrow(() -> HttpProblem.badRequest("place: '" + p + "' is not a known place"))
              .id();
    }
    Long actor = null;
    if (raw.containsKey("actor")) {
      String a = raw.get("actor");
      actor =
          (a.matches("\\d{1,18}")
                  ? caseFile.actors().find(Long.parseLong(a))
                  : caseFile.actors().findByName(a))
              .orElseThrow(() -> HttpProblem.badRequest("actor: '" + a + "' is not a known actor"))
              .id();
    }
    String grade = null;
    if (raw.containsKey("grade")) {
      try {
        grade = Vocabulary.parse(Grade.class, raw.get("grade")).db();
      } catch (IllegalArgumentException e) {
        throw HttpProblem.badRequest("grade: one of confirmed, fair, weak, contested, discounted");
      }
    }
    LocalDate from = day(raw.get("from"), "from", false);
    LocalDate to = day(raw.get("to"), "to", true);
    // A restricted incident the asker may not see keeps its place and dates (as the list shows
    // them), but filtering by its grade or perpetrator would tell what it holds: it is left out.
    java.util.Set<Long> hidden =
        grade != null || actor != null
            ? Seen.by(ctx, caseFile).hidden(org.sijill.workflow.access.ItemType.INCIDENT)
            : java.util.Set.of();
    return new IncidentFilter(new Incidents.Filter(place, from, to, grade, actor, hidden), raw);
  }

  /** A day, month or year; for {@code to}, its last day. */
  private static LocalDate day(String s, String name, boolean last) {
    if (s == null) {
      return null;
    }
    try {
      if (s.matches("\\d{4}")) {
        int y = Integer.parseInt(s);
        return last ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        YearMonth m = YearMonth.parse(s);
        return last ? m.atEndOfMonth() : m.atDay(1);
      }
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest(name + ": a day (2025-03-07), month (2025-03) or year (2025)");
    }
  }

  /** The filter as a query string without paging ("place=…&grade=…"), or "" for none. */
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
