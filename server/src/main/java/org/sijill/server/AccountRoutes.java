package org.sijill.server;

import io.javalin.config.JavalinConfig;

/**
 * Logging in and out, first set-up, one's account and second factor, and the admin pages for users,
 * groups and restrictions, the audit trail, exports and reports.
 */
final class AccountRoutes {
  private AccountRoutes() {}

  static void accounts(JavalinConfig cfg, AccountPages pages) {
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
  static void audit(
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

  static void reports(JavalinConfig cfg, ReportPages pages) {
    cfg.routes.get("/admin/report", pages::page);
    cfg.routes.post("/admin/report", pages::start);
    cfg.routes.get("/admin/report/{id}/download", pages::download);
  }

  /** Access groups and restricted items: the admin page, the restrict form and the API. */
  static void groups(JavalinConfig cfg, GroupDesk groups) {
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
}
