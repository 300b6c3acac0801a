package org.sijill.server;

import io.javalin.http.Context;

/**
 * Reads paging and id parameters, refusing bad values with a message that names the parameter
 * instead of quietly clamping them: a client asking for {@code size=10000} should learn that it
 * will not get 10,000 rows.
 */
final class Params {
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  private Params() {}

  /** Page number and size from {@code ?page=&size=}; page counts from 1. */
  record Paging(int page, int size) {}

  static Paging paging(Context ctx) {
    int page = wholeNumber(ctx.queryParam("page"), "page", 1, 1, Integer.MAX_VALUE);
    int size = wholeNumber(ctx.queryParam("size"), "size", DEFAULT_SIZE, 1, MAX_SIZE);
    return new Paging(page, size);
  }

  /**
   * Refuses a page past the end of its list (page 1 of an empty list is fine): a client paging on
   * should learn where the list ends rather than get an empty page it might take for "no more".
   */
  static <T extends org.sijill.casefile.repo.Page<?>> T within(T page) {
    if (page.page() > page.pages()) {
      throw HttpProblem.badRequest(
          "page "
              + page.page()
              + " is past the end: the list has "
              + page.total()
              + " item"
              + (page.total() == 1 ? "" : "s")
              + ", "
              + page.pages()
              + " page"
              + (page.pages() == 1 ? "" : "s")
              + " of "
              + page.size());
    }
    return page;
  }

  /** The {@code {id}} path parameter. */
  static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw HttpProblem.badRequest("id must be a positive whole number, not '" + raw + "'");
  }

  /** A positive whole number given as a query parameter. */
  static long positive(String raw, String name) {
    try {
      long v = Long.parseLong(raw.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw HttpProblem.badRequest(name + " must be a positive whole number, not '" + raw + "'");
  }

  static int wholeNumber(String raw, String name, int absent, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return absent;
    }
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest(name + " must be a whole number, not '" + raw + "'");
    }
    if (value < min || value > max) {
      String range =
          max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      throw HttpProblem.badRequest(name + " must be " + range + ", not " + value);
    }
    return value;
  }
}
