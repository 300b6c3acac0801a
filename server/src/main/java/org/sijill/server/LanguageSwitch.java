package org.sijill.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.sijill.server.Labels.Language;

/**
 * Which language this request's page is in: {@code ?lang=ar} or {@code ?lang=en} chooses it (and a
 * cookie keeps the choice for the next pages), otherwise the cookie, otherwise English.
 *
 * <p>The page factories ({@code Pages.chrome(title, section)}) are called by dozens of handlers
 * that do not pass the request along, so the choice is held for the request's thread between the
 * before-handler that reads it and the after-handler that forgets it. Javalin runs a synchronous
 * request — before-handlers, the handler, error pages, after-handlers — on one thread; every
 * request sets the choice afresh, so one request's language never reaches another's page.
 */
final class LanguageSwitch {
  static final String COOKIE = "sijill-lang";
  static final String PARAM = "lang";

  /** The language and the query string of the page, for the switch link in the header. */
  record Choice(Language language, String query) {
    /** A link to this page (same path and query) in the other language. */
    String otherHref() {
      Language other = language == Language.AR ? Language.EN : Language.AR;
      StringBuilder q = new StringBuilder("?");
      if (query != null && !query.isEmpty()) {
        for (String part : query.split("&")) {
          String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
          if (!part.isEmpty() && !PARAM.equals(name)) {
            q.append(part).append('&');
          }
        }
      }
      return q.append(PARAM).append('=').append(other.code()).toString();
    }
  }

  private static final Choice DEFAULT = new Choice(Language.EN, "");

  private final ThreadLocal<Choice> current = new ThreadLocal<>();

  /** Before every request: reads {@code ?lang=} (and keeps it in a cookie) or the cookie. */
  void before(Context ctx) {
    Language chosen = Language.of(ctx.queryParam(PARAM)).orElse(null);
    if (chosen != null) {
      ctx.cookie(
          new Cookie(COOKIE, chosen.code(), "/", 365 * 24 * 3600, false, true, null, SameSite.LAX));
    } else {
      chosen = Language.of(ctx.cookie(COOKIE)).orElse(Language.EN);
    }
    // Only GET pages keep their query; a form answered by a POST links to its path afresh.
    String query = "GET".equals(ctx.method().name()) ? ctx.queryString() : "";
    current.set(new Choice(chosen, query == null ? "" : query));
  }

  /** After every request: forgets the choice, so a pooled thread keeps nothing. */
  void after(Context ctx) {
    current.remove();
  }

  /** This request's choice; English outside a request (a job rendering in the background). */
  Choice current() {
    Choice c = current.get();
    return c != null ? c : DEFAULT;
  }
}
