package org.sijill.server;

import io.javalin.http.Context;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.repo.Page;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.access.Visibility;

/**
 * The REST API: JSON, read-only for now. Lists are paged ({@code ?page=1&size=50}, size at most
 * 500) and answer {@code {"items": [...], "page": 1, "size": 50, "total": 1234}}; a bad parameter
 * gets a 400 and an unknown id a 404, both as {@code {"error": ..., "message": ...}}. The routes
 * and their shapes are described by {@code /api/openapi.json}; keep the two in step (a test checks
 * that every route registered here is documented there).
 */
final class Api {
  private final CaseFile caseFile;

  Api(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** The JSON shape of one page of a list. */
  record PageJson(List<?> items, int page, int size, long total) {
    static PageJson of(Page<?> p) {
      Params.within(p);
      return new PageJson(p.items(), p.page(), p.size(), p.total());
    }

    /** A page cut from a short list held in memory (sources, published figures). */
    static PageJson slice(List<?> all, Params.Paging p) {
      int from = (int) Math.min(all.size(), (long) (p.page() - 1) * p.size());
      int to = Math.min(all.size(), from + p.size());
      return of(new Page<>(all.subList(from, to), p.page(), p.size(), all.size()));
    }
  }

  /** Incidents, filtered as the URL says ({@link IncidentFilter}). */
  void incidents(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    IncidentFilter f = IncidentFilter.of(ctx, caseFile);
    ctx.json(
        PageJson.of(
            mapped(caseFile.incidents().search(f.filter(), p.page(), p.size()), seen::incident)));
  }

  void incident(Context ctx) {
    long id = Params.id(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    ctx.json(caseFile.incidents().find(id).map(seen::incident).orElseThrow(() -> noIncident(id)));
  }

  /** Every recorded version of an incident, oldest first, each with who changed it and why. */
  void incidentHistory(Context ctx) {
    long id = Params.id(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    var versions = caseFile.incidents().history(id);
    if (versions.isEmpty()) {
      throw noIncident(id);
    }
    ctx.json(versions.stream().map(seen::incident).toList());
  }

  void victims(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    String q = ctx.queryParam("q");
    if (q != null && q.length() > 200) {
      throw HttpProblem.badRequest("q is limited to 200 characters");
    }
    Visibility seen = Seen.by(ctx, caseFile);
    var page = caseFile.victims().search(q, p.page(), p.size(), seen.hidden(ItemType.VICTIM));
    ctx.json(PageJson.of(mapped(page, seen::victim)));
  }

  void evidenceList(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    EvidenceFilter f = EvidenceFilter.of(ctx, caseFile);
    ctx.json(
        PageJson.of(
            mapped(caseFile.evidence().search(f.filter(), p.page(), p.size()), seen::evidence)));
  }

  void evidence(Context ctx) {
    long id = Params.id(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    ctx.json(caseFile.evidence().find(id).map(seen::evidence).orElseThrow(() -> noEvidence(id)));
  }

  /** The copies the media index matched, earlier then later, each as the asker may see it. */
  void copies(Context ctx) {
    long id = Params.id(ctx);
    if (caseFile.evidence().find(id).isEmpty()) {
      throw noEvidence(id);
    }
    ctx.json(
        PageJson.slice(
            EvidenceCopies.of(caseFile, id, Seen.by(ctx, caseFile)), Params.paging(ctx)));
  }

  void custody(Context ctx) {
    long id = Params.id(ctx);
    if (caseFile.evidence().find(id).isEmpty()) {
      throw noEvidence(id);
    }
    Visibility seen = Seen.by(ctx, caseFile);
    ctx.json(caseFile.evidence().events(id).stream().map(seen::custody).toList());
  }

  void sources(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    List<SourceView> all = seen.allSources().stream().map(s -> SourceView.of(s, seen)).toList();
    ctx.json(PageJson.slice(all, p));
  }

  void source(Context ctx) {
    long id = Params.id(ctx);
    ctx.json(
        caseFile
            .sources()
            .find(id)
            .map(s -> SourceView.of(s, Seen.by(ctx, caseFile)))
            .orElseThrow(() -> HttpProblem.notFound("there is no source " + id)));
  }

  /** Places: the gazetteer and any place an investigator added; incidents point at them. */
  void locations(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    ctx.json(PageJson.slice(caseFile.locations().all(), p));
  }

  void location(Context ctx) {
    long id = Params.id(ctx);
    ctx.json(
        caseFile
            .locations()
            .find(id)
            .orElseThrow(() -> HttpProblem.notFound("there is no location " + id)));
  }

  void publicClaims(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    ctx.json(PageJson.slice(caseFile.publicClaims().all(), p));
  }

  /**
   * The distinct persons of the current linkage run (or of {@code ?run=ID}), by id, each with its
   * records and their match probabilities. Before the case is linked the list is empty.
   */
  void persons(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    String raw = ctx.queryParam("run");
    Long run;
    if (raw == null || raw.isBlank()) {
      run = caseFile.linkageRuns().current().map(LinkageRun::id).orElse(null);
    } else {
      long id = Params.positive(raw, "run");
      run =
          caseFile
              .linkageRuns()
              .find(id)
              .map(LinkageRun::id)
              .orElseThrow(() -> HttpProblem.notFound("there is no linkage run " + id));
    }
    if (run == null) {
      ctx.json(PageJson.slice(List.of(), p));
      return;
    }
    Visibility seen = Seen.by(ctx, caseFile);
    ctx.json(PageJson.of(mapped(caseFile.persons().list(run, p.page(), p.size()), seen::person)));
  }

  /** Every stored estimate, newest estimation first, each with its linkage run. */
  void estimates(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    Page<org.sijill.casefile.model.Estimate> page = caseFile.estimates().list(p.page(), p.size());
    List<EstimateJson> items = page.items().stream().map(EstimateJson::of).toList();
    ctx.json(PageJson.of(new Page<>(items, page.page(), page.size(), page.total())));
  }

  /** One estimate as the API shows it. */
  record EstimateJson(
      long id,
      String method,
      String model,
      double total,
      Double lower,
      Double upper,
      String stratum,
      String strata,
      List<String> lists,
      Long linkageRun,
      Long estimation,
      boolean recommended,
      Long seed,
      String inputSha256,
      String softwareVersion,
      java.time.Instant recordedAt,
      String recordedBy) {
    static EstimateJson of(org.sijill.casefile.model.Estimate e) {
      return new EstimateJson(
          e.id(),
          e.method(),
          e.model(),
          e.total(),
          e.lowerBound(),
          e.upperBound(),
          e.stratum(),
          e.strata(),
          e.lists(),
          e.linkageRunId(),
          e.estimationId(),
          e.recommended(),
          e.seed(),
          e.inputSha256(),
          e.softwareVersion(),
          e.recordedAt(),
          e.recordedBy());
    }
  }

  /** A page with each item passed through {@code f} (what the asker may see of it). */
  private static <T> Page<T> mapped(Page<T> page, java.util.function.UnaryOperator<T> f) {
    return new Page<>(
        page.items().stream().map(f).toList(), page.page(), page.size(), page.total());
  }

  private static HttpProblem noIncident(long id) {
    return HttpProblem.notFound("there is no incident " + id);
  }

  private static HttpProblem noEvidence(long id) {
    return HttpProblem.notFound("there is no evidence item " + id);
  }
}
