package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.util.List;
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

  /** Seconds a client is asked to wait when every database connection is busy. */
  static final long BUSY_RETRY_SECONDS = 2;

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
    EvidencePage evidencePage = new EvidencePage(caseFile, json, pages);
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
              cfg.routes.before(ctx -> RequestGuards.checkHost(ctx, hosts));
              cfg.routes.before(RequestGuards::securityHeaders);
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
              EvidenceRoutes.desk(cfg, evidenceDesk);
              cfg.routes.get("/evidence/{id}/custody/{n}/proof", custodyProofs::page);
              cfg.routes.get("/api/evidence/{id}/custody/{n}/proof", custodyProofs::api);
              // Before pageRoutes too: /incidents/new is not /incidents/{id}.
              IncidentRoutes.register(cfg, incidentPages, incidentApi);
              ReadRoutes.pages(cfg, pages, evidencePage);
              AccountRoutes.accounts(cfg, accountPages);
              AccountRoutes.reports(cfg, reportPages);
              ReadRoutes.api(cfg, api, openApi);
              CountingRoutes.desk(cfg, deskPages, deskApi);
              AccountRoutes.groups(cfg, groupDesk);
              EvidenceRoutes.verification(cfg, verificationApi, verificationPages);
              AccountRoutes.audit(cfg, accountPages, auditPages, exportPages);
              CountingRoutes.counting(cfg, counting);
              Refusals.register(cfg, pages);
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
