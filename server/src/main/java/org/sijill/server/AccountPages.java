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
import org.sijill.workflow.accounts.Secrets;

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
      boolean secureCookies) {
    this.templates = templates;
    this.chrome = chrome;
    this.login = login;
    this.logout = logout;
    this.firstAdmin = firstAdmin;
    this.addUser = addUser;
    this.changeUser = changeUser;
    this.accounts = accounts;
    this.secureCookies = secureCookies;
  }

  void loginForm(Context ctx) {
    renderLogin(ctx, 200, null, ctx.queryParam("next"));
  }

  void loginSubmit(Context ctx) {
    checkFormToken(ctx);
    String next = ctx.formParam("next");
    var opened = login.login(ctx.formParam("username"), ctx.formParam("password"), ctx.ip());
    if (opened.isEmpty()) {
      renderLogin(ctx, 401, Login.REFUSED, next);
      return;
    }
    // Always a new session id, never one the browser brought: no session fixation.
    ctx.cookie(
        cookie(
            Access.SESSION_COOKIE,
            opened.get().sessionId(),
            (int) Login.SESSION_LENGTH.toSeconds()));
    ctx.cookie(cookie(FORM_COOKIE, "", 0));
    ctx.redirect(safeNext(next), io.javalin.http.HttpStatus.SEE_OTHER);
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
    Principal p =
        Access.principal(ctx).orElseThrow(() -> HttpProblem.redirect("/login?next=/account"));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Your account", "account"));
    params.put("user", accounts.user(p.userId()).orElseThrow());
    params.put("csrf", p.csrf());
    ctx.html(templates.render("account.jte", params));
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
    ctx.redirect("/admin/users", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void adminRole(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(
        ctx,
        () ->
            changeUser.role(
                ctx.pathParam("name"), role(ctx.formParam("role")), admin.recordedAs()));
  }

  void adminDisable(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(ctx, () -> changeUser.disable(ctx.pathParam("name"), admin.recordedAs()));
  }

  void adminEndSessions(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(ctx, () -> changeUser.endSessions(ctx.pathParam("name"), admin.recordedAs()));
  }

  private void change(Context ctx, Runnable action) {
    try {
      action.run();
    } catch (AccountException e) {
      renderAdmin(ctx, 400, e.getMessage());
      return;
    }
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
