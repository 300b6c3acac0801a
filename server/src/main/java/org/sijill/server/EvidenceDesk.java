package org.sijill.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sijill.workflow.EvidenceException;
import org.sijill.workflow.EvidenceKeyframes;
import org.sijill.workflow.OpenOriginal;
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
  private final OpenOriginal originals;
  private final EvidenceKeyframes keyframes;

  /**
   * @param receive the vault's way in, and {@code originals} its way out, both null when the server
   *     was started without a data directory (then those requests are answered with 503)
   * @param keyframes still frames of the vault's videos (null without a data directory)
   */
  EvidenceDesk(
      Templates templates,
      Pages pages,
      ReceiveEvidence receive,
      OpenOriginal originals,
      EvidenceKeyframes keyframes) {
    this.templates = templates;
    this.pages = pages;
    this.receive = receive;
    this.originals = originals;
    this.keyframes = keyframes;
  }

  /** The keyframe strip of a video item the asker may see; 403 for a restricted one. */
  private List<EvidenceKeyframes.Keyframe> strip(Context ctx, long id) {
    if (!pages.seen(ctx).seesEvidence(id)) {
      throw HttpProblem.forbidden("Evidence item " + id + " is restricted to access groups.");
    }
    if (keyframes == null) {
      throw HttpProblem.unavailable("This server was started without a vault.");
    }
    return keyframes.strip(id);
  }

  /** The strip under the video player, an HTML fragment the evidence page loads with htmx. */
  void keyframeStrip(Context ctx) {
    long id = Params.id(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("id", id);
    params.put("strip", strip(ctx, id));
    ctx.html(templates.render("evidenceKeyframes.jte", params));
  }

  /** The API's list of an item's keyframes: number, time, and the address of each picture. */
  record KeyframeJson(int n, double seconds, String href) {}

  record KeyframesJson(List<KeyframeJson> items, int page, int size, long total) {}

  void keyframeList(Context ctx) {
    long id = Params.id(ctx);
    List<KeyframeJson> items =
        strip(ctx, id).stream()
            .map(
                k ->
                    new KeyframeJson(
                        k.n(), k.seconds(), "/api/evidence/" + id + "/keyframes/" + k.n()))
            .toList();
    ctx.json(new KeyframesJson(items, 1, EvidenceKeyframes.STRIP, items.size()));
  }

  /**
   * One keyframe as a JPEG ({@code /keyframes/3} or {@code /keyframes/3.jpg}; {@code ?download=1}:
   * as a file to save), after the custody log records who saw it.
   */
  void keyframe(Context ctx) {
    long id = Params.id(ctx);
    strip(ctx, id); // the asker may see it, and there is a vault
    String raw = ctx.pathParam("n");
    if (raw.endsWith(".jpg")) {
      raw = raw.substring(0, raw.length() - 4);
    }
    if (!raw.matches("[0-9]{1,3}")) {
      throw HttpProblem.badRequest(
          "keyframe number: expected 0 to " + (EvidenceKeyframes.STRIP - 1));
    }
    int n = Integer.parseInt(raw);
    boolean download = "1".equals(ctx.queryParam("download"));
    Principal who = Access.principal(ctx).orElse(null);
    String viewer = who == null ? "anonymous (demo)" : who.recordedAs();
    EvidenceKeyframes.Still still;
    try {
      still =
          keyframes
              .still(id, n, viewer, download)
              .orElseThrow(
                  () ->
                      HttpProblem.notFound(
                          "Evidence item " + id + " has no keyframe " + n + " in this vault."));
    } catch (EvidenceException e) {
      throw HttpProblem.unavailable(e.getMessage());
    }
    ctx.header(
        "Content-Disposition",
        (download ? "attachment" : "inline")
            + "; filename*=UTF-8''"
            + URLEncoder.encode(still.name(), StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
    ctx.writeSeekableStream(
        new java.io.ByteArrayInputStream(still.jpeg()), "image/jpeg", still.jpeg().length);
  }

  /** Media types a browser may show inline: pictures, sound and film, but never SVG or HTML. */
  private static final Pattern INLINE =
      Pattern.compile("image/(jpeg|png|gif|webp|bmp)|video/[a-z0-9.+-]+|audio/[a-z0-9.+-]+");

  /**
   * The original bytes ({@code ?download=1}: as a file to save), after the custody log records who
   * opened them. A video player's later range requests of the same viewing are not logged again.
   * Only pictures, sound and film are shown inline; anything else is sent as a download, under a
   * policy that lets it run nothing.
   */
  void original(Context ctx) {
    long id = Params.id(ctx);
    if (!pages.seen(ctx).seesEvidence(id)) {
      // The original's own bytes carry what the pages mask (GPS, Artist, serials).
      throw HttpProblem.forbidden("Evidence item " + id + " is restricted to access groups.");
    }
    if (originals == null) {
      throw HttpProblem.unavailable("This server was started without a vault.");
    }
    boolean download = "1".equals(ctx.queryParam("download"));
    String range = ctx.header("Range");
    boolean firstPiece = range == null || range.replace(" ", "").startsWith("bytes=0-");
    Principal who = Access.principal(ctx).orElse(null);
    String viewer = who == null ? "anonymous (demo)" : who.recordedAs();
    OpenOriginal.Original o;
    try {
      o =
          originals
              .open(id, viewer, download ? "download" : "preview", firstPiece)
              .orElseThrow(
                  () ->
                      HttpProblem.notFound(
                          "There is no original of evidence item " + id + " in this vault."));
    } catch (EvidenceException e) {
      throw HttpProblem.unavailable(e.getMessage());
    }
    String type = o.mediaType() == null ? "" : o.mediaType().toLowerCase(Locale.ROOT);
    boolean inline = !download && INLINE.matcher(type).matches();
    String name = o.name() == null ? "evidence-" + id : o.name();
    ctx.header(
        "Content-Disposition",
        (inline ? "inline" : "attachment")
            + "; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
    try {
      ctx.writeSeekableStream(
          Files.newInputStream(o.content()), inline ? type : "application/octet-stream", o.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
