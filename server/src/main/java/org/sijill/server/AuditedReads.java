package org.sijill.server;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Map;
import org.sijill.workflow.OpenOriginal;
import org.sijill.workflow.accounts.Principal;
import org.sijill.workflow.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every successful read of one item — its page, its API record, its custody, its original —
 * in the audit trail (who, when, which item, how, from which address). Reading an evidence item's
 * page or record also writes a {@code viewed} event into the vault's custody log (opening its
 * original already does, in {@link OpenOriginal}), so the chain of custody shows everyone who
 * looked.
 *
 * <p>Runs after the route's handler and before the answer leaves: when the custody log cannot take
 * the event, the answer is replaced by a 503, so no evidence page is shown unrecorded.
 */
final class AuditedReads {
  private static final Logger LOG = LoggerFactory.getLogger(AuditedReads.class);

  /** What a read route shows: the item's type, and how it was read. */
  record Item(String type, String how, boolean custody) {}

  /** The single-item read routes, by "METHOD path" as registered. */
  static final Map<String, Item> ROUTES =
      Map.ofEntries(
          Map.entry("GET /evidence/{id}", new Item("evidence", "page", true)),
          Map.entry("GET /api/evidence/{id}", new Item("evidence", "api", true)),
          Map.entry("GET /api/evidence/{id}/custody", new Item("evidence", "api custody", true)),
          Map.entry("GET /evidence/{id}/original", new Item("evidence", "original", false)),
          Map.entry("GET /api/evidence/{id}/original", new Item("evidence", "original", false)),
          Map.entry(
              "GET /api/evidence/{id}/assessments", new Item("evidence", "api assessments", false)),
          Map.entry(
              "GET /api/evidence/{id}/verification",
              new Item("evidence", "api verification", false)),
          Map.entry("GET /evidence/{id}/assess", new Item("evidence", "assessment form", false)),
          Map.entry("GET /assessments/{id}", new Item("assessment", "page", false)),
          Map.entry("GET /api/assessments/{id}", new Item("assessment", "api", false)),
          Map.entry("GET /incidents/{id}", new Item("incident", "page", false)),
          Map.entry("GET /api/incidents/{id}", new Item("incident", "api", false)),
          Map.entry("GET /api/incidents/{id}/history", new Item("incident", "api history", false)),
          Map.entry("GET /api/sources/{id}", new Item("source", "api", false)));

  private final AuditTrail audit;
  private final OpenOriginal originals;

  /**
   * @param originals the vault's way to log a viewing, or null when the server has no vault (then
   *     only the audit trail records the read)
   */
  AuditedReads(AuditTrail audit, OpenOriginal originals) {
    this.audit = audit;
    this.originals = originals;
  }

  void after(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null) {
      return;
    }
    Item item = ROUTES.get(Access.key(endpoint.method, endpoint.path));
    int status = ctx.status().getCode();
    if (item == null || status < 200 || status > 299) {
      return;
    }
    String range = ctx.header("Range");
    if (range != null && !range.replace(" ", "").startsWith("bytes=0-")) {
      return; // a later piece of a viewing already recorded
    }
    String id = ctx.pathParam("id");
    String who = Access.principal(ctx).map(Principal::recordedAs).orElse("anonymous (demo)");
    String how = item.how() + ("1".equals(ctx.queryParam("download")) ? " download" : "");
    try {
      if (item.custody() && originals != null) {
        originals.recordView(Long.parseLong(id), who, how);
      }
      audit.read(who, item.type(), id, how, ctx.ip());
    } catch (RuntimeException e) {
      if (HttpProblem.poolExhausted(e)) {
        throw HttpProblem.busy(SijillServer.BUSY_RETRY_SECONDS);
      }
      LOG.error("cannot record the read of {} {} by {}", item.type(), id, who, e);
      throw HttpProblem.unavailable(
          "This read could not be recorded in the audit trail, so it is not shown.");
    }
  }
}
