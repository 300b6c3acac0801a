package org.sijill.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.sijill.casefile.model.LinkDecision;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.Person;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.workflow.RevisePerson;
import org.sijill.workflow.access.Visibility;

/**
 * A person of the current linkage run ({@code /persons/{id}}, {@code GET /api/persons/{id}}): all
 * its records across the lists, and the review decisions on them. A reviewer splits a record off
 * ({@code POST .../split}) or merges another person in ({@code POST .../merge}); both are stored as
 * review decisions that the next linkage run honours.
 */
final class PersonPage {
  private final Desk desk;
  private final RevisePerson revise;
  private final Templates templates;
  private final ObjectMapper json;
  private final BiFunction<String, String, Chrome> chrome;

  PersonPage(
      Desk desk,
      Templates templates,
      ObjectMapper json,
      BiFunction<String, String, Chrome> chrome) {
    this.desk = desk;
    this.revise = new RevisePerson(desk.caseFile);
    this.templates = templates;
    this.json = json;
    this.chrome = chrome;
  }

  /** One of the person's records as the asker may see it, with its match probability. */
  record RecordRow(VictimRecord record, Double probability) {}

  /**
   * A decision on one of the person's records.
   *
   * @param pending whether the current run was made before it (the next run applies it)
   */
  record DecisionRow(LinkDecision decision, String left, String right, boolean pending) {}

  /** Everything the page and the API show. */
  record View(
      LinkageRun run, Person person, List<RecordRow> records, List<DecisionRow> decisions) {}

  private View view(Context ctx) {
    long id = Params.id(ctx);
    LinkageRun run =
        desk.caseFile
            .linkageRuns()
            .current()
            .orElseThrow(() -> HttpProblem.notFound("the case has not been linked yet"));
    Visibility seen = Seen.by(ctx, desk.caseFile);
    Person person =
        desk.caseFile
            .persons()
            .find(run.id(), id)
            .map(seen::person)
            .orElseThrow(
                () ->
                    HttpProblem.notFound(
                        "linkage run " + run.id() + " (in force) has no person " + id));
    Set<Long> mine = new HashSet<>();
    person.records().forEach(r -> mine.add(r.victimId()));
    List<LinkDecision> decisions = new ArrayList<>();
    Set<Long> named = new HashSet<>(mine);
    for (LinkDecision d : desk.caseFile.linkDecisions().decisions()) {
      if (mine.contains(d.leftVictimId()) || mine.contains(d.rightVictimId())) {
        decisions.add(d);
        named.add(d.leftVictimId());
        named.add(d.rightVictimId());
      }
    }
    Map<Long, VictimRecord> records = new LinkedHashMap<>();
    desk.caseFile.victims().byIds(named).forEach((k, v) -> records.put(k, seen.victim(v)));
    List<RecordRow> rows = new ArrayList<>();
    for (Person.Record r : person.records()) {
      rows.add(new RecordRow(records.get(r.victimId()), r.probability()));
    }
    Set<Long> applied = new HashSet<>(run.decisionIds());
    List<DecisionRow> out = new ArrayList<>();
    for (int i = decisions.size() - 1; i >= 0; i--) { // newest first
      LinkDecision d = decisions.get(i);
      out.add(
          new DecisionRow(
              d,
              label(records.get(d.leftVictimId())),
              label(records.get(d.rightVictimId())),
              !applied.contains(d.id()) && d.recordedAt().isAfter(run.recordedAt())));
    }
    return new View(run, person, rows, out);
  }

  private static String label(VictimRecord r) {
    return r == null ? "?" : r.listName() + " / " + r.recordId();
  }

  void page(Context ctx) {
    View v = view(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Person " + v.person().id(), "desk"));
    params.put("csrf", DeskPages.csrf(ctx));
    params.put("view", v);
    ctx.html(templates.render("person.jte", params));
  }

  /** {@code POST /persons/{id}/split} (form {@code victimId}): back to the page. */
  void splitForm(Context ctx) {
    long id = Params.id(ctx);
    long victim = Params.positive(field(ctx, "victimId"), "victimId");
    try {
      revise.splitOff(id, victim, Desk.who(ctx));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.redirect("/persons/" + id + "#person-decisions", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /persons/{id}/merge} (form {@code otherPerson}): back to the page. */
  void mergeForm(Context ctx) {
    long id = Params.id(ctx);
    long other = Params.positive(field(ctx, "otherPerson"), "otherPerson");
    try {
      revise.merge(id, other, Desk.who(ctx));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.redirect("/persons/" + id + "#person-decisions", HttpStatus.SEE_OTHER);
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank()) {
      throw HttpProblem.badRequest("the form field '" + name + "' is missing");
    }
    return v;
  }

  record RecordJson(Map<String, Object> record, Double probability) {}

  record DecisionJson(
      long id,
      long leftVictimId,
      long rightVictimId,
      String decision,
      String decidedBy,
      String origin,
      String recordedAt,
      boolean pending) {}

  record PersonJson(
      long id,
      String displayName,
      long linkageRun,
      List<RecordJson> records,
      List<DecisionJson> decisions) {}

  /** {@code GET /api/persons/{id}}: the person of the current run, its records and decisions. */
  void get(Context ctx) {
    View v = view(ctx);
    List<RecordJson> records = new ArrayList<>();
    v.records()
        .forEach(r -> records.add(new RecordJson(DeskApi.record(r.record()), r.probability())));
    List<DecisionJson> decisions = new ArrayList<>();
    for (DecisionRow r : v.decisions()) {
      LinkDecision d = r.decision();
      decisions.add(
          new DecisionJson(
              d.id(),
              d.leftVictimId(),
              d.rightVictimId(),
              d.decision(),
              d.decidedBy(),
              d.origin(),
              d.recordedAt().toString(),
              r.pending()));
    }
    ctx.json(
        new PersonJson(
            v.person().id(), v.person().displayName(), v.run().id(), records, decisions));
  }

  record RevisionJson(long person, long linkageRun, List<Long> decisionIds) {}

  /** {@code POST /api/persons/{id}/split} {@code {"victimId": N}} → 201. */
  void splitApi(Context ctx) {
    long id = Params.id(ctx);
    long victim = number(ctx, "victimId");
    try {
      RevisePerson.Result r = revise.splitOff(id, victim, Desk.who(ctx));
      ctx.status(201).json(new RevisionJson(id, r.run(), r.decisionIds()));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
  }

  /** {@code POST /api/persons/{id}/merge} {@code {"otherPerson": N}} → 201. */
  void mergeApi(Context ctx) {
    long id = Params.id(ctx);
    long other = number(ctx, "otherPerson");
    try {
      RevisePerson.Result r = revise.merge(id, other, Desk.who(ctx));
      ctx.status(201).json(new RevisionJson(id, r.run(), r.decisionIds()));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
  }

  private long number(Context ctx, String field) {
    JsonNode root;
    try {
      root = json.readTree(ctx.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw HttpProblem.badRequest("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null
        || !root.path(field).canConvertToExactIntegral()
        || root.get(field).asLong() < 1) {
      throw HttpProblem.badRequest("the body must be {\"" + field + "\": a positive whole number}");
    }
    return root.get(field).asLong();
  }
}
