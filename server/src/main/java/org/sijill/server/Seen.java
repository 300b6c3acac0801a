package org.sijill.server;

import io.javalin.http.Context;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.access.Visibility;

/**
 * What the person making a request may see of restricted items: every handler that shows a source,
 * evidence, custody, an incident or a victim record passes it through this request's {@link
 * Visibility} (the one policy, in the workflow).
 */
final class Seen {
  private static final String KEY = "sijill.visibility";

  private Seen() {}

  /** This request's policy, built once per request (after {@link Access#check}). */
  static Visibility by(Context ctx, CaseFile caseFile) {
    Visibility v = ctx.attribute(KEY);
    if (v == null) {
      v = Visibility.of(caseFile, Access.principal(ctx));
      ctx.attribute(KEY, v);
    }
    return v;
  }
}
