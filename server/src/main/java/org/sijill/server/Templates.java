package org.sijill.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the templates of {@code src/main/jte}, compiled to classes at build time by the
 * jte-maven-plugin: nothing is compiled while serving, and a template error breaks the build rather
 * than a page. Javalin 7 has no JTE plugin, so a page is rendered to a string and sent with {@code
 * ctx.html(...)}.
 */
final class Templates {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), "org.sijill.server");

  String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }
}
