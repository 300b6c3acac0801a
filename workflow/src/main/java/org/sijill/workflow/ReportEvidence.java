package org.sijill.workflow;

import static org.sijill.workflow.ReportHtml.esc;
import static org.sijill.workflow.ReportHtml.or;
import static org.sijill.workflow.ReportHtml.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The report's evidence section, in English or Arabic: for each incident that has evidence, the
 * items by fingerprint and type with their verification verdict (the final judgement when there is
 * one, else the older grade and status, else "unverified").
 */
final class ReportEvidence {
  private final JsonNode n;
  private final boolean ar;

  ReportEvidence(JsonNode numbers, boolean ar) {
    this.n = numbers;
    this.ar = ar;
  }

  private String t(String key) {
    return ReportWords.of(key, ar);
  }

  /** Appends the section: per incident with evidence, its items and their verification. */
  void append(StringBuilder b) {
    b.append("<section id=\"evidence\"><h2>").append(esc(t("evidence"))).append("</h2>");
    boolean any = false;
    for (JsonNode i : n.path("incidents")) {
      if (i.path("evidence").isEmpty()) {
        continue;
      }
      any = true;
      b.append("<h3>")
          .append(
              esc(
                  ar
                      ? or(text(i, "title_ar"), text(i, "title_en"))
                      : or(text(i, "title_en"), text(i, "title_ar"))))
          .append("</h3>");
      b.append("<table><thead><tr><th>")
          .append(esc(t("sha")))
          .append("</th><th>")
          .append(esc(t("type")))
          .append("</th><th>")
          .append(esc(t("verdict")))
          .append("</th></tr></thead><tbody>");
      for (JsonNode e : i.path("evidence")) {
        b.append("<tr><td class=\"hash\">")
            .append(esc(text(e, "sha256")))
            .append("</td><td>")
            .append(esc(text(e, "media_type")))
            .append("</td><td>")
            .append(esc(verdict(e)))
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    if (!any) {
      b.append("<p>").append(esc(t("noEvidence"))).append("</p>");
    }
    b.append("</section>");
  }

  private String verdict(JsonNode e) {
    if (!text(e, "judgement").isEmpty()) {
      return text(e, "judgement") + " — " + t("finalised");
    }
    String older = (text(e, "grade") + " " + text(e, "status")).strip();
    return older.isEmpty() ? t("unverified") : older;
  }
}
