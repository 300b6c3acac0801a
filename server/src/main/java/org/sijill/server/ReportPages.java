package org.sijill.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sijill.workflow.PublishJobs;
import org.sijill.workflow.accounts.Principal;

/**
 * {@code /admin/report}: an administrator publishes the case (the same report as {@code sijill
 * report}) as a background job and downloads it as a zip. The work is {@link PublishJobs}.
 */
final class ReportPages {
  private final Templates templates;
  private final AccountPages.ChromeFactory chrome;
  private final PublishJobs jobs;

  /**
   * @param jobs null when the server has no data directory (then the page says so and nothing is
   *     started)
   */
  ReportPages(Templates templates, AccountPages.ChromeFactory chrome, PublishJobs jobs) {
    this.templates = templates;
    this.chrome = chrome;
    this.jobs = jobs;
  }

  void page(Context ctx) {
    render(ctx, 200, null);
  }

  void start(Context ctx) {
    if (jobs == null) {
      render(ctx, 503, "this server has no data directory to write a report into");
      return;
    }
    Principal admin = Access.principal(ctx).orElseThrow();
    jobs.start(admin.recordedAs());
    ctx.redirect("/admin/report", HttpStatus.SEE_OTHER);
  }

  void download(Context ctx) throws IOException {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.notFound("no such report");
    }
    Optional<Path> zip = jobs == null ? Optional.empty() : jobs.archive(id);
    if (zip.isEmpty()) {
      throw HttpProblem.notFound("no finished report " + id);
    }
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"" + zip.get().getFileName() + "\"");
    InputStream in = Files.newInputStream(zip.get());
    ctx.result(in);
  }

  private void render(Context ctx, int status, String problem) {
    Principal admin = Access.principal(ctx).orElseThrow();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Publish a report", "admin"));
    params.put("jobs", jobs == null ? java.util.List.of() : jobs.recent(20));
    params.put("csrf", admin.csrf());
    params.put("problem", problem);
    ctx.status(status).html(templates.render("adminReport.jte", params));
  }
}
