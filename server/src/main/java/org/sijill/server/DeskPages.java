package org.sijill.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.workflow.CountingException;
import org.sijill.workflow.DeskJobs;
import org.sijill.workflow.ImportList;
import org.sijill.workflow.ReviewQueue;
import org.sijill.workflow.StartLinkage;
import org.sijill.workflow.VictimListSettings;
import org.sijill.workflow.accounts.Principal;

/**
 * The counting desk's pages: lists in ({@code /desk/lists}), linking as a job ({@code
 * /desk/linking}) and the review desk ({@code /desk/review}). Forms post with htmx and get back the
 * part of the page they change; every request carries the session's CSRF token in a header (set
 * once on the desk's container).
 */
final class DeskPages {
  private final Desk desk;
  private final DeskApi api;
  private final Templates templates;
  private final BiFunction<String, String, Chrome> chrome;
  private final com.fasterxml.jackson.databind.ObjectMapper json = Json.mapper();

  DeskPages(
      Desk desk, DeskApi api, Templates templates, BiFunction<String, String, Chrome> chrome) {
    this.desk = desk;
    this.api = api;
    this.templates = templates;
    this.chrome = chrome;
  }

  /** The htmx headers every desk request sends: the session's CSRF token. */
  static String headers(Context ctx) {
    return "{\"X-CSRF-Token\": \"" + csrf(ctx) + "\"}";
  }

  static String csrf(Context ctx) {
    return Access.principal(ctx).map(Principal::csrf).filter(c -> c != null).orElse("");
  }

  void lists(Context ctx) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Lists", "desk"));
    params.put("headers", headers(ctx));
    params.put("summary", desk.caseLists.summary());
    params.put("result", null);
    ctx.html(templates.render("deskLists.jte", params));
  }

  /** An upload: the import's outcome above the lists as they now stand. */
  void uploadList(Context ctx) {
    ImportList.Result r = desk.importUpload(ctx, Desk.who(ctx));
    Labels t = Labels.of(templates.language().language());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("summary", desk.caseLists.summary());
    params.put(
        "result",
        r instanceof ImportList.Imported i
            ? new UploadResult(
                true, t.get("desk.lists.imported", i.records(), i.list(), i.importId()), List.of())
            : new UploadResult(false, DeskApi.refusal(r).message(), DeskApi.refusal(r).problems()));
    if (!(r instanceof ImportList.Imported)) {
      ctx.status(200); // htmx swaps only 2xx answers; the refusal is the content
    }
    ctx.html(templates.render("deskListsRegion.jte", params));
  }

  /** What an upload did, for the page. */
  record UploadResult(boolean stored, String message, List<String> problems) {}

  void linking(Context ctx) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Linking", "desk"));
    params.put("headers", headers(ctx));
    params.put("settings", VictimListSettings.json());
    params.put("jobs", desk.jobs.recent(StartLinkage.KIND, 10));
    params.put("current", desk.caseFile.linkageRuns().current().orElse(null));
    ctx.html(templates.render("deskLinking.jte", params));
  }

  void startLinkage(Context ctx) {
    DeskJobs.Job job;
    try {
      job = desk.startLinkage.start(ctx.formParam("settings"), Desk.who(ctx));
    } catch (CountingException e) {
      ctx.html(templates.render("deskJobRefused.jte", Map.of("message", e.getMessage())));
      return;
    }
    ctx.html(templates.render("deskJob.jte", Map.of("job", job)));
  }

  void linkageJob(Context ctx) {
    long id = Params.id(ctx);
    DeskJobs.Job job =
        desk.jobs
            .find(id)
            .filter(j -> j.kind().equals(StartLinkage.KIND))
            .orElseThrow(() -> HttpProblem.notFound("There is no linkage job " + id + "."));
    ctx.html(templates.render("deskJob.jte", Map.of("job", job)));
  }

  void review(Context ctx) {
    Map<String, Object> params = reviewParams(ctx);
    params.put("chrome", chrome.apply("Review", "desk"));
    params.put("headers", headers(ctx));
    ctx.html(templates.render("deskReview.jte", params));
  }

  /** A decision from the review desk; answers with the next pair. */
  void decide(Context ctx) {
    api.decide(ctx.formParam("pairId"), ctx.formParam("decision"), Desk.who(ctx), "review desk");
    ctx.html(templates.render("deskReviewPair.jte", reviewParams(ctx)));
  }

  /** The pair's match weight field by field; null when its values cannot be read (sealed). */
  private WaterfallView waterfall(LinkageRun run, ReviewQueue.Pair pair) {
    try {
      // The records as the queue gave them, so the waterfall shows no more than the pair does.
      return WaterfallView.of(desk.explainPair.explain(run, pair.left(), pair.right()), json);
    } catch (CountingException e) {
      return null;
    }
  }

  /** The current run, its next undecided pair (the run's order), and how many are left. */
  private Map<String, Object> reviewParams(Context ctx) {
    LinkageRun run = desk.caseFile.linkageRuns().current().orElse(null);
    ReviewQueue.Next queue =
        run == null
            ? new ReviewQueue.Next(null, 0, 0)
            : desk.reviewQueue.next(run.id(), Seen.by(ctx, desk.caseFile));
    ReviewQueue.Pair next = queue.pair();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("run", run);
    params.put("pair", next == null ? null : ReviewRow.of(next));
    params.put("waterfall", next == null ? null : waterfall(run, next));
    // The persons the run made of the pair's records, for links to their person pages.
    Map<Long, Long> persons =
        next == null
            ? Map.of()
            : desk.caseFile
                .linkageRuns()
                .personsOf(run.id(), List.of(next.left().id(), next.right().id()));
    params.put("leftPerson", next == null ? null : persons.get(next.left().id()));
    params.put("rightPerson", next == null ? null : persons.get(next.right().id()));
    params.put("decided", queue.decided());
    params.put("total", queue.total());
    return params;
  }
}
