package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sijill.workflow.LinkageDiagnostics;

/**
 * Linkage diagnostics ({@code /desk/diagnostics}, {@code GET /api/diagnostics}): the fitted m and u
 * per field and level, a match-weight histogram, records per person and the lists' overlap.
 */
final class DiagnosticsPage {
  private final Desk desk;
  private final DeskApi api;
  private final LinkageDiagnostics diagnostics;
  private final Templates templates;
  private final ObjectMapper json;
  private final BiFunction<String, String, Chrome> chrome;

  DiagnosticsPage(
      Desk desk,
      DeskApi api,
      Templates templates,
      ObjectMapper json,
      BiFunction<String, String, Chrome> chrome) {
    this.desk = desk;
    this.api = api;
    this.diagnostics = new LinkageDiagnostics(desk.caseFile);
    this.templates = templates;
    this.json = json;
    this.chrome = chrome;
  }

  /** The API's answer: the report without the run's stored settings and model text. */
  record ReportJson(
      long run,
      int records,
      int persons,
      double lambda,
      int iterations,
      boolean converged,
      List<LinkageDiagnostics.Field> fields,
      List<LinkageDiagnostics.Bin> matchWeights,
      Map<Integer, Long> recordsPerPerson,
      List<LinkageDiagnostics.Overlap> overlaps,
      TruthJson groundTruth) {
    static ReportJson of(LinkageDiagnostics.Report r) {
      return new ReportJson(
          r.run().id(),
          r.run().recordCount(),
          r.run().personCount(),
          r.lambda(),
          r.iterations(),
          r.converged(),
          r.fields(),
          r.weights(),
          new java.util.TreeMap<>(r.recordsPerPerson()),
          r.overlaps(),
          r.truth() == null ? null : TruthJson.of(r.truth()));
    }
  }

  /** How the run scored against its lists' ground truth (generated lists only). */
  record TruthJson(
      String column,
      int records,
      int truePersons,
      long truePairs,
      long truePairsCompared,
      double blockingRecall,
      long linkedPairs,
      long linkedPairsTrue,
      double precision,
      double recall,
      double f1) {
    static TruthJson of(org.sijill.casefile.model.RunTruth t) {
      return new TruthJson(
          t.truthColumn(),
          t.records(),
          t.truePersons(),
          t.truePairs(),
          t.truePairsCompared(),
          t.blockingRecall(),
          t.linkedPairs(),
          t.linkedPairsTrue(),
          t.precision(),
          t.recall(),
          t.f1());
    }
  }

  private LinkageDiagnostics.Report report(Context ctx) {
    long run = api.run(ctx);
    return diagnostics
        .of(run)
        .orElseThrow(() -> HttpProblem.notFound("there is no linkage run " + run));
  }

  /** {@code GET /api/diagnostics[?run=ID]} (default: the current run). */
  void api(Context ctx) {
    ctx.json(ReportJson.of(report(ctx)));
  }

  /** {@code GET /desk/diagnostics[?run=ID]}. */
  void page(Context ctx) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Diagnostics", "desk"));
    LinkageDiagnostics.Report r =
        desk.caseFile.linkageRuns().current().isEmpty() && ctx.queryParam("run") == null
            ? null
            : report(ctx);
    params.put("report", r);
    params.put("charts", r == null ? null : Json.write(json, charts(r)));
    ctx.html(templates.render("deskDiagnostics.jte", params));
  }

  static Map<String, Object> charts(LinkageDiagnostics.Report r) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> bins = new ArrayList<>();
    List<Long> links = new ArrayList<>();
    List<Long> review = new ArrayList<>();
    for (LinkageDiagnostics.Bin b : r.weights()) {
      bins.add(Math.round(b.from()) + "…" + Math.round(b.to()));
      links.add(b.links());
      review.add(b.reviewPairs());
    }
    out.put("bins", bins);
    out.put("links", links);
    out.put("review", review);
    List<String> sizes = new ArrayList<>();
    List<Long> persons = new ArrayList<>();
    new java.util.TreeMap<>(r.recordsPerPerson())
        .forEach(
            (k, v) -> {
              sizes.add(String.valueOf(k));
              persons.add(v);
            });
    out.put("sizes", sizes);
    out.put("persons", persons);
    List<String> sets = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (LinkageDiagnostics.Overlap o : r.overlaps()) {
      sets.add(String.join(" ∩ ", o.lists()));
      counts.add(o.persons());
    }
    out.put("sets", sets);
    out.put("setCounts", counts);
    return out;
  }

  static String num(double d) {
    return String.format(java.util.Locale.ROOT, "%.4f", d);
  }

  static String signed(double d) {
    return String.format(java.util.Locale.ROOT, "%+.2f", d);
  }
}
