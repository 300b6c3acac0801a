package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Location;
import org.sijill.workflow.AttributeIncident;
import org.sijill.workflow.IncidentDraft;
import org.sijill.workflow.RecordPublicClaim;
import org.sijill.workflow.accounts.Principal;

/**
 * The incident desk's pages: the form that records an incident or a corrected version of one (place
 * from the gazetteer or picked on the map), the forms on an incident's page that link evidence, a
 * victim, a source or a related incident and attribute it, and the public claims page. Each form
 * posts to a route with its rule in {@link Access}, calls the same workflow as {@link IncidentApi}
 * and answers with a redirect to what it recorded; a refused value re-renders the form with the
 * message (status 400), nothing stored.
 */
final class IncidentPages {
  private final CaseFile caseFile;
  private final Templates templates;
  private final Pages pages;
  private final IncidentApi api;
  private final ObjectMapper json;

  IncidentPages(
      CaseFile caseFile, Templates templates, Pages pages, IncidentApi api, ObjectMapper json) {
    this.caseFile = caseFile;
    this.templates = templates;
    this.pages = pages;
    this.api = api;
    this.json = json;
  }

  /** The form's values: a draft, and for an edit the incident and the reason typed. */
  record Form(
      String action,
      Long incidentId,
      IncidentDraft draft,
      String reason,
      String error,
      String csrf,
      List<String> places,
      String pickedJson) {
    String value(Object v) {
      return v == null ? "" : v.toString();
    }

    boolean selected(String field, String option) {
      return option.equals(field);
    }
  }

  void newForm(Context ctx) {
    IncidentDraft empty =
        new IncidentDraft(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);
    renderForm(ctx, "/incidents/new", null, empty, null, null, 200);
  }

  void editForm(Context ctx) {
    long id = Params.id(ctx);
    api.requireVisible(ctx, id);
    IncidentDraft d =
        api.record()
            .draftOf(id)
            .orElseThrow(() -> HttpProblem.notFound("There is no incident " + id + "."));
    renderForm(ctx, "/incidents/" + id + "/edit", id, d, null, null, 200);
  }

  void create(Context ctx) {
    IncidentDraft d = draft(ctx);
    try {
      var r = IncidentApi.call(() -> api.record().create(d, IncidentApi.who(ctx)));
      ctx.redirect("/incidents/" + r.id(), HttpStatus.SEE_OTHER);
    } catch (HttpProblem e) {
      renderForm(ctx, "/incidents/new", null, d, null, e.getMessage(), e.status());
    }
  }

  void correct(Context ctx) {
    long id = Params.id(ctx);
    api.requireVisible(ctx, id);
    IncidentDraft d = draft(ctx);
    String reason = ctx.formParam("reason");
    try {
      IncidentApi.call(() -> api.record().correct(id, d, reason, IncidentApi.who(ctx)));
      ctx.redirect("/incidents/" + id, HttpStatus.SEE_OTHER);
    } catch (HttpProblem e) {
      if (e.status() == 404) {
        throw e;
      }
      renderForm(ctx, "/incidents/" + id + "/edit", id, d, reason, e.getMessage(), e.status());
    }
  }

  private void renderForm(
      Context ctx,
      String action,
      Long id,
      IncidentDraft d,
      String reason,
      String error,
      int status) {
    Principal p = Access.principal(ctx).orElseThrow();
    List<String> places = new ArrayList<>();
    for (Location l : caseFile.locations().all()) {
      if (l.nameEn() != null) {
        places.add(l.nameEn());
      }
      if (l.nameAr() != null) {
        places.add(l.nameAr());
      }
    }
    List<Marker> picked = new ArrayList<>();
    if (d.latitude() != null && d.longitude() != null) {
      picked.add(new Marker(d.latitude(), d.longitude(), d.precisionM(), "picked", ""));
    }
    Form form = new Form(action, id, d, reason, error, p.csrf(), places, Json.write(json, picked));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(
        "chrome", pages.chrome(id == null ? "New incident" : "Edit incident " + id, "incidents"));
    params.put("form", form);
    ctx.status(status).html(templates.render("incidentForm.jte", params));
  }

  private static IncidentDraft draft(Context ctx) {
    return new IncidentDraft(
        ctx.formParam("title"),
        ctx.formParam("titleAr"),
        ctx.formParam("type"),
        ctx.formParam("description"),
        ctx.formParam("place"),
        decimal(ctx, "latitude"),
        decimal(ctx, "longitude"),
        ctx.formParam("placeName"),
        whole(ctx, "precisionM"),
        ctx.formParam("dateFrom"),
        ctx.formParam("dateTo"),
        whole(ctx, "killedBest"),
        whole(ctx, "killedLow"),
        whole(ctx, "killedHigh"),
        ctx.formParam("grade"),
        ctx.formParam("gradeReasons"),
        ctx.formParam("status"));
  }

  void linkEvidence(Context ctx) {
    long id = Params.id(ctx);
    api.requireVisible(ctx, id);
    Long evidence = wholeLong(ctx, "evidenceId");
    var body = formJson(ctx, "from", "to");
    Double from = JsonFields.seconds(body, "from");
    Double to = JsonFields.seconds(body, "to");
    IncidentApi.call(() -> api.linkEvidence().link(id, evidence, from, to, IncidentApi.who(ctx)));
    ctx.redirect("/incidents/" + id + "#evidence", HttpStatus.SEE_OTHER);
  }

  void attribute(Context ctx) {
    long id = Params.id(ctx);
    api.requireVisible(ctx, id);
    List<Long> ids = new ArrayList<>();
    String raw = ctx.formParam("evidenceIds");
    if (raw != null && !raw.isBlank()) {
      for (String part : raw.split("[,\\s]+")) {
        if (!part.isBlank()) {
          if (!part.matches("#?\\d{1,18}")) {
            throw HttpProblem.badRequest("evidenceIds: item numbers separated by commas");
          }
          ids.add(Long.parseLong(part.replace("#", "")));
        }
      }
    }
    AttributeIncident.Draft d =
        new AttributeIncident.Draft(
            ctx.formParam("actor"),
            ctx.formParam("actorKind"),
            ctx.formParam("role"),
            ctx.formParam("grade"),
            ctx.formParam("rationale"),
            ids);
    IncidentApi.call(() -> api.attribute().attribute(id, d, IncidentApi.who(ctx)));
    ctx.redirect("/incidents/" + id + "#attributions", HttpStatus.SEE_OTHER);
  }

  void link(Context ctx) {
    long id = Params.id(ctx);
    api.requireVisible(ctx, id);
    Long target = wholeLong(ctx, "target");
    IncidentApi.call(
        () ->
            api.link()
                .link(
                    id,
                    ctx.formParam("kind"),
                    target,
                    ctx.formParam("note"),
                    IncidentApi.who(ctx)));
    ctx.redirect("/incidents/" + id + "#links", HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /incidents/{id}/withdrawals}: {@code link} is {@code kind:id} as the form lists.
   */
  void withdraw(Context ctx) {
    long id = Params.id(ctx);
    api.requireVisible(ctx, id);
    String link = ctx.formParam("link");
    if (link == null || !link.matches("(evidence|attribution|link):\\d{1,18}")) {
      throw HttpProblem.badRequest("link: pick one of the incident's current links");
    }
    String[] parts = link.split(":");
    IncidentApi.call(
        () ->
            api.withdraw()
                .withdraw(
                    id,
                    parts[0],
                    Long.parseLong(parts[1]),
                    ctx.formParam("reason"),
                    IncidentApi.who(ctx)));
    ctx.redirect("/incidents/" + id + "#withdrawn", HttpStatus.SEE_OTHER);
  }

  /**
   * The incident page's withdrawn links, custody log entries and withdrawable links, the latter
   * described in the reader's language ({@code t}).
   */
  static IncidentTrail trail(
      CaseFile caseFile,
      long id,
      org.sijill.workflow.access.Visibility seen,
      List<IncidentView.LinkRow> links,
      Labels t) {
    List<IncidentTrail.Option> open = new ArrayList<>();
    for (var e : caseFile.incidentLinks().evidence(id)) {
      String segment = IncidentView.segment(e.from(), e.to());
      open.add(
          new IncidentTrail.Option(
              "evidence:" + e.id(),
              t.get("incident.option.evidence", e.evidenceId())
                  + (segment == null || segment.isBlank() ? "" : ", " + segment)));
    }
    for (var a : caseFile.attributions().forIncident(id)) {
      open.add(
          new IncidentTrail.Option(
              "attribution:" + a.id(),
              t.get(
                  "incident.option.attribution",
                  a.actorNameEn() != null ? a.actorNameEn() : a.actorNameAr(),
                  t.word("attribution_role", a.role()),
                  t.word("grade", a.grade()))));
    }
    for (var l : links) {
      open.add(
          new IncidentTrail.Option(
              "link:" + l.link().id(), linkKind(l.link().kind(), t) + ": " + l.label()));
    }
    return IncidentTrail.of(caseFile, id, seen, open, t);
  }

  /** What kind of link a victim, person, source or incident link is, in the reader's language. */
  static String linkKind(String kind, Labels t) {
    return switch (kind) {
      case "victim" -> t.get("incident.kind.victim");
      case "person" -> t.get("incident.kind.person");
      case "source" -> t.get("incident.kind.source");
      default -> t.get("incident.kind.incident");
    };
  }

  /** What a withdrawn link was, in the reader's language (the stored {@code what} is English). */
  static String withdrawnWhat(org.sijill.casefile.repo.IncidentLinks.Withdrawal w, Labels t) {
    var l = w.link();
    return switch (w.kind()) {
      case "evidence" -> {
        String segment = IncidentView.segment(l.from(), l.to());
        yield t.get("incident.option.evidence", l.evidenceId())
            + (segment.isBlank() ? "" : ", " + segment);
      }
      case "attribution" ->
          t.get(
              "incident.withdrawn.attribution.what",
              l.actor(),
              t.word("attribution_role", l.role()),
              t.word("grade", l.grade()));
      default -> linkKind(l.linkKind() == null ? "" : l.linkKind(), t) + " #" + l.target();
    };
  }

  /** What kind of link was withdrawn (evidence, attribution, or a victim/source/incident link). */
  static String withdrawnKind(String kind, Labels t) {
    return switch (kind) {
      case "evidence" -> t.get("incident.withdrawn.evidence");
      case "attribution" -> t.get("incident.withdrawn.attribution");
      default -> t.get("incident.withdrawn.link");
    };
  }

  /** The public claims page: every recorded claim, and the form that records one. */
  void claims(Context ctx) {
    renderClaims(ctx, null, 200);
  }

  void createClaim(Context ctx) {
    RecordPublicClaim.Draft d =
        new RecordPublicClaim.Draft(
            ctx.formParam("claimant"),
            ctx.formParam("statedAs"),
            whole(ctx, "figure"),
            whole(ctx, "lower"),
            whole(ctx, "upper"),
            ctx.formParam("claimedOn"),
            ctx.formParam("scope"),
            ctx.formParam("place"),
            ctx.formParam("periodFrom"),
            ctx.formParam("periodTo"),
            ctx.formParam("category"),
            ctx.formParam("qualifier"),
            wholeLong(ctx, "evidenceId"),
            ctx.formParam("quote"));
    try {
      var r = IncidentApi.call(() -> api.claims().record(d, IncidentApi.who(ctx)));
      ctx.redirect("/public-claims#claim-" + r.id(), HttpStatus.SEE_OTHER);
    } catch (HttpProblem e) {
      renderClaims(ctx, e.getMessage(), e.status());
    }
  }

  private void renderClaims(Context ctx, String error, int status) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", pages.chrome("Public claims", "claims"));
    params.put("claims", caseFile.publicClaims().all());
    params.put("csrf", Access.principal(ctx).map(Principal::csrf).orElse(null));
    params.put("error", error);
    ctx.status(status).html(templates.render("publicClaims.jte", params));
  }

  private static com.fasterxml.jackson.databind.JsonNode formJson(Context ctx, String... names) {
    var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (String n : names) {
      node.put(n, ctx.formParam(n));
    }
    return node;
  }

  private static Integer whole(Context ctx, String name) {
    return JsonFields.count(formJson(ctx, name), name);
  }

  private static Long wholeLong(Context ctx, String name) {
    return JsonFields.whole(formJson(ctx, name), name);
  }

  private static Double decimal(Context ctx, String name) {
    return JsonFields.number(formJson(ctx, name), name);
  }
}
