package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Location;
import org.sijill.casefile.model.Source;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.Page;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.access.Visibility;

/** The HTML pages. Each handler reads the case file, builds a view record and renders it. */
final class Pages {
  private final CaseFile caseFile;
  private final Templates templates;
  private final ObjectMapper json;
  private final Assets assets;
  private final org.sijill.workflow.access.Groups groups;

  Pages(CaseFile caseFile, Templates templates, ObjectMapper json, Assets assets) {
    this.caseFile = caseFile;
    this.templates = templates;
    this.json = json;
    this.assets = assets;
    this.groups = org.sijill.workflow.access.Groups.over(caseFile);
  }

  void overview(Context ctx) {
    Map<Long, Location> places = locations();
    Visibility seen = Seen.by(ctx, caseFile);
    List<IncidentRow> latest =
        caseFile.incidents().list(1, 5).items().stream()
            .map(i -> row(seen.incident(i), places))
            .toList();
    List<Marker> markers =
        caseFile.incidents().all().stream()
            .map(i -> row(seen.incident(i), places).marker())
            .filter(Objects::nonNull)
            .toList();
    Map<String, Object> deaths = new LinkedHashMap<>();
    // Computed again only when a list was imported since (Victims.stats).
    org.sijill.casefile.repo.Victims.Stats lists = caseFile.victims().stats();
    Map<java.time.LocalDate, Long> perDay = lists.deathsPerDay();
    deaths.put("days", perDay.keySet().stream().map(Object::toString).toList());
    deaths.put("counts", List.copyOf(perDay.values()));
    OverviewView view =
        new OverviewView(
            caseFile.incidents().count(),
            lists.count(),
            lists.countByList(),
            caseFile.linkageRuns().current().map(r -> (long) r.personCount()).orElse(0L),
            caseFile.evidence().count(),
            seen.allSources().size(),
            latest,
            caseFile.publicClaims().all(),
            caseFile.estimates().recommended().orElse(null),
            Json.write(json, deaths),
            Json.write(json, markers),
            lists.repeatedRecords());
    render(ctx, "overview.jte", chrome("Case overview", "overview"), view);
  }

  /**
   * Incidents, filtered as the URL says ({@link IncidentFilter}), as a table, on the map
   * (clustered, with place labels) and on a timeline.
   */
  void incidents(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    IncidentFilter filter = IncidentFilter.of(ctx, caseFile);
    Map<Long, Location> places = locations();
    Page<Incident> page =
        Params.within(caseFile.incidents().search(filter.filter(), p.page(), p.size()));
    Visibility seen = Seen.by(ctx, caseFile);
    List<IncidentRow> rows = page.items().stream().map(i -> row(seen.incident(i), places)).toList();
    List<IncidentRow> all =
        caseFile.incidents().all(filter.filter()).stream()
            .map(i -> row(seen.incident(i), places))
            .toList();
    List<Map<String, Object>> markers = new ArrayList<>();
    List<Map<String, Object>> timeline = new ArrayList<>();
    for (IncidentRow r : all) {
      Marker m = r.marker();
      if (m != null) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("lat", m.lat());
        one.put("lng", m.lng());
        one.put("label", m.label());
        one.put("href", m.href());
        one.put("place", r.placeEn() + (r.placeAr() == null ? "" : " · " + r.placeAr()));
        markers.add(one);
      }
      if (r.incident().startDate() != null) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("date", r.incident().startDate().toString());
        t.put("killed", r.incident().casualtiesBest());
        t.put("label", m == null ? r.incident().titleEn() : m.label());
        t.put("href", r.href());
        timeline.add(t);
      }
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome("Incidents", "incidents"));
    params.put("rows", rows);
    params.put("filter", filter);
    params.put("grades", List.of("confirmed", "fair", "weak", "contested", "discounted"));
    params.put("actors", caseFile.actors().all());
    params.put("markersJson", Json.write(json, markers));
    params.put("timelineJson", Json.write(json, timeline));
    String path = filter.query().isEmpty() ? "/incidents" : "/incidents?" + filter.query();
    params.put("pager", Pager.of(page, path, null));
    ctx.html(templates.render("incidents.jte", params));
  }

  void incident(Context ctx) {
    long id = Params.id(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    Incident incident =
        caseFile
            .incidents()
            .find(id)
            .map(seen::incident)
            .orElseThrow(() -> HttpProblem.notFound("There is no incident " + id + "."));
    boolean incidentSeen = seen.sees(ItemType.INCIDENT, id);
    Location place =
        incident.locationId() == null
            ? null
            : caseFile.locations().find(incident.locationId()).orElse(null);
    IncidentRow row = new IncidentRow(incident, place);
    Map<Long, SourceView> sources = sources(seen);
    List<IncidentView.ClaimRow> claims =
        caseFile.claims().forIncident(id).stream()
            .filter(c -> incidentSeen)
            .map(c -> new IncidentView.ClaimRow(c, sources.get(c.sourceId())))
            .toList();
    Marker marker = row.marker();
    String title = incident.titleEn() != null ? incident.titleEn() : incident.titleAr();
    Chrome chrome = chrome(title, "incidents");
    List<IncidentView.LinkRow> links = new ArrayList<>();
    if (incidentSeen) {
      for (var l : caseFile.incidentLinks().links(id)) {
        links.add(linkRow(l, sources, seen, chrome.labels()));
      }
    }
    IncidentView view =
        new IncidentView(
            row,
            incidentSeen ? caseFile.incidents().history(id) : List.of(incident),
            caseFile.evidence().forIncident(id).stream().map(seen::evidence).toList(),
            claims,
            caseFile.claims().assessments(AssessmentTarget.INCIDENT, id),
            caseFile.claims().current(AssessmentTarget.INCIDENT, id).orElse(null),
            Json.write(json, marker == null ? List.of() : List.of(marker)),
            incidentSeen
                ? caseFile.incidentLinks().evidence(id).stream()
                    .map(e -> IncidentView.seen(e, seen))
                    .toList()
                : List.of(),
            incidentSeen ? caseFile.attributions().forIncident(id) : List.of(),
            links,
            caseFile.actors().all(),
            // Who cannot see a restricted incident gets no forms to change it.
            incidentSeen
                ? Access.principal(ctx)
                    .map(org.sijill.workflow.accounts.Principal::csrf)
                    .orElse(null)
                : null,
            incidentSeen
                ? IncidentPages.trail(caseFile, id, seen, links, chrome.labels())
                : IncidentTrail.NONE);
    render(ctx, "incident.jte", chrome, view, GroupDesk.form(ctx, groups, ItemType.INCIDENT, id));
  }

  /** A linked victim record, victim person, source or incident with its label and page. */
  private IncidentView.LinkRow linkRow(
      org.sijill.casefile.repo.IncidentLinks.Link l,
      Map<Long, SourceView> sources,
      Visibility seen,
      Labels t) {
    return switch (l.kind()) {
      case "person" -> IncidentView.personRow(caseFile, l, seen, t);
      case "victim" ->
          new IncidentView.LinkRow(
              l,
              seen.seesVictim(l.targetId())
                  ? caseFile.incidentLinks().victimLabel(l.targetId()).orElse("#" + l.targetId())
                  : Visibility.RESTRICTED,
              null);
      case "source" ->
          new IncidentView.LinkRow(
              l,
              sources.containsKey(l.targetId())
                  ? sources.get(l.targetId()).label()
                  : "source " + l.targetId(),
              null);
      default ->
          new IncidentView.LinkRow(
              l,
              caseFile
                  .incidents()
                  .find(l.targetId())
                  .map(seen::incident)
                  .map(i -> i.titleEn() != null ? i.titleEn() : i.titleAr())
                  .orElse("#" + l.targetId()),
              "/incidents/" + l.targetId());
    };
  }

  /**
   * The victims list. An htmx request (the live search box) gets only the results table, which htmx
   * swaps into the page; a normal request gets the whole page, so the URL works on its own.
   */
  void victims(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    String q = ctx.queryParam("q");
    q = q == null ? "" : q.strip();
    if (q.length() > 200) {
      throw HttpProblem.badRequest("the search text is limited to 200 characters");
    }
    Visibility seen = Seen.by(ctx, caseFile);
    Set<Long> hidden = seen.hidden(ItemType.VICTIM);
    Page<VictimRecord> page =
        Params.within(caseFile.victims().search(q, p.page(), p.size(), hidden));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("records", page.items().stream().map(seen::victim).toList());
    params.put("unsearchable", hidden.size());
    params.put("pager", Pager.of(page, "/victims", q));
    if ("true".equals(ctx.header("HX-Request"))) {
      ctx.html(templates.render("victimResults.jte", params));
      return;
    }
    params.put("chrome", chrome("Victims", "victims"));
    params.put("restrict", GroupDesk.listForm(ctx, groups, ItemType.VICTIM));
    ctx.html(templates.render("victims.jte", params));
  }

  void evidenceList(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    EvidenceFilter filter = EvidenceFilter.of(ctx, caseFile);
    Page<EvidenceItem> page =
        Params.within(caseFile.evidence().search(filter.filter(), p.page(), p.size()));
    Visibility seen = Seen.by(ctx, caseFile);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome("Evidence", "evidence"));
    params.put("items", page.items().stream().map(seen::evidence).toList());
    params.put("sources", sources(seen));
    params.put("filter", filter);
    params.put(
        "pager",
        Pager.of(
            page, filter.query().isEmpty() ? "/evidence" : "/evidence?" + filter.query(), null));
    ctx.html(templates.render("evidenceList.jte", params));
  }

  void sourcesPage(Context ctx) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome("Sources", "sources"));
    params.put("sources", List.copyOf(sources(Seen.by(ctx, caseFile)).values()));
    params.put("restrict", GroupDesk.listForm(ctx, groups, ItemType.SOURCE));
    ctx.html(templates.render("sources.jte", params));
  }

  /** An error page for a refused request; the status is set by the caller. */
  String problem(int status, String message) {
    Map<String, Object> params = new LinkedHashMap<>();
    String title = status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error";
    boolean demo;
    try {
      demo = DemoCase.isLoaded(caseFile);
    } catch (RuntimeException e) {
      demo = false; // the database may be what failed; the error page must still render
    }
    params.put("chrome", new Chrome(title, "", demo, assets, templates.language()));
    params.put("status", status);
    params.put("message", message);
    return templates.render("problem.jte", params);
  }

  private void render(Context ctx, String template, Chrome chrome, Object view) {
    render(ctx, template, chrome, view, null);
  }

  /** With the item's restriction box (null: none). */
  void render(
      Context ctx, String template, Chrome chrome, Object view, GroupDesk.RestrictForm restrict) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome);
    params.put("view", view);
    if (restrict != null) {
      params.put("restrict", restrict);
    }
    ctx.html(templates.render(template, params));
  }

  /** What the asker of this request may see of restricted items. */
  Visibility seen(Context ctx) {
    return Seen.by(ctx, caseFile);
  }

  Chrome chrome(String title, String section) {
    return new Chrome(title, section, DemoCase.isLoaded(caseFile), assets, templates.language());
  }

  private Map<Long, Location> locations() {
    return caseFile.locations().all().stream()
        .collect(Collectors.toMap(Location::id, Function.identity(), (a, b) -> a));
  }

  /** Sources by id, in the order the case file lists them (by name). */
  Map<Long, SourceView> sources(Visibility seen) {
    Map<Long, SourceView> out = new LinkedHashMap<>();
    for (Source s : seen.allSources()) {
      out.put(s.id(), SourceView.of(s, seen));
    }
    return out;
  }

  private static IncidentRow row(Incident i, Map<Long, Location> places) {
    return new IncidentRow(i, i.locationId() == null ? null : places.get(i.locationId()));
  }
}
