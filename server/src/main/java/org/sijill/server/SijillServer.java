package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.workflow.ExportPackages;
import org.sijill.workflow.OpenOriginal;
import org.sijill.workflow.PublishJobs;
import org.sijill.workflow.ReceiveEvidence;
import org.sijill.workflow.VerifyEvidence;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.accounts.FirstAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sijill web app and REST API over one case file.
 *
 * <p>Pages: {@code /} (case overview), {@code /incidents}, {@code /incidents/{id}}, {@code
 * /victims?q=}, {@code /evidence}, {@code /evidence/{id}}, {@code /sources}. API: {@code /api/...},
 * described by {@code /api/openapi.json}. Scripts (Leaflet, ECharts, htmx) come from webjars and
 * the map outline from this jar, so the app works with no network.
 *
 * <pre>{@code
 * try (CaseFile cf = CaseFile.open(dataDir, Optional.empty());
 *     SijillServer server = SijillServer.start(cf, 8080)) {
 *   ... // serve until stopped
 * }
 * }</pre>
 *
 * The caller keeps ownership of the case file: closing the server does not close it.
 */
public final class SijillServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SijillServer.class);
  private static final String OPENAPI = "/org/sijill/server/openapi.json";

  /** Marks a request already answered with a refusal, so the 404 fallback leaves it alone. */
  private static final String REFUSED = "sijill.refused";

  /** Seconds a client is asked to wait when every database connection is busy. */
  static final long BUSY_RETRY_SECONDS = 2;

  /** The JSON body of every API refusal, in this field order. */
  record ErrorJson(String error, String message) {}

  private final Javalin app;
  private final Desk desk;

  /** Reports made from /admin/report (null without a data directory). */
  private PublishJobs publishJobs;

  private final ServerOptions options;
  private final FirstAdmin firstAdmin;
  private final boolean anonymousReads;

  private SijillServer(
      Javalin app,
      Desk desk,
      ServerOptions options,
      FirstAdmin firstAdmin,
      boolean anonymousReads) {
    this.app = app;
    this.desk = desk;
    this.options = options;
    this.firstAdmin = firstAdmin;
    this.anonymousReads = anonymousReads;
  }

  /**
   * Starts serving {@code caseFile} on 127.0.0.1:{@code port} (0 picks any free port; see {@link
   * #port()}), with logins required.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public static SijillServer start(CaseFile caseFile, int port) {
    return start(caseFile, ServerOptions.local(port), Accounts.over(caseFile));
  }

  /**
   * Starts serving {@code caseFile} as {@code options} say. Anonymous reading is allowed only when
   * {@code options.demo()} is set and the case file is the synthetic demo.
   *
   * @throws IllegalStateException when the address cannot be bound or a route has no rule
   */
  public static SijillServer start(CaseFile caseFile, ServerOptions options, Accounts accounts) {
    return start(caseFile, options, accounts, null);
  }

  /**
   * As {@link #start(CaseFile, ServerOptions, Accounts)}, with the vault of {@code dataDir} for
   * uploads and originals (null: there is none, and those requests are answered with 503).
   */
  public static SijillServer start(
      CaseFile caseFile, ServerOptions options, Accounts accounts, java.nio.file.Path dataDir) {
    ObjectMapper json = Json.mapper();
    LanguageSwitch languages = new LanguageSwitch();
    Templates templates = new Templates(languages);
    Pages pages = new Pages(caseFile, templates, json, Assets.fromWebjars());
    Api api = new Api(caseFile);
    Desk desk = new Desk(caseFile);
    DeskApi deskApi = new DeskApi(desk, json);
    IncidentApi incidentApi = new IncidentApi(caseFile, json, dataDir);
    IncidentPages incidentPages = new IncidentPages(caseFile, templates, pages, incidentApi, json);
    DeskPages deskPages = new DeskPages(desk, deskApi, templates, pages::chrome);
    Counting counting = new Counting(desk, deskApi, templates, json, pages::chrome);
    EvidenceDesk evidenceDesk =
        new EvidenceDesk(
            templates,
            pages,
            dataDir == null ? null : new ReceiveEvidence(dataDir, caseFile),
            dataDir == null ? null : new OpenOriginal(dataDir, caseFile),
            dataDir == null
                ? null
                : new org.sijill.workflow.EvidenceKeyframes(
                    caseFile, new OpenOriginal(dataDir, caseFile)));
    CustodyProofPages custodyProofs =
        new CustodyProofPages(
            templates,
            pages,
            pages::chrome,
            dataDir == null ? null : new org.sijill.workflow.CustodyProofs(dataDir, caseFile));
    VerifyEvidence verifyEvidence = new VerifyEvidence(dataDir, caseFile);
    VerificationApi verificationApi = new VerificationApi(caseFile, verifyEvidence, json);
    VerificationPages verificationPages =
        new VerificationPages(caseFile, verifyEvidence, templates, pages::chrome);
    GroupDesk groupDesk =
        new GroupDesk(
            org.sijill.workflow.access.Groups.over(caseFile), templates, pages::chrome, json);
    byte[] openApi = resource(OPENAPI);
    boolean anonymousReads = options.demo() && DemoCase.isLoaded(caseFile);
    Access access =
        new Access(accounts.authenticate(), anonymousReads, accounts.throttle(), accounts.audit());
    AuditedReads auditedReads =
        new AuditedReads(
            accounts.audit(), dataDir == null ? null : new OpenOriginal(dataDir, caseFile));
    AuditPages auditPages = new AuditPages(templates, pages::chrome, accounts.audit());
    ExportPackages exportPackages = dataDir == null ? null : new ExportPackages(dataDir, caseFile);
    ExportPages exportPages = new ExportPages(templates, pages::chrome, exportPackages);
    FirstAdmin firstAdmin = accounts.firstAdmin(caseFile);
    AccountPages accountPages =
        new AccountPages(
            templates,
            pages::chrome,
            accounts.login(),
            accounts.logout(),
            firstAdmin,
            accounts.addUser(),
            accounts.changeUser(),
            accounts.list(),
            options.secureCookies(),
            accounts.secondFactor(),
            accounts.audit());
    PublishJobs publishJobs = dataDir == null ? null : new PublishJobs(caseFile, dataDir);
    ReportPages reportPages = new ReportPages(templates, pages::chrome, publishJobs);
    Set<String> hosts = options.allowedHosts();
    KeyStore keyStore = options.tls() ? Tls.keyStore(options.tlsCert(), options.tlsKey()) : null;
    Javalin app =
        Javalin.create(
            cfg -> {
              if (keyStore != null) {
                cfg.jetty.addConnector(
                    (server, http) ->
                        Tls.connector(server, http, keyStore, options.host(), options.port()));
              }
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.jsonMapper(new JavalinJackson(json, false));
              cfg.staticFiles.enableWebjars();
              cfg.staticFiles.add(
                  files -> {
                    files.hostedPath = "/static";
                    files.directory = "/public";
                    files.location = Location.CLASSPATH;
                  });
              cfg.http.defaultContentType = "text/plain; charset=utf-8";
              cfg.routes.before(languages::before);
              cfg.routes.before(ctx -> checkHost(ctx, hosts));
              cfg.routes.before(SijillServer::securityHeaders);
              cfg.routes.after(languages::after);
              cfg.routes.beforeMatched(access::check);
              cfg.routes.afterMatched(auditedReads::after);
              // Uploads: Jetty writes each file part to a temporary file, never whole in memory.
              cfg.jetty.multipartConfig.maxInMemoryFileSize(64, SizeUnit.KB);
              if (dataDir != null) {
                cfg.jetty.multipartConfig.cacheDirectory(
                    ReceiveEvidence.uploadsDir(dataDir).toString());
              }
              // Before pageRoutes: /evidence/new is not /evidence/{id}.
              evidenceDeskRoutes(cfg, evidenceDesk);
              cfg.routes.get("/evidence/{id}/custody/{n}/proof", custodyProofs::page);
              cfg.routes.get("/api/evidence/{id}/custody/{n}/proof", custodyProofs::api);
              // Before pageRoutes too: /incidents/new is not /incidents/{id}.
              incidentDeskRoutes(cfg, incidentPages, incidentApi);
              pageRoutes(cfg, pages);
              accountRoutes(cfg, accountPages);
              reportRoutes(cfg, reportPages);
              apiRoutes(cfg, api, openApi);
              deskRoutes(cfg, deskPages, deskApi);
              groupRoutes(cfg, groupDesk);
              verificationRoutes(cfg, verificationApi, verificationPages);
              auditRoutes(cfg, accountPages, auditPages, exportPages);
              countingRoutes(cfg, counting);
              errors(cfg, pages);
            });
    Access.verify(
        app.unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint).toList());
    try {
      app.start(options.host(), options.port());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot serve on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    SijillServer server = new SijillServer(app, desk, options, firstAdmin, anonymousReads);
    server.publishJobs = publishJobs;
    LOG.info("Sijill serving {} on {}", caseFile.describe(), server.address());
    return server;
  }

  /**
   * Refuses a request whose {@code Host} is not a name this server was configured to answer to: a
   * hostile web page that points its own domain at 127.0.0.1 (DNS rebinding) gets nothing.
   */
  private static void checkHost(io.javalin.http.Context ctx, Set<String> allowed) {
    String host = ctx.header("Host");
    String name = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      name = end < 0 ? name : name.substring(0, end + 1);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    if (!allowed.contains(name)) {
      throw HttpProblem.misdirected("This server does not answer to the name '" + host + "'.");
    }
  }

  /**
   * The pages hold names of the dead and of witnesses' sources: scripts may come only from the app
   * itself (there are no inline scripts), and no other site may frame the pages or be told which
   * page linked to it.
   */
  private static void securityHeaders(Context ctx) {
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    // Pages and API answers hold personal data: no browser or proxy may keep a copy. Scripts and
    // styles (no personal data) may be cached.
    if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  private static void pageRoutes(JavalinConfig cfg, Pages pages) {
    cfg.routes.get("/", pages::overview);
    cfg.routes.get("/incidents", pages::incidents);
    cfg.routes.get("/incidents/{id}", pages::incident);
    cfg.routes.get("/victims", pages::victims);
    cfg.routes.get("/evidence", pages::evidenceList);
    cfg.routes.get("/evidence/{id}", pages::evidence);
    cfg.routes.get("/sources", pages::sourcesPage);
  }

  private static void evidenceDeskRoutes(JavalinConfig cfg, EvidenceDesk desk) {
    cfg.routes.get("/evidence/new", desk::form);
    cfg.routes.post("/evidence/new", desk::formSubmit);
    cfg.routes.get("/evidence/{id}/original", desk::original);
    cfg.routes.post("/api/evidence", desk::api);
    cfg.routes.get("/api/evidence/{id}/original", desk::original);
    cfg.routes.get("/evidence/{id}/keyframes", desk::keyframeStrip);
    cfg.routes.get("/evidence/{id}/keyframes/{n}", desk::keyframe);
    cfg.routes.get("/api/evidence/{id}/keyframes", desk::keyframeList);
    cfg.routes.get("/api/evidence/{id}/keyframes/{n}", desk::keyframe);
  }

  /** The incident desk: incidents, their links and attributions, public claims. */
  private static void incidentDeskRoutes(JavalinConfig cfg, IncidentPages pages, IncidentApi api) {
    cfg.routes.get("/incidents/new", pages::newForm);
    cfg.routes.post("/incidents/new", pages::create);
    cfg.routes.get("/incidents/{id}/edit", pages::editForm);
    cfg.routes.post("/incidents/{id}/edit", pages::correct);
    cfg.routes.post("/incidents/{id}/evidence", pages::linkEvidence);
    cfg.routes.post("/incidents/{id}/attributions", pages::attribute);
    cfg.routes.post("/incidents/{id}/links", pages::link);
    cfg.routes.post("/incidents/{id}/withdrawals", pages::withdraw);
    cfg.routes.get("/public-claims", pages::claims);
    cfg.routes.post("/public-claims", pages::createClaim);
    cfg.routes.post("/api/incidents", api::create);
    cfg.routes.put("/api/incidents/{id}", api::correct);
    cfg.routes.get("/api/incidents/{id}/evidence", api::evidence);
    cfg.routes.post("/api/incidents/{id}/evidence", api::linkEvidence);
    cfg.routes.get("/api/incidents/{id}/attributions", api::attributions);
    cfg.routes.post("/api/incidents/{id}/attributions", api::attribute);
    cfg.routes.get("/api/incidents/{id}/links", api::links);
    cfg.routes.post("/api/incidents/{id}/links", api::addLink);
    cfg.routes.get("/api/incidents/{id}/withdrawals", api::withdrawals);
    cfg.routes.post("/api/incidents/{id}/withdrawals", api::addWithdrawal);
    cfg.routes.get("/api/actors", api::actors);
    cfg.routes.post("/api/public-claims", api::createClaim);
  }

  private static void accountRoutes(JavalinConfig cfg, AccountPages pages) {
    cfg.routes.get("/login", pages::loginForm);
    cfg.routes.post("/login", pages::loginSubmit);
    cfg.routes.post("/logout", pages::logoutSubmit);
    cfg.routes.get("/setup", pages::setupForm);
    cfg.routes.post("/setup", pages::setupSubmit);
    cfg.routes.get("/account", pages::account);
    cfg.routes.get("/admin/users", pages::adminUsers);
    cfg.routes.post("/admin/users", pages::adminAddUser);
    cfg.routes.post("/admin/users/{name}/role", pages::adminRole);
    cfg.routes.post("/admin/users/{name}/disable", pages::adminDisable);
    cfg.routes.post("/admin/users/{name}/sessions/end", pages::adminEndSessions);
  }

  /** The audit trail, second factors (lane H). */
  private static void auditRoutes(
      JavalinConfig cfg, AccountPages accounts, AuditPages audit, ExportPages exports) {
    cfg.routes.get("/exports", exports::page);
    cfg.routes.post("/exports", exports::start);
    cfg.routes.get("/exports/{id}/download", exports::download);
    cfg.routes.get("/admin/audit", audit::page);
    cfg.routes.get("/api/audit", audit::api);
    cfg.routes.post("/login/code", accounts::loginCode);
    cfg.routes.post("/account/totp", accounts::accountTotpStart);
    cfg.routes.post("/account/totp/confirm", accounts::accountTotpConfirm);
    cfg.routes.post("/admin/users/{name}/totp/require", accounts::adminTotpRequire);
    cfg.routes.post("/admin/users/{name}/totp/reset", accounts::adminTotpReset);
    cfg.routes.post("/admin/totp/require", accounts::adminTotpRequireAll);
  }

  private static void reportRoutes(JavalinConfig cfg, ReportPages pages) {
    cfg.routes.get("/admin/report", pages::page);
    cfg.routes.post("/admin/report", pages::start);
    cfg.routes.get("/admin/report/{id}/download", pages::download);
  }

  private static void apiRoutes(JavalinConfig cfg, Api api, byte[] openApi) {
    cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    cfg.routes.get("/api/incidents", api::incidents);
    cfg.routes.get("/api/incidents/{id}", api::incident);
    cfg.routes.get("/api/incidents/{id}/history", api::incidentHistory);
    cfg.routes.get("/api/victims", api::victims);
    cfg.routes.get("/api/evidence", api::evidenceList);
    cfg.routes.get("/api/evidence/{id}", api::evidence);
    cfg.routes.get("/api/evidence/{id}/custody", api::custody);
    cfg.routes.get("/api/evidence/{id}/copies", api::copies);
    cfg.routes.get("/api/sources", api::sources);
    cfg.routes.get("/api/sources/{id}", api::source);
    cfg.routes.get("/api/locations", api::locations);
    cfg.routes.get("/api/locations/{id}", api::location);
    cfg.routes.get("/api/public-claims", api::publicClaims);
    cfg.routes.get("/api/persons", api::persons);
    cfg.routes.get("/api/estimates", api::estimates);
  }

  /** Access groups and restricted items: the admin page, the restrict form and the API. */
  private static void groupRoutes(JavalinConfig cfg, GroupDesk groups) {
    cfg.routes.get("/admin/groups", groups::adminPage);
    cfg.routes.post("/admin/groups", groups::adminCreate);
    cfg.routes.post("/admin/groups/{name}/members", groups::adminMembers);
    cfg.routes.post("/restrictions", groups::restrictForm);
    cfg.routes.get("/api/groups", groups::apiList);
    cfg.routes.post("/api/groups", groups::apiCreate);
    cfg.routes.post("/api/groups/{name}/members", groups::apiMembers);
    cfg.routes.post("/api/restrictions", groups::apiRestrict);
    cfg.routes.post("/restrictions/lift", groups::liftForm);
    cfg.routes.post("/api/restrictions/lift", groups::apiLift);
  }

  /** The counting desk: its pages (htmx) and its API (ARCHITECTURE.md, "Desk API"). */
  private static void deskRoutes(JavalinConfig cfg, DeskPages pages, DeskApi api) {
    cfg.routes.get("/desk/lists", pages::lists);
    cfg.routes.post("/desk/lists", pages::uploadList);
    cfg.routes.get("/desk/linking", pages::linking);
    cfg.routes.post("/desk/linking", pages::startLinkage);
    cfg.routes.get("/desk/linking/jobs/{id}", pages::linkageJob);
    cfg.routes.get("/desk/review", pages::review);
    cfg.routes.post("/desk/review", pages::decide);
    cfg.routes.get("/api/lists", api::lists);
    cfg.routes.post("/api/lists", api::uploadList);
    cfg.routes.post("/api/linkage-runs", api::startLinkage);
    cfg.routes.get("/api/linkage-runs/{id}", api::linkageRun);
    cfg.routes.post("/api/estimate-runs", api::startEstimation);
    cfg.routes.get("/api/estimate-runs/{id}", api::estimationRun);
    cfg.routes.get("/api/review/pairs", api::reviewPairs);
    cfg.routes.post("/api/review/decisions", api::decide);
  }

  /** The verification desk: records in three strands and their four-eyes review. */
  private static void verificationRoutes(
      JavalinConfig cfg, VerificationApi api, VerificationPages pages) {
    cfg.routes.get("/evidence/{id}/assess", pages::form);
    cfg.routes.post("/evidence/{id}/assess", pages::submit);
    cfg.routes.post("/evidence/{id}/assign", pages::assign);
    cfg.routes.get("/assessments/{id}", pages::reviewPage);
    cfg.routes.post("/assessments/{id}/review", pages::review);
    cfg.routes.get("/desk/verification", pages::desk);
    cfg.routes.get("/api/evidence/{id}/assessments", api::list);
    cfg.routes.post("/api/evidence/{id}/assessments", api::create);
    cfg.routes.get("/api/evidence/{id}/verification", api::state);
    cfg.routes.post("/api/evidence/{id}/assign", api::assign);
    cfg.routes.get("/api/assessments/{id}", api::one);
    cfg.routes.post("/api/assessments/{id}/review", api::review);
    cfg.routes.get("/api/verification/queue", api::queue);
  }

  /** The counting desk's estimates, claims ledger and diagnostics. */
  private static void countingRoutes(JavalinConfig cfg, Counting c) {
    cfg.routes.get("/desk/estimates", c.estimates::page);
    cfg.routes.post("/desk/estimates", c.estimates::start);
    cfg.routes.get("/desk/estimates/jobs/{id}", c.estimates::job);
    cfg.routes.get("/desk/claims", c.claims::page);
    cfg.routes.get("/api/claims-ledger", c.claims::api);
    cfg.routes.get("/desk/diagnostics", c.diagnostics::page);
    cfg.routes.get("/api/diagnostics", c.diagnostics::api);
    cfg.routes.get("/desk/review/blind", c.blind::page);
    cfg.routes.post("/desk/review/blind", c.blind::decide);
    cfg.routes.get("/api/review/agreement", c.blind::agreement);
    // The person page: its records, and splitting a record off or merging two persons
    cfg.routes.get("/persons/{id}", c.persons::page);
    cfg.routes.post("/persons/{id}/split", c.persons::splitForm);
    cfg.routes.post("/persons/{id}/merge", c.persons::mergeForm);
    cfg.routes.get("/api/persons/{id}", c.persons::get);
    cfg.routes.post("/api/persons/{id}/split", c.persons::splitApi);
    cfg.routes.post("/api/persons/{id}/merge", c.persons::mergeApi);
  }

  /**
   * Refusals and failures: JSON under {@code /api/}, an HTML page elsewhere. An unexpected error is
   * logged with its cause and answered without one, so no stack trace reaches a browser.
   */
  private static void errors(JavalinConfig cfg, Pages pages) {
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
            HttpProblem busy = HttpProblem.busy(BUSY_RETRY_SECONDS);
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

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The API paths registered with any method, each once (for the OpenAPI check). */
  List<String> apiPaths() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(e -> e.endpoint.method.isHttpMethod() && e.endpoint.path.startsWith("/api/"))
        .map(e -> e.endpoint.path)
        .distinct()
        .toList();
  }

  /** The address the server is bound to, as a URL ({@code https://10.0.0.5:8443/}). */
  public String address() {
    String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return (options.tls() ? "https" : "http") + "://" + h + ":" + port() + "/";
  }

  /** Whether anyone may read without logging in (the demo, served with --demo). */
  public boolean anonymousReads() {
    return anonymousReads;
  }

  /**
   * The one-time link that creates the first admin, while the case has no users; its secret is
   * printed only on the server's console.
   */
  public Optional<String> setupLink() {
    if (!firstAdmin.open()) {
      return Optional.empty();
    }
    String base =
        options.behindProxy() != null
            ? options.behindProxy().toString().replaceAll("/+$", "") + "/"
            : address();
    return Optional.of(base + "setup?key=" + firstAdmin.secret());
  }

  /** Every route registered, as "METHOD path" (for the authorization matrix). */
  List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(e -> e.endpoint.method.isHttpMethod())
        .map(e -> Access.key(e.endpoint.method, e.endpoint.path))
        .toList();
  }

  /** The GET routes registered, as Javalin lists them (for the OpenAPI check). */
  List<String> getRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(e -> e.endpoint.method == HandlerType.GET)
        .map(e -> e.endpoint.path)
        .toList();
  }

  /** Stops serving. The case file stays open: it belongs to the caller. */
  @Override
  public void close() {
    app.stop();
    desk.close();
    if (publishJobs != null) {
      publishJobs.close();
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = SijillServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the server jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
