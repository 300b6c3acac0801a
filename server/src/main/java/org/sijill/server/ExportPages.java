package org.sijill.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.EvidenceException;
import org.sijill.workflow.ExportPackages;
import org.sijill.workflow.accounts.Principal;

/**
 * The export page ({@code /exports}): a reviewer or an admin asks for an evidence package, which is
 * built in the background and then offered for download. Only an admin may take the full
 * (unredacted) package; a reviewer gets the redacted one for partners (a full request from a
 * reviewer is refused with 403 and audited). Each export and each download is in the audit trail.
 */
final class ExportPages {
  private final Templates templates;
  private final AccountPages.ChromeFactory chrome;
  private final ExportPackages packages;

  /** {@code packages} is null when the server has no vault: then requests are answered 503. */
  ExportPages(Templates templates, AccountPages.ChromeFactory chrome, ExportPackages packages) {
    this.templates = templates;
    this.chrome = chrome;
    this.packages = packages;
  }

  void page(Context ctx) {
    render(ctx, 200, null);
  }

  void start(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    String kind = ctx.formParam("kind");
    if (!"full".equals(kind) && !"redacted".equals(kind)) {
      throw HttpProblem.badRequest("kind: full or redacted");
    }
    boolean admin = p.role() == Role.ADMIN;
    if ("full".equals(kind) && !admin) {
      // Refused (and audited) by the workflow's rule; answered as a refusal of the role.
      try {
        vault().start(p.recordedAs(), false, true, ctx.ip());
      } catch (EvidenceException e) {
        throw HttpProblem.forbidden(
            "Only an administrator may take the full (unredacted) package; take the redacted one.");
      }
    }
    vault().start(p.recordedAs(), admin, "full".equals(kind), ctx.ip());
    ctx.redirect("/exports", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void download(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    long id = Params.id(ctx);
    Path file =
        vault()
            .download(id, p.recordedAs(), p.role() == Role.ADMIN, ctx.ip())
            .orElseThrow(() -> HttpProblem.notFound("There is no finished export " + id + "."));
    ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
    try {
      ctx.contentType("application/zip").result(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ExportPackages vault() {
    if (packages == null) {
      throw HttpProblem.unavailable("This server was started without a vault.");
    }
    return packages;
  }

  private void render(Context ctx, int status, String problem) {
    Principal p = Access.principal(ctx).orElseThrow();
    boolean admin = p.role() == Role.ADMIN;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Exports", "admin"));
    params.put("admin", admin);
    params.put("csrf", p.csrf());
    params.put("vault", packages != null);
    params.put(
        "jobs", packages == null ? java.util.List.of() : packages.jobs(p.recordedAs(), admin));
    params.put("problem", problem);
    ctx.status(status).html(templates.render("exports.jte", params));
  }
}
