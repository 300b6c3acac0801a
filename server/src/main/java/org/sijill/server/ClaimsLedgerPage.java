package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sijill.casefile.model.PublicClaim;
import org.sijill.workflow.ClaimsLedger;

/**
 * The claims ledger: every public claim beside what the case can say about its scope, as a page
 * ({@code /desk/claims}, with a chart) and as {@code GET /api/claims-ledger} (JSON, or {@code
 * ?format=csv}).
 */
final class ClaimsLedgerPage {
  private final ClaimsLedger ledger;
  private final org.sijill.casefile.CaseFile caseFile;
  private final Templates templates;
  private final ObjectMapper json;
  private final BiFunction<String, String, Chrome> chrome;

  ClaimsLedgerPage(
      ClaimsLedger ledger,
      org.sijill.casefile.CaseFile caseFile,
      Templates templates,
      ObjectMapper json,
      BiFunction<String, String, Chrome> chrome) {
    this.ledger = ledger;
    this.caseFile = caseFile;
    this.templates = templates;
    this.json = json;
    this.chrome = chrome;
  }

  /** A claim as the API shows it (ARCHITECTURE.md, "Desk API"). */
  record ClaimJson(
      long id,
      String claimant,
      String statedAs,
      int figure,
      Integer lower,
      Integer upper,
      String qualifier,
      String category,
      String scope,
      String claimedOn,
      String periodStart,
      String periodEnd,
      Long evidenceId) {
    static ClaimJson of(PublicClaim c) {
      int figure = c.figure() != null ? c.figure() : c.figureLow();
      boolean range = c.figureHigh() != null && c.figureHigh() != c.figureLow();
      return new ClaimJson(
          c.id(),
          c.claimant(),
          c.statedAs() != null ? c.statedAs() : c.figureText(),
          figure,
          range || figure != c.figureLow() ? c.figureLow() : null,
          c.figureHigh(),
          c.qualifier(),
          c.category(),
          c.scope(),
          str(c.claimedOn()),
          str(c.periodStart()),
          str(c.periodEnd()),
          c.evidenceId());
    }
  }

  record EstimateJson(
      double total,
      Double lower,
      Double upper,
      String method,
      String model,
      long estimation,
      String covers,
      String basis) {}

  record EntryJson(
      ClaimJson claim,
      List<String> places,
      Long documented,
      EstimateJson estimate,
      long evidence,
      List<String> marks,
      List<String> notes) {
    static EntryJson of(ClaimsLedger.Entry e) {
      ClaimsLedger.Figure f = e.estimate();
      return new EntryJson(
          ClaimJson.of(e.claim()),
          e.places(),
          e.documented(),
          f == null
              ? null
              : new EstimateJson(
                  Math.rint(f.total()),
                  f.lower() == null ? null : Math.rint(f.lower()),
                  f.upper() == null ? null : Math.rint(f.upper()),
                  f.method(),
                  f.model(),
                  f.estimation(),
                  f.covers(),
                  f.basis()),
          e.evidence(),
          e.marks(),
          e.notes());
    }
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  /** {@code GET /api/claims-ledger[?format=csv|json]}. */
  void api(Context ctx) {
    String format = ctx.queryParam("format");
    List<EntryJson> all =
        ledger.entries(Seen.by(ctx, caseFile)).stream().map(EntryJson::of).toList();
    if ("csv".equals(format)) {
      ctx.header("Content-Disposition", "attachment; filename=\"claims-ledger.csv\"");
      ctx.contentType("text/csv; charset=utf-8").result(csv(all));
      return;
    }
    if (format != null && !format.equals("json")) {
      throw HttpProblem.badRequest("format must be json or csv, not '" + format + "'");
    }
    if ("json".equals(format)) {
      ctx.header("Content-Disposition", "attachment; filename=\"claims-ledger.json\"");
    }
    ctx.json(Api.PageJson.slice(all, Params.paging(ctx)));
  }

  /** The ledger as CSV: one row per claim, spreadsheet formulas defused. */
  static String csv(List<EntryJson> all) {
    StringBuilder b = new StringBuilder();
    row(
        b,
        List.of(
            "claim_id",
            "claimant",
            "stated_as",
            "figure",
            "figure_high",
            "category",
            "scope",
            "period_start",
            "period_end",
            "places",
            "documented",
            "estimate",
            "estimate_lower",
            "estimate_upper",
            "estimate_method",
            "estimate_covers",
            "evidence",
            "marks",
            "notes"));
    for (EntryJson e : all) {
      ClaimJson c = e.claim();
      EstimateJson f = e.estimate();
      List<String> cells = new ArrayList<>();
      cells.add(String.valueOf(c.id()));
      cells.add(c.claimant());
      cells.add(c.statedAs());
      cells.add(String.valueOf(c.figure()));
      cells.add(c.upper() == null ? "" : c.upper().toString());
      cells.add(c.category());
      cells.add(c.scope());
      cells.add(c.periodStart());
      cells.add(c.periodEnd());
      cells.add(String.join("; ", e.places()));
      cells.add(e.documented() == null ? "" : e.documented().toString());
      cells.add(f == null ? "" : whole(f.total()));
      cells.add(f == null || f.lower() == null ? "" : whole(f.lower()));
      cells.add(f == null || f.upper() == null ? "" : whole(f.upper()));
      cells.add(f == null ? "" : f.method());
      cells.add(f == null ? "" : f.covers());
      cells.add(String.valueOf(e.evidence()));
      cells.add(String.join("; ", e.marks()));
      cells.add(String.join("; ", e.notes()));
      row(b, cells);
    }
    return b.toString();
  }

  private static String whole(double d) {
    return String.valueOf(Math.round(d));
  }

  private static void row(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String v = cells.get(i) == null ? "" : cells.get(i);
      // A cell a spreadsheet would run as a formula is written as text.
      if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
        v = "'" + v;
      }
      b.append('"').append(v.replace("\"", "\"\"")).append('"');
    }
    b.append("\r\n");
  }

  /** {@code GET /desk/claims}. */
  void page(Context ctx) {
    List<ClaimsLedger.Entry> entries = ledger.entries(Seen.by(ctx, caseFile));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Claims ledger", "desk"));
    params.put("entries", entries);
    params.put("chart", Json.write(json, chart(entries)));
    ctx.html(templates.render("deskClaims.jte", params));
  }

  /** Per claim: its figure (low, high), the documented count and the interval. */
  static Map<String, Object> chart(List<ClaimsLedger.Entry> entries) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ClaimsLedger.Entry e : entries) {
      Map<String, Object> r = new LinkedHashMap<>();
      PublicClaim c = e.claim();
      r.put("label", c.claimant() + ": " + c.figureText());
      r.put("figure", c.figureLow());
      r.put("figureHigh", c.figureHigh());
      r.put("documented", e.documented());
      r.put("total", e.estimate() == null ? null : Math.round(e.estimate().total()));
      r.put(
          "lower",
          e.estimate() == null || e.estimate().lower() == null
              ? null
              : Math.round(e.estimate().lower()));
      r.put(
          "upper",
          e.estimate() == null || e.estimate().upper() == null
              ? null
              : Math.round(e.estimate().upper()));
      r.put("marked", !e.marks().isEmpty());
      rows.add(r);
    }
    return Map.of("claims", rows);
  }

  static String count(Double d) {
    return d == null ? "–" : String.format(java.util.Locale.ROOT, "%,d", Math.round(d));
  }
}
