package org.sijill.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.accounts.AccountException;
import org.sijill.workflow.accounts.AddUser;
import org.sijill.workflow.accounts.ChangeUser;
import org.sijill.workflow.accounts.FirstAdmin;
import org.sijill.workflow.accounts.ListAccounts;
import org.sijill.workflow.accounts.Login;
import org.sijill.workflow.accounts.Logout;
import org.sijill.workflow.accounts.Principal;
import org.sijill.workflow.accounts.SecondFactor;
import org.sijill.workflow.accounts.Secrets;
import org.sijill.workflow.audit.AuditTrail;

/**
 * Login, logout, the first-admin page, one's own account and the admin's user page.
 *
 * <p>Forms shown before login (login, first admin) are protected from cross-site posting by a
 * double-submit token: a random cookie that the form must repeat. Forms after login carry the
 * session's own CSRF token, which {@link Access} checks.
 */
final class AccountPages {
  static final String FORM_COOKIE = "sijill_form";

  private final Templates templates;
  private final ChromeFactory chrome;
  private final Login login;
  private final Logout logout;
  private final FirstAdmin firstAdmin;
  private final AddUser addUser;
  private final ChangeUser changeUser;
  private final ListAccounts accounts;
  private final boolean secureCookies;
  private final SecondFactor secondFactor;
  private final AuditTrail audit;

  /** Builds the page chrome (title, section, demo label). */
  @FunctionalInterface
  interface ChromeFactory {
    Chrome chrome(String title, String section);
  }

  AccountPages(
      Templates templates,
      ChromeFactory chrome,
      Login login,
      Logout logout,
      FirstAdmin firstAdmin,
      AddUser addUser,
      ChangeUser changeUser,
      ListAccounts accounts,
      boolean secureCookies,
      SecondFactor secondFactor,
      AuditTrail audit) {
    this.templates = templates;
    this.chrome = chrome;
    this.login = login;
    this.logout = logout;
    this.firstAdmin = firstAdmin;
    this.addUser = addUser;
    this.changeUser = changeUser;
    this.accounts = accounts;
    this.secureCookies = secureCookies;
    this.secondFactor = secondFactor;
    this.audit = audit;
  }

  void loginForm(Context ctx) {
    renderLogin(ctx, 200, null, ctx.queryParam("next"));
  }

  void loginSubmit(Context ctx) {
    checkFormToken(ctx);
    String next = ctx.formParam("next");
    answer(
        ctx, login.attempt(ctx.formParam("username"), ctx.formParam("password"), ctx.ip()), next);
  }

  /** The second step of a login: the TOTP code (and, on first use, the enrolment). */
  void loginCode(Context ctx) {
    checkFormToken(ctx);
    answer(
        ctx,
        login.code(ctx.formParam("pending"), ctx.formParam("code"), ctx.ip()),
        ctx.formParam("next"));
  }

  private void answer(Context ctx, Login.Outcome outcome, String next) {
    if (outcome instanceof Login.Opened opened) {
      // Always a new session id, never one the browser brought: no session fixation.
      ctx.cookie(
          cookie(
              Access.SESSION_COOKIE, opened.sessionId(), (int) Login.SESSION_LENGTH.toSeconds()));
      ctx.cookie(cookie(FORM_COOKIE, "", 0));
      ctx.redirect(safeNext(next), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (outcome instanceof Login.Throttled t) {
      long seconds = Math.max(1, t.retryAfter().toSeconds());
      ctx.header("Retry-After", Long.toString(seconds));
      renderLogin(
          ctx, 429, "Too many failed attempts: try again in " + seconds + " seconds.", next);
    } else if (outcome instanceof Login.CodeNeeded c) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("chrome", chrome.chrome("Log in: second factor", "login"));
      params.put("formToken", formToken(ctx));
      params.put("next", safeNext(next));
      params.put("pending", c.pending());
      params.put("enrolment", c.enrolment());
      params.put("problem", c.problem());
      ctx.status(c.problem() == null ? 200 : 401).html(templates.render("loginCode.jte", params));
    } else {
      renderLogin(ctx, 401, ((Login.Refused) outcome).message(), next);
    }
  }

  void logoutSubmit(Context ctx) {
    Access.principal(ctx).ifPresent(logout::logout);
    ctx.cookie(cookie(Access.SESSION_COOKIE, "", 0));
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void setupForm(Context ctx) {
    String key = ctx.queryParam("key");
    if (!firstAdmin.accepts(key)) {
      throw HttpProblem.notFound("This setup link is not valid (any more).");
    }
    renderSetup(ctx, 200, key, null);
  }

  void setupSubmit(Context ctx) {
    checkFormToken(ctx);
    String key = ctx.formParam("key");
    if (!firstAdmin.accepts(key)) {
      throw HttpProblem.notFound("This setup link is not valid (any more).");
    }
    try {
      firstAdmin.create(
          key, ctx.formParam("username"), ctx.formParam("displayName"), ctx.formParam("password"));
    } catch (AccountException e) {
      renderSetup(ctx, 400, key, e.getMessage());
      return;
    }
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void account(Context ctx) {
    renderAccount(ctx, 200, null, null);
  }

  /** Starts enrolling one's own second factor: shows the new secret and asks for a code. */
  void accountTotpStart(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    SecondFactor.Enrolment e;
    try {
      e = secondFactor.start(p.userId(), p.recordedAs());
    } catch (AccountException ex) {
      renderAccount(ctx, 400, null, ex.getMessage());
      return;
    }
    audit.secondFactor(p.recordedAs(), "enrolment started", ctx.ip());
    renderAccount(ctx, 200, e, null);
  }

  void accountTotpConfirm(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    try {
      secondFactor.confirm(p.userId(), ctx.formParam("code"), p.recordedAs());
    } catch (AccountException ex) {
      renderAccount(ctx, 400, null, ex.getMessage());
      return;
    }
    audit.secondFactor(p.recordedAs(), "enrolled", ctx.ip());
    ctx.redirect("/account", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void renderAccount(
      Context ctx, int status, SecondFactor.Enrolment enrolment, String problem) {
    Principal p =
        Access.principal(ctx).orElseThrow(() -> HttpProblem.redirect("/login?next=/account"));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Your account", "account"));
    params.put("user", accounts.user(p.userId()).orElseThrow());
    params.put("csrf", p.csrf());
    params.put("totp", secondFactor.status(p.userId()));
    params.put("enrolment", enrolment);
    params.put("problem", problem);
    ctx.status(status).html(templates.render("account.jte", params));
  }

  void adminUsers(Context ctx) {
    renderAdmin(ctx, 200, null);
  }

  void adminAddUser(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    try {
      addUser.add(
          ctx.formParam("username"),
          ctx.formParam("displayName"),
          role(ctx.formParam("role")),
          ctx.formParam("password"),
          admin.recordedAs());
    } catch (AccountException e) {
      renderAdmin(ctx, 400, e.getMessage());
      return;
    }
    audit.admin(
        admin.recordedAs(),
        "user added as " + ctx.formParam("role"),
        ctx.formParam("username"),
        ctx.ip());
    ctx.redirect("/admin/users", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void adminRole(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(
        ctx,
        "role " + ctx.formParam("role"),
        () ->
            changeUser.role(
                ctx.pathParam("name"), role(ctx.formParam("role")), admin.recordedAs()));
  }

  void adminDisable(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(ctx, "disabled", () -> changeUser.disable(ctx.pathParam("name"), admin.recordedAs()));
  }

  void adminEndSessions(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(
        ctx,
        "sessions ended",
        () -> changeUser.endSessions(ctx.pathParam("name"), admin.recordedAs()));
  }

  /** Requires (required=yes) or stops requiring (required=no) a second factor of one user. */
  void adminTotpRequire(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    String raw = ctx.formParam("required");
    change(
        ctx,
        "yes".equals(raw) ? "second factor required" : "second factor optional",
        () -> secondFactor.require(ctx.pathParam("name"), yesNo(raw), admin.recordedAs()));
  }

  /** Removes a user's second factor (a lost phone). */
  void adminTotpReset(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(
        ctx,
        "second factor reset",
        () -> secondFactor.reset(ctx.pathParam("name"), admin.recordedAs()));
  }

  /** Requires (or stops requiring) a second factor of everyone. */
  void adminTotpRequireAll(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    boolean required;
    try {
      required = yesNo(ctx.formParam("required"));
    } catch (AccountException e) {
      renderAdmin(ctx, 400, e.getMessage());
      return;
    }
    secondFactor.require(null, required, admin.recordedAs());
    audit.admin(
        admin.recordedAs(),
        required ? "second factor required of everyone" : "second factor optional for everyone",
        null,
        ctx.ip());
    ctx.redirect("/admin/users", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private static boolean yesNo(String raw) {
    if ("yes".equals(raw)) {
      return true;
    }
    if ("no".equals(raw)) {
      return false;
    }
    throw new AccountException("required: yes or no");
  }

  /** Runs an admin's change of a user, audits it, and answers with the users page. */
  private void change(Context ctx, String what, Runnable action) {
    Principal admin = Access.principal(ctx).orElseThrow();
    try {
      action.run();
    } catch (AccountException e) {
      renderAdmin(ctx, 400, e.getMessage());
      return;
    }
    audit.admin(admin.recordedAs(), what, ctx.pathParam("name"), ctx.ip());
    ctx.redirect("/admin/users", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private static Role role(String raw) {
    if (raw == null) {
      throw new AccountException("choose a role");
    }
    try {
      return org.sijill.casefile.model.Vocabulary.parse(Role.class, raw);
    } catch (IllegalArgumentException e) {
      throw new AccountException("the role is one of viewer, analyst, reviewer, admin");
    }
  }

  private void renderAdmin(Context ctx, int status, String problem) {
    Principal admin = Access.principal(ctx).orElseThrow();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Users", "admin"));
    params.put("users", accounts.users());
    params.put("sessions", accounts.liveSessions());
    params.put("roles", Arrays.stream(Role.values()).map(Role::db).toList());
    params.put(
        "totp",
        accounts.users().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    u -> u.username(), u -> secondFactor.status(u.id()))));
    params.put("totpForEveryone", secondFactor.requiredForEveryone());
    params.put("csrf", admin.csrf());
    params.put("problem", problem);
    ctx.status(status).html(templates.render("adminUsers.jte", params));
  }

  private void renderLogin(Context ctx, int status, String problem, String next) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Log in", "login"));
    params.put("formToken", formToken(ctx));
    params.put("next", safeNext(next));
    params.put("problem", problem);
    ctx.status(status).html(templates.render("login.jte", params));
  }

  private void renderSetup(Context ctx, int status, String key, String problem) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Create the first administrator", "login"));
    params.put("formToken", formToken(ctx));
    params.put("key", key);
    params.put("problem", problem);
    ctx.status(status).html(templates.render("setup.jte", params));
  }

  /** The double-submit token of the pre-login forms: the cookie's value, set when missing. */
  private String formToken(Context ctx) {
    String token = ctx.cookie(FORM_COOKIE);
    if (token == null || token.length() != 43) {
      token = Secrets.random();
      ctx.cookie(cookie(FORM_COOKIE, token, (int) Duration.ofHours(2).toSeconds()));
    }
    return token;
  }

  private static void checkFormToken(Context ctx) {
    String cookie = ctx.cookie(FORM_COOKIE);
    if (cookie == null || !Secrets.same(cookie, ctx.formParam(Access.CSRF_FIELD))) {
      throw HttpProblem.forbidden(
          "The form's security token is missing or stale: reload the page.");
    }
  }

  /** Only a path on this server, never another site ("//evil.example" or "/\evil"). */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.length() > 500
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return next;
  }

  private Cookie cookie(String name, String value, int maxAge) {
    return new Cookie(name, value, "/", maxAge, secureCookies, true, null, SameSite.STRICT);
  }
}
