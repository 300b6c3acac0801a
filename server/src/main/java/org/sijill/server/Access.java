package org.sijill.server;

import static java.util.Map.entry;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sijill.workflow.accounts.Authenticate;
import org.sijill.workflow.accounts.Principal;
import org.sijill.workflow.accounts.Secrets;
import org.sijill.workflow.accounts.Throttle;
import org.sijill.workflow.audit.AuditTrail;

/**
 * Who may call which route: the one place where every route of the server gets its rule.
 *
 * <p>A route registered without a rule here stops the server at start-up ({@link #verify}), and the
 * authorization-matrix test fails the build, so a new route is never open by accident. Reads need a
 * viewer, recording needs an analyst, reviewing a reviewer, managing users an admin; only the login
 * and first-admin pages (and the API's description) are public. On a demo case served with {@code
 * --demo}, anyone may read (GET) what a viewer may read; nobody may write anonymously.
 *
 * <p>A request authenticates with a session cookie (pages) or {@code Authorization: Bearer TOKEN}
 * (scripts). A state-changing request made with a session cookie must also carry the session's CSRF
 * token, as the form field {@code csrf} or the header {@code X-CSRF-Token}.
 */
final class Access {
  static final String SESSION_COOKIE = "sijill_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSRF_FIELD = "csrf";
  private static final String PRINCIPAL = "sijill.principal";

  /** Every route's rule, by "METHOD path" as registered. */
  static final Map<String, Need> RULES =
      Map.ofEntries(
          // Pages
          entry("GET /", Need.VIEWER),
          entry("GET /incidents", Need.VIEWER),
          entry("GET /incidents/{id}", Need.VIEWER),
          entry("GET /victims", Need.VIEWER),
          entry("GET /evidence", Need.VIEWER),
          entry("GET /evidence/{id}", Need.VIEWER),
          entry("GET /sources", Need.VIEWER),
          // The counting desk's pages
          entry("GET /desk/lists", Need.VIEWER),
          entry("POST /desk/lists", Need.ANALYST),
          entry("GET /desk/linking", Need.VIEWER),
          entry("POST /desk/linking", Need.ANALYST),
          entry("GET /desk/linking/jobs/{id}", Need.VIEWER),
          entry("GET /desk/review", Need.VIEWER),
          entry("POST /desk/review", Need.ANALYST),
          entry("GET /desk/estimates", Need.VIEWER),
          entry("POST /desk/estimates", Need.ANALYST),
          entry("GET /desk/estimates/jobs/{id}", Need.VIEWER),
          entry("GET /desk/claims", Need.VIEWER),
          entry("GET /desk/diagnostics", Need.VIEWER),
          entry("GET /desk/review/blind", Need.VIEWER),
          entry("POST /desk/review/blind", Need.ANALYST),
          // The person page: splitting and merging are review decisions, like the review desk's
          entry("GET /persons/{id}", Need.VIEWER),
          entry("POST /persons/{id}/split", Need.ANALYST),
          entry("POST /persons/{id}/merge", Need.ANALYST),
          entry("GET /api/persons/{id}", Need.VIEWER),
          entry("POST /api/persons/{id}/split", Need.ANALYST),
          entry("POST /api/persons/{id}/merge", Need.ANALYST),
          // The verification desk
          entry("GET /evidence/new", Need.ANALYST),
          entry("POST /evidence/new", Need.ANALYST),
          entry("GET /evidence/{id}/original", Need.VIEWER),
          entry("GET /api/evidence/{id}/original", Need.VIEWER),
          entry("GET /evidence/{id}/keyframes", Need.VIEWER),
          entry("GET /evidence/{id}/keyframes/{n}", Need.VIEWER),
          entry("GET /api/evidence/{id}/keyframes", Need.VIEWER),
          entry("GET /api/evidence/{id}/keyframes/{n}", Need.VIEWER),
          entry("GET /evidence/{id}/custody/{n}/proof", Need.VIEWER),
          entry("GET /api/evidence/{id}/custody/{n}/proof", Need.VIEWER),
          // The verification desk: records and their four-eyes review
          entry("GET /evidence/{id}/assess", Need.ANALYST),
          entry("POST /evidence/{id}/assess", Need.ANALYST),
          entry("POST /evidence/{id}/assign", Need.ANALYST),
          entry("GET /assessments/{id}", Need.VIEWER),
          entry("POST /assessments/{id}/review", Need.REVIEWER),
          entry("GET /desk/verification", Need.VIEWER),
          entry("GET /api/evidence/{id}/assessments", Need.VIEWER),
          entry("GET /api/evidence/{id}/verification", Need.VIEWER),
          entry("POST /api/evidence/{id}/assign", Need.ANALYST),
          entry("GET /api/assessments/{id}", Need.VIEWER),
          entry("GET /api/verification/queue", Need.VIEWER),
          // The incident desk
          entry("GET /incidents/new", Need.ANALYST),
          entry("POST /incidents/new", Need.ANALYST),
          entry("GET /incidents/{id}/edit", Need.ANALYST),
          entry("POST /incidents/{id}/edit", Need.ANALYST),
          entry("POST /incidents/{id}/evidence", Need.ANALYST),
          entry("POST /incidents/{id}/attributions", Need.ANALYST),
          entry("POST /incidents/{id}/links", Need.ANALYST),
          entry("POST /incidents/{id}/withdrawals", Need.ANALYST),
          entry("GET /public-claims", Need.VIEWER),
          entry("POST /public-claims", Need.ANALYST),
          entry("GET /api/incidents/{id}/evidence", Need.VIEWER),
          entry("GET /api/incidents/{id}/attributions", Need.VIEWER),
          entry("GET /api/incidents/{id}/links", Need.VIEWER),
          entry("POST /api/incidents/{id}/links", Need.ANALYST),
          entry("GET /api/incidents/{id}/withdrawals", Need.VIEWER),
          entry("POST /api/incidents/{id}/withdrawals", Need.ANALYST),
          entry("GET /api/actors", Need.VIEWER),
          // Accounts
          entry("GET /login", Need.PUBLIC),
          entry("POST /login", Need.PUBLIC),
          entry("GET /setup", Need.PUBLIC),
          entry("POST /setup", Need.PUBLIC),
          entry("POST /logout", Need.VIEWER),
          entry("GET /account", Need.VIEWER),
          entry("GET /admin/users", Need.ADMIN),
          entry("POST /admin/users", Need.ADMIN),
          entry("POST /admin/users/{name}/role", Need.ADMIN),
          entry("POST /admin/users/{name}/disable", Need.ADMIN),
          entry("POST /admin/users/{name}/sessions/end", Need.ADMIN),
          // Access groups and restricted items
          entry("GET /admin/groups", Need.ADMIN),
          entry("POST /admin/groups", Need.ADMIN),
          entry("POST /admin/groups/{name}/members", Need.ADMIN),
          entry("POST /restrictions", Need.ANALYST),
          entry("GET /api/groups", Need.VIEWER),
          entry("POST /api/groups", Need.ADMIN),
          entry("POST /api/groups/{name}/members", Need.ADMIN),
          entry("POST /api/restrictions", Need.ANALYST),
          entry("POST /restrictions/lift", Need.ADMIN),
          entry("POST /api/restrictions/lift", Need.ADMIN),
          // Publishing (docs/publishing.md): only an administrator makes or downloads a report.
          entry("GET /admin/report", Need.ADMIN),
          entry("POST /admin/report", Need.ADMIN),
          entry("GET /admin/report/{id}/download", Need.ADMIN),
          // API: reads
          entry("GET /api/openapi.json", Need.PUBLIC),
          entry("GET /api/incidents", Need.VIEWER),
          entry("GET /api/incidents/{id}", Need.VIEWER),
          entry("GET /api/incidents/{id}/history", Need.VIEWER),
          entry("GET /api/victims", Need.VIEWER),
          entry("GET /api/evidence", Need.VIEWER),
          entry("GET /api/evidence/{id}", Need.VIEWER),
          entry("GET /api/evidence/{id}/custody", Need.VIEWER),
          entry("GET /api/evidence/{id}/copies", Need.VIEWER),
          entry("GET /api/evidence/{id}/incidents", Need.VIEWER),
          entry("GET /api/sources", Need.VIEWER),
          entry("GET /api/sources/{id}", Need.VIEWER),
          entry("GET /api/locations", Need.VIEWER),
          entry("GET /api/locations/{id}", Need.VIEWER),
          entry("GET /api/public-claims", Need.VIEWER),
          entry("GET /api/lists", Need.VIEWER),
          entry("GET /api/persons", Need.VIEWER),
          entry("GET /api/estimates", Need.VIEWER),
          entry("GET /api/claims-ledger", Need.VIEWER),
          entry("GET /api/diagnostics", Need.VIEWER),
          entry("GET /api/review/agreement", Need.VIEWER),
          entry("GET /api/linkage-runs/{id}", Need.VIEWER),
          entry("GET /api/estimate-runs/{id}", Need.VIEWER),
          entry("GET /api/review/pairs", Need.VIEWER),
          // API: recording (the desk API of ARCHITECTURE.md)
          entry("POST /api/evidence", Need.ANALYST),
          entry("POST /api/evidence/{id}/assessments", Need.ANALYST),
          entry("POST /api/incidents", Need.ANALYST),
          entry("PUT /api/incidents/{id}", Need.ANALYST),
          entry("POST /api/incidents/{id}/evidence", Need.ANALYST),
          entry("POST /api/incidents/{id}/attributions", Need.ANALYST),
          entry("POST /api/public-claims", Need.ANALYST),
          entry("POST /api/lists", Need.ANALYST),
          entry("POST /api/linkage-runs", Need.ANALYST),
          entry("POST /api/review/decisions", Need.ANALYST),
          entry("POST /api/estimate-runs", Need.ANALYST),
          // API: reviewing
          entry("POST /api/assessments/{id}/review", Need.REVIEWER),
          // Audit trail and second factors (lane H)
          entry("GET /admin/audit", Need.ADMIN),
          entry("GET /api/audit", Need.ADMIN),
          entry("POST /login/code", Need.PUBLIC),
          entry("POST /account/totp", Need.VIEWER),
          entry("POST /account/totp/confirm", Need.VIEWER),
          entry("POST /admin/users/{name}/totp/require", Need.ADMIN),
          entry("POST /admin/users/{name}/totp/reset", Need.ADMIN),
          entry("POST /admin/totp/require", Need.ADMIN),
          // Exports: a reviewer takes the redacted package, only an admin the full one
          entry("GET /exports", Need.REVIEWER),
          entry("POST /exports", Need.REVIEWER),
          entry("GET /exports/{id}/download", Need.REVIEWER));

  private final Authenticate authenticate;
  private final boolean anonymousReads;
  private final Throttle throttle;
  private final AuditTrail audit;

  Access(Authenticate authenticate, boolean anonymousReads) {
    this(authenticate, anonymousReads, null, null);
  }

  /**
   * @param throttle counts unknown API tokens per address and answers 429 past its limit (null: no
   *     limit)
   * @param audit records each unknown API token (null: not recorded)
   */
  Access(Authenticate authenticate, boolean anonymousReads, Throttle throttle, AuditTrail audit) {
    this.authenticate = authenticate;
    this.anonymousReads = anonymousReads;
    this.throttle = throttle;
    this.audit = audit;
  }

  static String key(HandlerType method, String path) {
    return method.name() + " " + path;
  }

  /** The rule of a registered route, if it has one. */
  static Optional<Need> rule(HandlerType method, String path) {
    return Optional.ofNullable(RULES.get(key(method, path)));
  }

  /**
   * Refuses to serve when a registered route has no rule.
   *
   * @throws IllegalStateException naming every route without a rule
   */
  static void verify(Collection<Endpoint> endpoints) {
    List<String> missing =
        endpoints.stream()
            .filter(e -> e.method.isHttpMethod())
            .map(e -> key(e.method, e.path))
            .filter(k -> !RULES.containsKey(k))
            .sorted()
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "routes without an authorization rule (add them to org.sijill.server.Access.RULES): "
              + missing);
    }
  }

  /** The person making the request, when authenticated (set by {@link #check}). */
  static Optional<Principal> principal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  /** Checks a matched request against its route's rule; throws the refusal. */
  void check(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null) {
      // A static resource: the app's own scripts, styles and map outline, with no case data.
      if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/")) {
        return;
      }
      throw HttpProblem.forbidden("There is no rule for " + ctx.path() + ".");
    }
    Need need =
        rule(endpoint.method, endpoint.path)
            .orElseThrow(() -> new IllegalStateException("no rule for " + endpoint.path));
    Optional<Principal> who = identify(ctx);
    who.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
    if (need == Need.PUBLIC) {
      return;
    }
    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    if (who.isEmpty()) {
      if (read && need == Need.VIEWER && anonymousReads) {
        return;
      }
      if (read && !ctx.path().startsWith("/api/")) {
        String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        throw HttpProblem.redirect(
            "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      }
      throw HttpProblem.unauthorized("Log in first, or send an API token (Authorization: Bearer).");
    }
    Principal p = who.get();
    if (!p.role().includes(need.role)) {
      throw HttpProblem.forbidden(
          "This needs the role "
              + need.role.db()
              + "; "
              + p.username()
              + " is "
              + p.role().db()
              + ".");
    }
    if (!read && p.viaSession() && !Secrets.same(p.csrf(), submittedCsrf(ctx))) {
      throw HttpProblem.forbidden(
          "The form's security token is missing or stale: reload the page.");
    }
  }

  private Optional<Principal> identify(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String address = ctx.ip();
      if (throttle != null) {
        Optional<java.time.Duration> wait = throttle.retryAfter(address, null);
        if (wait.isPresent()) {
          if (audit != null) {
            audit.throttled("(token)", ctx.method().name() + " " + ctx.path(), address);
          }
          throw HttpProblem.tooManyRequests(wait.get());
        }
      }
      Optional<Principal> p = authenticate.token(auth.substring(7).strip());
      if (p.isEmpty()) {
        if (throttle != null) {
          throttle.failed(address, null);
        }
        if (audit != null) {
          audit.failedLogin("(token)", "unknown, ended or expired API token", address);
        }
      }
      return p;
    }
    String session = ctx.cookie(SESSION_COOKIE);
    return session == null ? Optional.empty() : authenticate.session(session);
  }

  /** The CSRF token sent with a request: the header, else a urlencoded form's field. */
  static String submittedCsrf(Context ctx) {
    String header = ctx.header(CSRF_HEADER);
    if (header != null) {
      return header;
    }
    String type = ctx.contentType();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      return ctx.formParam(CSRF_FIELD);
    }
    return null;
  }
}
