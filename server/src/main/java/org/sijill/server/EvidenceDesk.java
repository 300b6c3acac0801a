package org.sijill.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.workflow.EvidenceException;
import org.sijill.workflow.Provenance;
import org.sijill.workflow.ReceiveEvidence;
import org.sijill.workflow.accounts.Principal;

/**
 * The verification desk's way in: the upload form ({@code GET /evidence/new}), its htmx answer
 * ({@code POST /evidence/new}) and the API's {@code POST /api/evidence}. Both posts read the same
 * multipart fields ({@code file} one or more, {@code source}, {@code url}, {@code acquiredAt},
 * {@code note}); Jetty writes each file part to a temporary file as it arrives, and {@link
 * ReceiveEvidence} streams it on into the vault, so no upload is ever held whole in memory.
 */
final class EvidenceDesk {
  private final Templates templates;
  private final Pages pages;
  private final ReceiveEvidence receive;

  /**
   * @param receive the vault's way in, or null when the server was started without a data directory
   *     (then uploads are refused with 503)
   */
  EvidenceDesk(Templates templates, Pages pages, ReceiveEvidence receive) {
    this.templates = templates;
    this.pages = pages;
    this.receive = receive;
  }

  /** The API's answer: one item per file, in the order sent. */
  record ItemJson(
      Long id,
      String sha256,
      String name,
      String fingerprint,
      List<ReceiveEvidence.Seen> seen,
      String problem) {
    static ItemJson of(ReceiveEvidence.Received r) {
      return new ItemJson(r.id(), r.sha256(), r.name(), r.fingerprint(), r.seen(), r.problem());
    }
  }

  record ReceivedJson(List<ItemJson> items) {}

  void form(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", pages.chrome("Add evidence", "evidence"));
    params.put("csrf", p.csrf());
    ctx.html(templates.render("evidenceNew.jte", params));
  }

  /** The form's answer, an HTML fragment htmx puts under the form. */
  void formSubmit(Context ctx) {
    List<ReceiveEvidence.Received> received = receive(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("received", received);
    ctx.html(templates.render("evidenceReceived.jte", params));
  }

  void api(Context ctx) {
    List<ReceiveEvidence.Received> received = receive(ctx);
    ctx.status(HttpStatus.CREATED);
    ctx.json(new ReceivedJson(received.stream().map(ItemJson::of).toList()));
  }

  private List<ReceiveEvidence.Received> receive(Context ctx) {
    if (receive == null) {
      throw HttpProblem.unavailable(
          "This server was started without a vault: uploads are not possible.");
    }
    String type = ctx.contentType();
    if (type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw HttpProblem.badRequest("send the files as multipart/form-data, in fields named file");
    }
    List<UploadedFile> files = ctx.uploadedFiles("file");
    if (files.isEmpty()) {
      throw HttpProblem.badRequest("file: no file was sent (one or more fields named file)");
    }
    Principal who = Access.principal(ctx).orElseThrow();
    Provenance provenance =
        new Provenance(
            who.recordedAs(),
            acquiredAt(ctx.formParam("acquiredAt")),
            text(ctx.formParam("source"), "source", 200),
            url(ctx.formParam("url")),
            text(ctx.formParam("note"), "note", 4000));
    List<Part> uploads = files.stream().map(Part::new).toList();
    try {
      return receive.receive(uploads, provenance);
    } catch (EvidenceException e) {
      throw HttpProblem.unavailable(e.getMessage());
    }
  }

  /** A multipart file part: Jetty already holds it in a temporary file. */
  private record Part(UploadedFile file) implements ReceiveEvidence.Upload {
    @Override
    public String name() {
      return file.filename();
    }

    @Override
    public InputStream open() {
      return file.content();
    }
  }

  /** An instant, a local date-time (read as UTC, as a datetime-local field sends it) or a day. */
  static Instant acquiredAt(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest(
          "acquiredAt: '"
              + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
              + "' is not a date (2025-03-06 or 2025-03-06T18:00Z)");
    }
  }

  static String url(String raw) {
    String s = text(raw, "url", 2000);
    if (s == null) {
      return null;
    }
    try {
      URI u = new URI(s);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw HttpProblem.badRequest("url: give the http(s) address where the file was found");
      }
      return s;
    } catch (URISyntaxException e) {
      throw HttpProblem.badRequest("url: not an address (" + e.getReason() + ")");
    }
  }

  static String text(String raw, String field, int max) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    if (s.length() > max) {
      throw HttpProblem.badRequest(field + ": at most " + max + " characters");
    }
    return s;
  }
}
