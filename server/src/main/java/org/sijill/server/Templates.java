package org.sijill.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the templates of {@code src/main/jte}, compiled to classes at build time by the
 * jte-maven-plugin: nothing is compiled while serving, and a template error breaks the build rather
 * than a page. Javalin 7 has no JTE plugin, so a page is rendered to a string and sent with {@code
 * ctx.html(...)}.
 *
 * <p>Every template may declare {@code @param Labels t}: it receives the labels of the language
 * this request chose (see {@link LanguageSwitch}), so parts that htmx fetches alone speak the
 * page's language too.
 */
final class Templates {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), "org.sijill.server");
  private final LanguageSwitch languages;

  Templates(LanguageSwitch languages) {
    this.languages = languages;
  }

  /** Always English: for tools and tests that render outside a request. */
  Templates() {
    this(new LanguageSwitch());
  }

  String render(String template, Map<String, Object> params) {
    Map<String, Object> all = params;
    if (!params.containsKey("t")) {
      all = new HashMap<>(params);
      all.put("t", Labels.of(language().language()));
    }
    StringOutput out = new StringOutput();
    engine.render(template, all, out);
    return out.toString();
  }

  /** The language this request's pages are in. */
  LanguageSwitch.Choice language() {
    return languages.current();
  }
}
