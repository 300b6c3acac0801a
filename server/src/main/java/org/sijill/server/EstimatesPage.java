package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.sijill.workflow.CountingException;
import org.sijill.workflow.DeskJobs;
import org.sijill.workflow.EstimationResults;
import org.sijill.workflow.StartEstimation;

/**
 * The counting desk's estimates page ({@code /desk/estimates}): choose strata, start an estimation
 * as a background job, and read a stored estimation per stratum and method with its interval, a
 * chart of the spread across models and the method notes.
 */
final class EstimatesPage {
  /** The strata a reader may choose on the page, with their labels; the API takes any column. */
  static final Map<String, String> STRATA =
      Map.of(
          "governorate", "Governorate",
          "period", "Period (month of death)",
          "sex", "Sex",
          "age_group", "Age group (child/adult)");

  static final List<String> STRATA_ORDER = List.of("governorate", "period", "sex", "age_group");

  private final Desk desk;
  private final Templates templates;
  private final ObjectMapper json;
  private final BiFunction<String, String, Chrome> chrome;

  EstimatesPage(
      Desk desk,
      Templates templates,
      ObjectMapper json,
      BiFunction<String, String, Chrome> chrome) {
    this.desk = desk;
    this.templates = templates;
    this.json = json;
    this.chrome = chrome;
  }

  /** {@code GET /desk/estimates[?estimation=ID]}: the newest estimation, or the one named. */
  void page(Context ctx) {
    String raw = ctx.queryParam("estimation");
    EstimationResults.Results results;
    if (raw == null || raw.isBlank()) {
      results = desk.estimationResults.latest().orElse(null);
    } else {
      long id = Params.positive(raw, "estimation");
      results =
          desk.estimationResults
              .of(id)
              .orElseThrow(() -> HttpProblem.notFound("There is no estimation " + id + "."));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Estimates", "desk"));
    params.put("headers", DeskPages.headers(ctx));
    params.put("strataOrder", STRATA_ORDER);
    params.put("strataLabels", STRATA);
    params.put("jobs", desk.jobs.recent(StartEstimation.KIND, 10));
    params.put("results", results);
    params.put("chart", results == null ? null : Json.write(json, chart(results)));
    params.put("linked", desk.caseFile.linkageRuns().current().isPresent());
    ctx.html(templates.render("deskEstimates.jte", params));
  }

  /** {@code POST /desk/estimates}: form field {@code strata} (repeated) → a job line. */
  void start(Context ctx) {
    List<String> strata = new ArrayList<>();
    for (String s : ctx.formParams("strata")) {
      if (!STRATA.containsKey(s)) {
        throw HttpProblem.badRequest("unknown stratum '" + s + "'");
      }
      strata.add(s);
    }
    DeskJobs.Job job;
    try {
      job = desk.startEstimation.start(strata, Desk.who(ctx));
    } catch (CountingException e) {
      ctx.html(templates.render("deskJobRefused.jte", Map.of("message", e.getMessage())));
      return;
    }
    ctx.html(templates.render("deskEstimateJob.jte", Map.of("job", job)));
  }

  /** {@code GET /desk/estimates/jobs/{id}}: the job's line as it stands (htmx polls it). */
  void job(Context ctx) {
    long id = Params.id(ctx);
    DeskJobs.Job job =
        desk.jobs
            .find(id)
            .filter(j -> j.kind().equals(StartEstimation.KIND))
            .orElseThrow(() -> HttpProblem.notFound("There is no estimation job " + id + "."));
    ctx.html(templates.render("deskEstimateJob.jte", Map.of("job", job)));
  }

  /**
   * The chart's data: one category per stratum (the whole case first), the documented count as a
   * bar, and per method its total with the 95% interval.
   */
  static Map<String, Object> chart(EstimationResults.Results r) {
    List<EstimationResults.Stratum> all = new ArrayList<>();
    all.add(r.whole());
    all.addAll(r.strata());
    List<String> categories = new ArrayList<>();
    List<Long> documented = new ArrayList<>();
    Set<String> methods = new LinkedHashSet<>();
    for (EstimationResults.Stratum s : all) {
      categories.add(s.name() == null ? "whole case" : s.name());
      documented.add(s.documented());
      s.estimates().forEach(e -> methods.add(e.method()));
    }
    List<Map<String, Object>> series = new ArrayList<>();
    for (String m : methods) {
      List<List<Object>> points = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        for (EstimationResults.Line e : all.get(i).estimates()) {
          if (e.method().equals(m)) {
            List<Object> p = new ArrayList<>();
            p.add(i);
            p.add(Math.round(e.total()));
            p.add(e.lower() == null ? null : Math.round(e.lower()));
            p.add(e.upper() == null ? null : Math.round(e.upper()));
            p.add(e.model());
            p.add(e.recommended());
            points.add(p);
          }
        }
      }
      series.add(Map.of("method", m, "points", points));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("categories", categories);
    out.put("documented", documented);
    out.put("methods", series);
    return out;
  }

  /** A number of persons as the page prints it: whole, with thousands separators. */
  static String count(Double d) {
    return d == null ? "–" : String.format(java.util.Locale.ROOT, "%,d", Math.round(d));
  }
}
