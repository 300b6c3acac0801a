package org.sijill.server;

import org.sijill.casefile.model.Source;

/**
 * A source as the web app and API show it. The server has no access control yet, so the identity of
 * a source marked {@code confidential} (typically a witness) is withheld: only its kind and id are
 * shown. Everything else about it stays in the case file.
 */
record SourceView(
    long id,
    String kind,
    String nameAr,
    String nameEn,
    String confidentiality,
    String url,
    boolean withheld) {

  static SourceView of(Source s) {
    if ("confidential".equals(s.confidentiality())) {
      return new SourceView(s.id(), s.kind(), null, null, s.confidentiality(), null, true);
    }
    return new SourceView(
        s.id(), s.kind(), s.nameAr(), s.nameEn(), s.confidentiality(), s.url(), false);
  }

  /** The address as a link target, only when it is a web address (never {@code javascript:}). */
  String link() {
    if (url == null) {
      return null;
    }
    String u = url.strip().toLowerCase(java.util.Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : null;
  }

  /** The name to show on a page. */
  String label() {
    if (withheld) {
      return "Confidential " + Text.words(kind) + " #" + id;
    }
    return nameEn != null ? nameEn : nameAr;
  }
}
