package org.sijill.server;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sijill.casefile.repo.Page;
import org.sijill.workflow.audit.AuditTrail;

/**
 * The audit trail for administrators: {@code GET /admin/audit} (a page) and {@code GET /api/audit}
 * (the same rows as JSON), filtered by who ({@code who}), kind ({@code kind}), item ({@code item},
 * {@code TYPE:ID} or an id) and period ({@code since}, {@code until}: days, UTC, both included),
 * all in the URL, paged ({@code page}, {@code size}), newest first.
 */
final class AuditPages {
  private final Templates templates;
  private final AccountPages.ChromeFactory chrome;
  private final AuditTrail audit;

  AuditPages(Templates templates, AccountPages.ChromeFactory chrome, AuditTrail audit) {
    this.templates = templates;
    this.chrome = chrome;
    this.audit = audit;
  }

  /** The filters of a request, as given (for the form and the page links). */
  record Filters(String who, String kind, String item, String since, String until) {
    /** The query string that repeats these filters (without page), starting with "&" or empty. */
    String query() {
      StringBuilder b = new StringBuilder();
      add(b, "who", who);
      add(b, "kind", kind);
      add(b, "item", item);
      add(b, "since", since);
      add(b, "until", until);
      return b.toString();
    }

    private static void add(StringBuilder b, String name, String value) {
      if (value != null && !value.isBlank()) {
        b.append('&')
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
  }

  void page(Context ctx) {
    Filters f = filters(ctx);
    Page<AuditTrail.Row> rows = rows(ctx, f);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Audit trail", "admin"));
    params.put("rows", rows);
    params.put("filters", f);
    params.put(
        "kinds",
        java.util.Arrays.stream(AuditTrail.Kind.values()).map(AuditTrail.Kind::db).toList());
    ctx.html(templates.render("audit.jte", params));
  }

  void api(Context ctx) {
    ctx.json(Api.PageJson.of(rows(ctx, filters(ctx))));
  }

  private static Filters filters(Context ctx) {
    return new Filters(
        ctx.queryParam("who"),
        ctx.queryParam("kind"),
        ctx.queryParam("item"),
        ctx.queryParam("since"),
        ctx.queryParam("until"));
  }

  private Page<AuditTrail.Row> rows(Context ctx, Filters f) {
    Params.Paging p = Params.paging(ctx);
    AuditTrail.Kind kind = null;
    if (f.kind() != null && !f.kind().isBlank()) {
      kind = AuditTrail.Kind.parse(f.kind());
      if (kind == null) {
        throw HttpProblem.badRequest(
            "kind: one of read, export, login_failed, admin, throttled, second_factor (not '"
                + f.kind()
                + "')");
      }
    }
    if (f.item() != null && f.item().length() > 200) {
      throw HttpProblem.badRequest("item: at most 200 characters");
    }
    Page<AuditTrail.Row> rows =
        audit.list(
            new AuditTrail.Query(
                f.who(),
                kind,
                f.item(),
                day(f.since(), "since"),
                day(f.until(), "until"),
                p.page(),
                p.size()));
    return Params.within(rows);
  }

  private static LocalDate day(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest(name + ": a day as YYYY-MM-DD (not '" + raw + "')");
    }
  }
}
