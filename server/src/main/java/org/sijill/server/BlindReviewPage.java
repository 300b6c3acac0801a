package org.sijill.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.workflow.BlindReview;
import org.sijill.workflow.ReviewQueue;

/**
 * Blind double review ({@code /desk/review/blind}): the run's contested pairs without probability,
 * the run's verdict or anyone's decision; each reviewer decides every pair; Cohen's kappa of the
 * first two reviewers is shown, and {@code GET /api/review/agreement} gives it to scripts.
 */
final class BlindReviewPage {
  private final Desk desk;
  private final BlindReview blind;
  private final Templates templates;
  private final BiFunction<String, String, Chrome> chrome;

  BlindReviewPage(Desk desk, Templates templates, BiFunction<String, String, Chrome> chrome) {
    this.desk = desk;
    this.blind = new BlindReview(desk.caseFile);
    this.templates = templates;
    this.chrome = chrome;
  }

  void page(Context ctx) {
    Map<String, Object> params = params(ctx);
    params.put("chrome", chrome.apply("Blind review", "desk"));
    params.put("headers", DeskPages.headers(ctx));
    ctx.html(templates.render("deskBlindReview.jte", params));
  }

  /** A blind decision; answers with this reviewer's next pair. */
  void decide(Context ctx) {
    try {
      blind.decide(ctx.formParam("pairId"), ctx.formParam("decision"), Desk.who(ctx));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.html(templates.render("deskBlindPair.jte", params(ctx)));
  }

  record AgreementJson(int pairs, int agreed, Double kappa, List<String> disagreements) {}

  /** {@code GET /api/review/agreement}. */
  void agreement(Context ctx) {
    BlindReview.Agreement a = blind.agreement();
    ctx.json(new AgreementJson(a.pairs(), a.agreed(), a.kappa(), a.disagreements()));
  }

  private Map<String, Object> params(Context ctx) {
    LinkageRun run = desk.caseFile.linkageRuns().current().orElse(null);
    List<ReviewQueue.Pair> pairs =
        run == null ? List.of() : desk.reviewQueue.pairs(run.id(), Seen.by(ctx, desk.caseFile));
    List<ReviewQueue.Pair> left = blind.remaining(pairs, Desk.who(ctx));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("run", run);
    params.put("pair", left.isEmpty() ? null : ReviewRow.of(left.get(0)));
    params.put("remaining", left.size());
    params.put("total", pairs.size());
    params.put("agreement", blind.agreement());
    return params;
  }

  static String kappa(Double k) {
    return k == null ? "not yet defined" : String.format(java.util.Locale.ROOT, "%.2f", k);
  }
}
