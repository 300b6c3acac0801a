package org.sijill.server;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * What every request passes through before its route: the {@code Host} check against DNS rebinding,
 * and the security headers of every answer.
 */
final class RequestGuards {
  private RequestGuards() {}

  /**
   * Refuses a request whose {@code Host} is not a name this server was configured to answer to: a
   * hostile web page that points its own domain at 127.0.0.1 (DNS rebinding) gets nothing.
   */
  static void checkHost(io.javalin.http.Context ctx, Set<String> allowed) {
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
  static void securityHeaders(Context ctx) {
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
}
