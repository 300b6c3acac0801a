package org.sijill.server;

import static org.sijill.server.JsonFields.count;
import static org.sijill.server.JsonFields.number;
import static org.sijill.server.JsonFields.pick;
import static org.sijill.server.JsonFields.seconds;
import static org.sijill.server.JsonFields.text;
import static org.sijill.server.JsonFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.AttributeIncident;
import org.sijill.workflow.EvidenceException;
import org.sijill.workflow.IncidentDraft;
import org.sijill.workflow.InvalidInputException;
import org.sijill.workflow.LinkEvidence;
import org.sijill.workflow.LinkToIncident;
import org.sijill.workflow.RecordIncident;
import org.sijill.workflow.RecordPublicClaim;
import org.sijill.workflow.WithdrawLink;

/**
 * The incident desk's API (ARCHITECTURE.md, "Desk API"): incidents recorded and corrected, evidence
 * (or a video segment) linked, attributions, links to victims, sources and related incidents, and
 * public claims. Each handler reads the JSON body (unknown fields are ignored), calls the workflow
 * and answers 201/200 with the new record's id; a value the desk cannot record is a 400 whose
 * message starts with the field's name, and nothing is stored.
 */
final class IncidentApi {
  private final CaseFile caseFile;
  private final ObjectMapper json;
  private final RecordIncident record;
  private final LinkEvidence linkEvidence;
  private final AttributeIncident attribute;
  private final LinkToIncident link;
  private final RecordPublicClaim claims;
  private final WithdrawLink withdraw;

  /**
   * @param dataDir the vault's data directory, or null (then evidence cannot be linked: 503)
   */
  IncidentApi(CaseFile caseFile, ObjectMapper json, java.nio.file.Path dataDir) {
    this.caseFile = caseFile;
    this.json = json;
    this.record = new RecordIncident(dataDir, caseFile);
    this.linkEvidence = new LinkEvidence(dataDir, caseFile);
    this.attribute = new AttributeIncident(dataDir, caseFile);
    this.link = new LinkToIncident(dataDir, caseFile);
    this.claims = new RecordPublicClaim(dataDir, caseFile);
    this.withdraw = new WithdrawLink(dataDir, caseFile);
  }

  WithdrawLink withdraw() {
    return withdraw;
  }

  /** {@code POST /api/incidents/{id}/withdrawals} {@code {"kind", "linkId", "reason"}}. */
  void addWithdrawal(Context ctx) {
    long id = Params.id(ctx);
    requireVisible(ctx, id);
    JsonNode body = body(ctx);
    Long linkId = whole(body, "linkId");
    ctx.status(201)
        .json(
            call(
                () ->
                    withdraw.withdraw(
                        id, text(body, "kind"), linkId, text(body, "reason"), who(ctx))));
  }

  /** {@code GET /api/incidents/{id}/withdrawals}: the links withdrawn, oldest first. */
  void withdrawals(Context ctx) {
    long id = Params.id(ctx);
    requireIncident(id);
    ctx.json(seesIncident(ctx, id) ? caseFile.incidentLinks().withdrawals(id) : List.of());
  }

  RecordIncident record() {
    return record;
  }

  LinkEvidence linkEvidence() {
    return linkEvidence;
  }

  AttributeIncident attribute() {
    return attribute;
  }

  LinkToIncident link() {
    return link;
  }

  RecordPublicClaim claims() {
    return claims;
  }

  /** {@code POST /api/incidents}. */
  void create(Context ctx) {
    JsonNode body = body(ctx);
    IncidentDraft d = draft(body, null);
    var r = call(() -> record.create(d, who(ctx)));
    ctx.status(201).json(incidentAnswer(r));
  }

  /** {@code PUT /api/incidents/{id}}: fields left out keep their values; {@code reason} needed. */
  void correct(Context ctx) {
    long id = Params.id(ctx);
    requireVisible(ctx, id);
    JsonNode body = body(ctx);
    IncidentDraft current =
        record.draftOf(id).orElseThrow(() -> HttpProblem.notFound("there is no incident " + id));
    IncidentDraft d = draft(body, current);
    var r = call(() -> record.correct(id, d, text(body, "reason"), who(ctx)));
    ctx.status(200).json(incidentAnswer(r));
  }

  private ObjectNode incidentAnswer(RecordIncident.Recorded r) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("id", r.id());
    out.put("version", r.version());
    out.put("logIndex", r.logIndex());
    out.set("incident", json.valueToTree(caseFile.incidents().find(r.id()).orElseThrow()));
    if (r.gradeAssessment() != null) {
      out.put("gradeAssessment", r.gradeAssessment());
    }
    return out;
  }

  /** {@code POST /api/incidents/{id}/evidence} {@code {"evidenceId", "from", "to"}}. */
  void linkEvidence(Context ctx) {
    long id = Params.id(ctx);
    requireVisible(ctx, id);
    JsonNode body = body(ctx);
    Long evidenceId = whole(body, "evidenceId");
    Double from = seconds(body, "from");
    Double to = seconds(body, "to");
    ctx.status(201).json(call(() -> linkEvidence.link(id, evidenceId, from, to, who(ctx))));
  }

  /** {@code POST /api/incidents/{id}/attributions}. */
  void attribute(Context ctx) {
    long id = Params.id(ctx);
    requireVisible(ctx, id);
    JsonNode body = body(ctx);
    List<Long> evidence = new ArrayList<>();
    JsonNode ids = body.get("evidenceIds");
    if (ids != null && !ids.isNull()) {
      if (!ids.isArray()) {
        throw HttpProblem.badRequest("evidenceIds: a list of evidence item ids");
      }
      for (JsonNode n : ids) {
        if (!n.canConvertToExactIntegral()) {
          throw HttpProblem.badRequest("evidenceIds: a list of evidence item ids");
        }
        evidence.add(n.asLong());
      }
    }
    JsonNode actorNode = body.get("actor");
    String actor = actorNode == null || actorNode.isNull() ? null : actorNode.asText();
    AttributeIncident.Draft d =
        new AttributeIncident.Draft(
            actor,
            text(body, "actorKind"),
            text(body, "role"),
            text(body, "grade"),
            text(body, "rationale"),
            evidence);
    ctx.status(201).json(call(() -> attribute.attribute(id, d, who(ctx))));
  }

  /** {@code GET /api/incidents/{id}/attributions}. */
  void attributions(Context ctx) {
    long id = Params.id(ctx);
    requireIncident(id);
    ctx.json(seesIncident(ctx, id) ? caseFile.attributions().forIncident(id) : List.of());
  }

  /**
   * Refuses a change to an incident restricted to access groups the asker is not in: who cannot see
   * it cannot edit it or link to it (as an edit form would show what it holds).
   */
  void requireVisible(Context ctx, long id) {
    if (!seesIncident(ctx, id)) {
      throw HttpProblem.forbidden(
          "incident " + id + " is restricted to its access groups; ask one of their members");
    }
  }

  /** Whether the asker may see what is linked to a (possibly restricted) incident. */
  private boolean seesIncident(Context ctx, long id) {
    return Seen.by(ctx, caseFile).sees(org.sijill.workflow.access.ItemType.INCIDENT, id);
  }

  /** {@code GET /api/incidents/{id}/evidence}: the items linked, each with its segment. */
  void evidence(Context ctx) {
    long id = Params.id(ctx);
    requireIncident(id);
    var seen = Seen.by(ctx, caseFile);
    ctx.json(
        seesIncident(ctx, id)
            ? caseFile.incidentLinks().evidence(id).stream()
                .map(e -> IncidentView.seen(e, seen))
                .toList()
            : List.of());
  }

  /**
   * {@code POST /api/incidents/{id}/links} {@code {"kind": "victim|person|source|incident",
   * "target"}}: a victim record, a victim person (a linkage run's person id), a source or another
   * incident.
   */
  void addLink(Context ctx) {
    long id = Params.id(ctx);
    requireVisible(ctx, id);
    JsonNode body = body(ctx);
    Long target = whole(body, "target");
    var linked =
        call(() -> link.link(id, text(body, "kind"), target, text(body, "note"), who(ctx)));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("id", linked.id());
    out.put("logIndex", linked.logIndex());
    ctx.status(201).json(out);
  }

  /** {@code GET /api/incidents/{id}/links}. */
  void links(Context ctx) {
    long id = Params.id(ctx);
    requireIncident(id);
    var seen = Seen.by(ctx, caseFile);
    ctx.json(
        seesIncident(ctx, id)
            ? caseFile.incidentLinks().links(id).stream()
                .filter(
                    l ->
                        switch (l.kind()) {
                          case "victim" -> seen.seesVictim(l.targetId());
                          case "person" -> IncidentView.seesPerson(caseFile, l.targetId(), seen);
                          case "source" -> seen.seesSource(l.targetId());
                          default ->
                              seen.sees(org.sijill.workflow.access.ItemType.INCIDENT, l.targetId());
                        })
                .toList()
            : List.of());
  }

  /** {@code GET /api/actors}. */
  void actors(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    ctx.json(Api.PageJson.slice(caseFile.actors().all(), p));
  }

  /** {@code POST /api/public-claims}. */
  void createClaim(Context ctx) {
    JsonNode body = body(ctx);
    String scope = null;
    String place = text(body, "place");
    String from = text(body, "periodFrom");
    String to = text(body, "periodTo");
    String category = text(body, "category");
    JsonNode s = body.get("scope");
    if (s != null && s.isObject()) {
      // The scope as its parts: {"text", "places", "from", "to", "category"}.
      scope = text(s, "text");
      JsonNode places = s.get("places");
      if (places != null && places.isArray() && places.size() > 0) {
        place = places.get(0).asText();
      } else if (places != null && places.isTextual()) {
        place = places.asText();
      }
      from = from != null ? from : text(s, "from");
      to = to != null ? to : text(s, "to");
      category = category != null ? category : text(s, "category");
    } else {
      scope = text(body, "scope");
    }
    RecordPublicClaim.Draft d =
        new RecordPublicClaim.Draft(
            text(body, "claimant"),
            text(body, "statedAs"),
            count(body, "figure"),
            count(body, "lower"),
            count(body, "upper"),
            text(body, "claimedOn"),
            scope,
            place,
            from,
            to,
            category,
            text(body, "qualifier"),
            whole(body, "evidenceId"),
            text(body, "quote"));
    var r = call(() -> claims.record(d, who(ctx)));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("id", r.id());
    out.set("claim", json.valueToTree(caseFile.publicClaims().find(r.id()).orElseThrow()));
    if (r.logIndex() != null) {
      out.put("logIndex", r.logIndex());
    }
    out.put("recordLogIndex", r.recordIndex());
    ctx.status(201).json(out);
  }

  /** Runs a workflow call, turning its refusals into HTTP answers. */
  static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidInputException e) {
      throw HttpProblem.badRequest(e.getMessage());
    } catch (NoSuchElementException e) {
      throw HttpProblem.notFound(e.getMessage());
    } catch (EvidenceException e) {
      throw HttpProblem.unavailable(e.getMessage());
    }
  }

  private void requireIncident(long id) {
    if (caseFile.incidents().find(id).isEmpty()) {
      throw HttpProblem.notFound("there is no incident " + id);
    }
  }

  static String who(Context ctx) {
    return Access.principal(ctx).orElseThrow().recordedAs();
  }

  private JsonNode body(Context ctx) {
    return JsonFields.object(json, ctx);
  }

  /**
   * The draft a request describes. For a correction, {@code base} is the current version: a field
   * left out keeps its value, a field sent as null is cleared.
   */
  private static IncidentDraft draft(JsonNode b, IncidentDraft base) {
    boolean point = b.has("latitude") || b.has("longitude");
    return new IncidentDraft(
        pick(b, "title", base == null ? null : base.titleEn(), JsonFields::text),
        pick(b, "titleAr", base == null ? null : base.titleAr(), JsonFields::text),
        pick(b, "type", base == null ? null : base.type(), JsonFields::text),
        pick(b, "description", base == null ? null : base.description(), JsonFields::text),
        point ? null : pick(b, "place", base == null ? null : base.place(), JsonFields::text),
        number(b, "latitude"),
        number(b, "longitude"),
        text(b, "placeName"),
        count(b, "precisionM"),
        pick(b, "dateFrom", base == null ? null : base.dateFrom(), JsonFields::text),
        pick(b, "dateTo", base == null ? null : base.dateTo(), JsonFields::text),
        pick(b, "killedBest", base == null ? null : base.killedBest(), JsonFields::count),
        pick(b, "killedLow", base == null ? null : base.killedLow(), JsonFields::count),
        pick(b, "killedHigh", base == null ? null : base.killedHigh(), JsonFields::count),
        b.has("grade") ? text(b, "grade") : null,
        b.has("grade") ? text(b, "gradeReasons") : null,
        pick(b, "status", base == null ? null : base.status(), JsonFields::text));
  }
}
