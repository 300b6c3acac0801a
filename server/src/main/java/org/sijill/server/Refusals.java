package org.sijill.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How refusals and failures are answered: JSON ({@code {"error","message"}}) under {@code /api/},
 * an HTML page elsewhere, plain text to a request for a name this server does not answer to.
 */
final class Refusals {
  private static final Logger LOG = LoggerFactory.getLogger(SijillServer.class);

  /** Marks a request already answered with a refusal, so the 404 fallback leaves it alone. */
  private static final String REFUSED = "sijill.refused";

  /** The JSON body of every API refusal, in this field order. */
  record ErrorJson(String error, String message) {}

  private Refusals() {}

  /**
   * Refusals and failures: JSON under {@code /api/}, an HTML page elsewhere. An unexpected error is
   * logged with its cause and answered without one, so no stack trace reaches a browser.
   */
  static void register(JavalinConfig cfg, Pages pages) {
    cfg.routes.exception(
        HttpProblem.class,
        (e, ctx) -> {
          if (e.location() != null) {
            ctx.attribute(REFUSED, Boolean.TRUE);
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(e.location(), io.javalin.http.HttpStatus.SEE_OTHER);
          } else {
            if (e.retryAfterSeconds() > 0) {
              ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            refuse(ctx, pages, e.status(), e.code(), e.getMessage());
          }
        });
    cfg.routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (HttpProblem.poolExhausted(e)) {
            // Overload, not a fault: say so, and when to come back (issue 16: 503, not 500).
            LOG.warn(
                "{} {}: no database connection free: {}", ctx.method(), ctx.path(), e.getMessage());
            HttpProblem busy = HttpProblem.busy(SijillServer.BUSY_RETRY_SECONDS);
            ctx.header("Retry-After", Long.toString(busy.retryAfterSeconds()));
            refuse(ctx, pages, busy.status(), busy.code(), busy.getMessage());
            return;
          }
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          refuse(ctx, pages, 500, "server_error", "Something went wrong on the server.");
        });
    cfg.routes.error(
        404,
        ctx -> {
          if (ctx.attribute(REFUSED) == null) {
            refuse(ctx, pages, 404, "not_found", "There is no page at " + ctx.path() + ".");
          }
        });
  }

  private static void refuse(Context ctx, Pages pages, int status, String code, String message) {
    ctx.attribute(REFUSED, Boolean.TRUE);
    ctx.header("Cache-Control", "no-store");
    ctx.status(status);
    if (status == 421) {
      // Not this server's name: say nothing about the case (not even whether it is a demo).
      ctx.contentType("text/plain; charset=utf-8").result(message);
      return;
    }
    if (ctx.path().startsWith("/api/")) {
      ctx.json(new ErrorJson(code, message));
    } else {
      ctx.html(pages.problem(status, message));
    }
  }
}
