package org.sijill.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.sijill.casefile.repo.Page;

/** Links to the previous and next page of a list, keeping the search query. */
record Pager(int page, int pages, long total, int size, String path, String query) {

  static Pager of(Page<?> p, String path, String query) {
    return new Pager(p.page(), p.pages(), p.total(), p.size(), path, query);
  }

  boolean hasPrevious() {
    return page > 1;
  }

  boolean hasNext() {
    return page < pages;
  }

  String href(int target) {
    StringBuilder b =
        new StringBuilder(path)
            .append(path.contains("?") ? "&" : "?")
            .append("page=")
            .append(target);
    if (size != Params.DEFAULT_SIZE) {
      b.append("&size=").append(size);
    }
    if (query != null && !query.isBlank()) {
      b.append("&q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
    }
    return b.toString();
  }
}
