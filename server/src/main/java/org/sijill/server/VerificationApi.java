package org.sijill.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Verification;
import org.sijill.casefile.model.VerificationQueueItem;
import org.sijill.casefile.model.VerificationStep;
import org.sijill.workflow.EvidenceException;
import org.sijill.workflow.VerificationDraft;
import org.sijill.workflow.VerificationException;
import org.sijill.workflow.VerificationState;
import org.sijill.workflow.VerifyEvidence;

/**
 * The verification desk's API (ARCHITECTURE.md, "Desk API"): an item's verification records and
 * status, saving a record, assigning an item, reviewing a record, and the queues. The rules (four
 * eyes, the lock on finalised records) live in {@link VerifyEvidence}; this class reads requests,
 * calls it and writes JSON.
 */
final class VerificationApi {
  private final CaseFile caseFile;
  private final VerifyEvidence verify;
  private final ObjectMapper json;

  VerificationApi(CaseFile caseFile, VerifyEvidence verify, ObjectMapper json) {
    this.caseFile = caseFile;
    this.verify = verify;
    this.json = json;
  }

  /**
   * Refuses a step on an item whose identifying details this request may not see: one cannot assess
   * or review what one is not shown.
   */
  static void requireSees(Context ctx, CaseFile caseFile, long evidenceId) {
    if (!Seen.by(ctx, caseFile).seesEvidence(evidenceId)) {
      throw HttpProblem.forbidden(
          "evidence item " + evidenceId + " is restricted to access groups you are not in");
    }
  }

  /** One version of a verification record. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RecordJson(
      long id,
      long evidenceId,
      int version,
      String judgement,
      String reasons,
      @JsonRawValue String strands,
      Sensitivity sensitivity,
      Long supersedes,
      String reason,
      String recordSha256,
      String author,
      Instant recordedAt) {
    static RecordJson of(Verification v) {
      return new RecordJson(
          v.id(),
          v.evidenceId(),
          v.version(),
          v.judgement(),
          v.reasons(),
          v.strands(),
          new Sensitivity(v.graphic(), v.personalInfo()),
          v.supersedes(),
          v.changeReason(),
          v.recordSha256(),
          v.recordedBy(),
          v.recordedAt());
    }
  }

  record Sensitivity(boolean graphic, boolean personalInfo) {}

  record StepJson(
      String status, Long assessment, String assignee, String comment, String by, Instant at) {
    static StepJson of(VerificationStep s) {
      return new StepJson(
          s.status(),
          s.verificationId(),
          s.assignee(),
          s.comment(),
          s.recordedBy(),
          s.recordedAt());
    }
  }

  record StateJson(
      long evidenceId,
      String status,
      String assignee,
      Long latest,
      Long inForce,
      boolean locked,
      List<StepJson> history) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SavedJson(Long id, Integer version, String status, String assignee) {
    static SavedJson of(VerifyEvidence.Saved s) {
      return new SavedJson(s.id(), s.version(), s.status(), s.assignee());
    }
  }

  /**
   * {@code POST /api/evidence/{id}/assessments}: a new version, for review unless "submit": false.
   */
  void create(Context ctx) {
    long id = Params.id(ctx);
    JsonNode body = body(ctx);
    requireSees(ctx, caseFile, id);
    VerificationDraft draft = call(() -> VerificationDraft.parse(body));
    boolean submit = !body.has("submit") || body.get("submit").asBoolean(true);
    String reason = body.hasNonNull("reason") ? body.get("reason").asText() : null;
    VerifyEvidence.Saved saved =
        call(() -> vault().assess(id, draft, submit, reason, Desk.who(ctx)));
    ctx.status(201).json(SavedJson.of(saved));
  }

  /** {@code GET /api/evidence/{id}/assessments}: every version, oldest first. */
  void list(Context ctx) {
    long id = Params.id(ctx);
    Params.Paging p = Params.paging(ctx);
    List<RecordJson> all =
        call(() -> reader().state(id)).visibleTo(Seen.by(ctx, caseFile)).versions().stream()
            .map(RecordJson::of)
            .toList();
    ctx.json(Api.PageJson.slice(all, p));
  }

  /** {@code GET /api/evidence/{id}/verification}: status, assignee and the history of steps. */
  void state(Context ctx) {
    long id = Params.id(ctx);
    VerificationState st = call(() -> reader().state(id)).visibleTo(Seen.by(ctx, caseFile));
    ctx.json(
        new StateJson(
            id,
            st.status(),
            st.assignee(),
            st.latest() == null ? null : st.latest().id(),
            st.inForce() == null ? null : st.inForce().id(),
            st.locked(),
            st.steps().stream().map(StepJson::of).toList()));
  }

  /** {@code GET /api/assessments/{id}}: one version. */
  void one(Context ctx) {
    long id = Params.id(ctx);
    Verification v =
        reader()
            .find(id)
            .orElseThrow(() -> HttpProblem.notFound("there is no verification record " + id));
    ctx.json(
        RecordJson.of(
            Seen.by(ctx, caseFile).seesEvidence(v.evidenceId())
                ? v
                : VerificationState.withheld(v)));
  }

  /** {@code POST /api/evidence/{id}/assign} {@code {"assignee": "name"}}. */
  void assign(Context ctx) {
    long id = Params.id(ctx);
    JsonNode body = body(ctx);
    String assignee = body.hasNonNull("assignee") ? body.get("assignee").asText() : null;
    if (assignee == null || assignee.isBlank()) {
      throw HttpProblem.badRequest("assignee: missing (the username of an analyst)");
    }
    requireSees(ctx, caseFile, id);
    ctx.json(SavedJson.of(call(() -> vault().assign(id, assignee, Desk.who(ctx)))));
  }

  /** {@code POST /api/assessments/{id}/review} {@code {"action": "approve|return", "comment"}}. */
  void review(Context ctx) {
    long id = Params.id(ctx);
    JsonNode body = body(ctx);
    VerifyEvidence.Action action =
        action(body.hasNonNull("action") ? body.get("action").asText() : null);
    String comment = body.hasNonNull("comment") ? body.get("comment").asText() : null;
    reader().find(id).ifPresent(v -> requireSees(ctx, caseFile, v.evidenceId()));
    ctx.json(SavedJson.of(call(() -> vault().review(id, action, comment, Desk.who(ctx)))));
  }

  /** {@code GET /api/verification/queue?list=mine|review|new|finalised}. */
  void queue(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    String list = ctx.queryParam("list") == null ? "mine" : ctx.queryParam("list");
    List<VerificationQueueItem> items =
        switch (list) {
          case "mine" -> reader().mine(Desk.who(ctx));
          case "review" -> reader().waitingForReview();
          case "new" -> reader().untouched(Params.MAX_SIZE * 20);
          case "finalised" -> reader().finalised();
          default ->
              throw HttpProblem.badRequest(
                  "list must be mine, review, new or finalised, not '" + clip(list) + "'");
        };
    ctx.json(Api.PageJson.slice(VerificationState.visibleTo(items, Seen.by(ctx, caseFile)), p));
  }

  static VerifyEvidence.Action action(String raw) {
    if (raw != null) {
      switch (raw.strip().toLowerCase(Locale.ROOT)) {
        case "approve":
          return VerifyEvidence.Action.APPROVE;
        case "return":
          return VerifyEvidence.Action.RETURN;
        default:
          break;
      }
    }
    throw HttpProblem.badRequest(
        "action must be approve or return, not '" + (raw == null ? "" : clip(raw)) + "'");
  }

  private JsonNode body(Context ctx) {
    return JsonFields.object(json, ctx);
  }

  private VerifyEvidence reader() {
    return verify;
  }

  private VerifyEvidence vault() {
    return verify;
  }

  /** Runs a workflow step, turning its refusals into the API's answers. */
  static <T> T call(Supplier<T> step) {
    try {
      return step.get();
    } catch (VerificationException e) {
      throw problem(e);
    } catch (EvidenceException e) {
      throw HttpProblem.unavailable(e.getMessage());
    }
  }

  /** The answer to a refused step: 400, 404, 409, or 403 for four eyes. */
  static HttpProblem problem(VerificationException e) {
    return switch (e.kind()) {
      case INVALID -> HttpProblem.badRequest(e.getMessage());
      case NOT_FOUND -> HttpProblem.notFound(e.getMessage());
      case CONFLICT -> HttpProblem.conflict(e.getMessage());
      case FOUR_EYES -> HttpProblem.forbidden(e.getMessage());
    };
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
