package org.sijill.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.workflow.CountingException;
import org.sijill.workflow.DeskJobs;
import org.sijill.workflow.ImportList;
import org.sijill.workflow.ReviewQueue;
import org.sijill.workflow.StartEstimation;
import org.sijill.workflow.StartLinkage;

/**
 * The counting desk's API (ARCHITECTURE.md, "Desk API"): lists in, linkage runs as background jobs,
 * the review pairs and decisions. Each handler reads the request, calls the workflow and writes its
 * JSON; the rules live in {@code org.sijill.workflow}.
 */
final class DeskApi {
  private final Desk desk;
  private final ObjectMapper json;

  DeskApi(Desk desk, ObjectMapper json) {
    this.desk = desk;
    this.json = json;
  }

  /** The refusal of a list: what went wrong, line by line, and nothing stored. */
  record ListRefusal(String error, String message, List<String> problems) {}

  record ListCreated(long id, int records) {}

  /** {@code POST /api/lists}: multipart {@code file}, {@code source}, {@code encoding}. */
  void uploadList(Context ctx) {
    ImportList.Result r = desk.importUpload(ctx, Desk.who(ctx));
    if (r instanceof ImportList.Imported i) {
      ctx.status(201).json(new ListCreated(i.importId(), i.records()));
    } else {
      ctx.status(400).json(refusal(r));
    }
  }

  static ListRefusal refusal(ImportList.Result r) {
    if (r instanceof ImportList.Refused f) {
      List<String> lines = f.problems().stream().map(Object::toString).toList();
      return new ListRefusal(
          "list_refused",
          "the list was not stored: "
              + lines.size()
              + (f.moreNotShown() ? " or more" : "")
              + " problem"
              + (lines.size() == 1 ? "" : "s")
              + (f.moreNotShown() ? " (the first are shown)" : ""),
          lines);
    }
    ListImport e = ((ImportList.AlreadyImported) r).earlier();
    String line =
        "this file was imported before, as import "
            + e.id()
            + " ("
            + e.fileName()
            + ", list "
            + e.listName()
            + ", "
            + e.recordedAt()
            + " by "
            + e.recordedBy()
            + "); it was not stored again";
    return new ListRefusal("already_imported", line, List.of(line));
  }

  /** {@code GET /api/lists}: the case's lists, their sizes, dates of death and overlaps. */
  void lists(Context ctx) {
    ctx.json(desk.caseLists.summary());
  }

  /** {@code POST /api/linkage-runs} {@code {"settings": {...}}} (optional) → 202. */
  void startLinkage(Context ctx) {
    String settings = null;
    String body = ctx.body();
    if (body != null && !body.isBlank()) {
      JsonNode root;
      try {
        root = json.readTree(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw HttpProblem.badRequest("the body is not JSON: " + e.getOriginalMessage());
      }
      if (root != null && root.hasNonNull("settings")) {
        if (!root.get("settings").isObject()) {
          throw HttpProblem.badRequest("settings must be a JSON object");
        }
        settings = root.get("settings").toString();
      }
    }
    DeskJobs.Job job;
    try {
      job = desk.startLinkage.start(settings, Desk.who(ctx));
    } catch (CountingException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.status(202).json(JobJson.of(job));
  }

  /**
   * The job the path names, if it is of {@code kind}; else 404 naming {@code what} it looked for.
   */
  private DeskJobs.Job job(Context ctx, String kind, String what) {
    long id = Params.id(ctx);
    return desk.jobs
        .find(id)
        .filter(j -> j.kind().equals(kind))
        .orElseThrow(() -> HttpProblem.notFound("there is no " + what + " job " + id));
  }

  /** {@code GET /api/linkage-runs/{id}}: a linkage job as it stands. */
  void linkageRun(Context ctx) {
    ctx.json(JobJson.of(job(ctx, StartLinkage.KIND, "linkage")));
  }

  /**
   * A job as the API shows it.
   *
   * @param run the stored linkage run, once done
   */
  record JobJson(
      long id, String status, Double progress, Integer persons, String message, Long run) {
    static JobJson of(DeskJobs.Job j) {
      return new JobJson(
          j.id(),
          j.status().key(),
          j.progress() < 0 ? null : j.progress(),
          j.persons(),
          j.message(),
          j.resultId());
    }
  }

  /** {@code POST /api/estimate-runs} {@code {"strata": ["governorate", ...]}} (optional) → 202. */
  void startEstimation(Context ctx) {
    List<String> strata = new java.util.ArrayList<>();
    String body = ctx.body();
    if (body != null && !body.isBlank()) {
      JsonNode root;
      try {
        root = json.readTree(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw HttpProblem.badRequest("the body is not JSON: " + e.getOriginalMessage());
      }
      JsonNode s = root == null ? null : root.get("strata");
      if (s != null && !s.isNull()) {
        if (!s.isArray()) {
          throw HttpProblem.badRequest("strata must be a list of column names");
        }
        for (JsonNode n : s) {
          if (!n.isTextual()) {
            throw HttpProblem.badRequest("strata must be a list of column names");
          }
          strata.add(n.asText());
        }
      }
    }
    DeskJobs.Job job;
    try {
      job = desk.startEstimation.start(strata, Desk.who(ctx));
    } catch (CountingException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.status(202).json(EstimationJobJson.of(job));
  }

  /** {@code GET /api/estimate-runs/{id}}: an estimation job as it stands. */
  void estimationRun(Context ctx) {
    ctx.json(EstimationJobJson.of(job(ctx, StartEstimation.KIND, "estimation")));
  }

  /**
   * An estimation job as the API shows it.
   *
   * @param estimation the stored estimation, once done (its estimates are in /api/estimates)
   */
  record EstimationJobJson(
      long id, String status, Double progress, String message, Long estimation) {
    static EstimationJobJson of(DeskJobs.Job j) {
      return new EstimationJobJson(
          j.id(),
          j.status().key(),
          j.progress() < 0 ? null : j.progress(),
          j.message(),
          j.resultId());
    }
  }

  /** {@code GET /api/review/pairs?run=ID}: the run's contested pairs (default: current run). */
  void reviewPairs(Context ctx) {
    long run = run(ctx);
    List<PairJson> out =
        desk.reviewQueue.pairs(run, Seen.by(ctx, desk.caseFile)).stream()
            .map(DeskApi::pairJson)
            .toList();
    ctx.json(out);
  }

  long run(Context ctx) {
    String raw = ctx.queryParam("run");
    if (raw == null || raw.isBlank()) {
      return desk.caseFile
          .linkageRuns()
          .current()
          .map(LinkageRun::id)
          .orElseThrow(() -> HttpProblem.notFound("the case has not been linked yet"));
    }
    long id = Params.positive(raw, "run");
    return desk.caseFile
        .linkageRuns()
        .find(id)
        .map(LinkageRun::id)
        .orElseThrow(() -> HttpProblem.notFound("there is no linkage run " + id));
  }

  record PairJson(
      String pairId,
      Map<String, Object> left,
      Map<String, Object> right,
      double probability,
      boolean sameInRun,
      String decision,
      String decidedBy) {}

  static PairJson pairJson(ReviewQueue.Pair p) {
    return new PairJson(
        p.pairId(),
        record(p.left()),
        record(p.right()),
        p.probability(),
        p.sameInRun(),
        p.decision(),
        p.decidedBy());
  }

  /** A record by the canonical column names of a victim list, with its list. */
  static Map<String, Object> record(VictimRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("list", r.listName());
    m.put("record_id", r.recordId());
    m.put("line", r.lineNumber());
    m.put("full_name", r.fullName());
    m.put("given_name", r.givenName());
    m.put("father_name", r.fatherName());
    m.put("mother_name", r.motherName());
    m.put("family_name", r.familyName());
    m.put("sex", r.sex());
    m.put("age", r.age());
    m.put("age_group", r.ageGroup());
    m.put("date_of_death", r.dateOfDeath());
    m.put("place_of_death", r.placeOfDeath());
    m.put("governorate", r.governorate());
    m.put("status", r.status());
    m.put("cause", r.cause());
    return m;
  }

  record DecisionBody(String pairId, String decision) {}

  record DecisionJson(long id, String pairId, String decision, String decidedBy) {}

  /** {@code POST /api/review/decisions} {@code {"pairId", "decision"}} → 201. */
  void decide(Context ctx) {
    DecisionBody b;
    try {
      b = json.readValue(ctx.body(), DecisionBody.class);
    } catch (java.io.IOException e) {
      throw HttpProblem.badRequest("the body must be {\"pairId\": ..., \"decision\": ...}");
    }
    if (b == null) {
      throw HttpProblem.badRequest("the body must be {\"pairId\": ..., \"decision\": ...}");
    }
    ctx.status(201).json(decide(b.pairId(), b.decision(), Desk.who(ctx), "api"));
  }

  DecisionJson decide(String pairId, String decision, String by, String origin) {
    try {
      long[] ids = ReviewQueue.parsePairId(pairId);
      long id = desk.recordDecisions.one(ids[0], ids[1], decision, origin, by);
      return new DecisionJson(id, ReviewQueue.pairId(ids[0], ids[1]), decision, by);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
  }
}
