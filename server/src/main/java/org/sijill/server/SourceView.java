package org.sijill.server;

import org.sijill.casefile.model.Source;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.access.Visibility;

/**
 * A source as the web app and API show it to one person. A source that person may not see (a
 * confidential one, to anyone but an admin; one restricted to groups, to anyone outside them) is
 * {@code withheld}: only its kind, id and a placeholder label ("Confidential witness #7",
 * "Restricted source #12") are shown. Everything else about it stays in the case file.
 */
record SourceView(
    long id,
    String kind,
    String nameAr,
    String nameEn,
    String confidentiality,
    String url,
    boolean withheld,
    boolean restricted,
    String label) {

  static SourceView of(Source s, Visibility seen) {
    boolean restricted = seen.restricted(ItemType.SOURCE, s.id());
    if (!seen.seesSource(s)) {
      return new SourceView(
          s.id(),
          s.kind(),
          null,
          null,
          s.confidentiality(),
          null,
          true,
          restricted,
          Visibility.placeholder(s, restricted));
    }
    return new SourceView(
        s.id(),
        s.kind(),
        s.nameAr(),
        s.nameEn(),
        s.confidentiality(),
        s.url(),
        false,
        restricted,
        s.nameEn() != null ? s.nameEn() : s.nameAr());
  }

  /** The address as a link target, only when it is a web address (never {@code javascript:}). */
  String link() {
    if (url == null) {
      return null;
    }
    String u = url.strip().toLowerCase(java.util.Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : null;
  }
}
