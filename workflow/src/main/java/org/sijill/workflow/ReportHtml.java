package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The report's pages as HTML text, in English or Arabic, from {@link ReportContent}'s numbers. The
 * same body serves the site (with the map and chart containers, which {@code assets/report.js}
 * fills) and the PDF (with {@code forPdf}: no scripts, tables only, well-formed XHTML). Every value
 * from the case is escaped here.
 */
final class ReportHtml {
  private final JsonNode n;
  private final JsonNode inputs;
  private final boolean ar;
  private final boolean forPdf;
  private final String checkpointSummary;

  ReportHtml(JsonNode numbers, JsonNode inputs, String lang, boolean forPdf, String checkpoint) {
    this.n = numbers;
    this.inputs = inputs;
    this.ar = "ar".equals(lang);
    this.forPdf = forPdf;
    this.checkpointSummary = checkpoint;
  }

  private String t(String key) {
    return ReportWords.of(key, ar);
  }

  String page() {
    StringBuilder b = new StringBuilder(64_000);
    String lang = ar ? "ar" : "en";
    if (forPdf) {
      b.append("<html lang=\"")
          .append(lang)
          .append("\"")
          .append(ar ? " dir=\"rtl\"" : "")
          .append(">");
    } else {
      b.append("<!DOCTYPE html>\n<html lang=\"")
          .append(lang)
          .append("\" dir=\"")
          .append(ar ? "rtl" : "ltr")
          .append("\">");
    }
    b.append("<head><meta charset=\"utf-8\"").append(forPdf ? "/>" : ">");
    b.append("<title>").append(esc(t("title"))).append("</title>");
    if (forPdf) {
      b.append("<style>").append(PDF_CSS).append("</style>");
    } else {
      b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .append("<link rel=\"stylesheet\" href=\"assets/leaflet/leaflet.css\">")
          .append("<link rel=\"stylesheet\" href=\"assets/report.css\">");
    }
    b.append("</head><body>");
    b.append("<header><h1>").append(esc(t("title"))).append("</h1>");
    if (!forPdf) {
      b.append("<nav><a href=\"")
          .append(ar ? "index.html" : "index-ar.html")
          .append("\" lang=\"")
          .append(ar ? "en" : "ar")
          .append("\">")
          .append(esc(t("other")))
          .append("</a> · <a href=\"verify.html\">")
          .append(esc(t("open")))
          .append("</a>")
          .append(n.path("pdf").asBoolean(true) ? " · <a href=\"report.pdf\">PDF</a>" : "")
          .append("</nav>");
    }
    if (n.path("demo").asBoolean()) {
      b.append("<p class=\"demo\">").append(esc(t("demo"))).append("</p>");
    }
    b.append("</header><main>");
    content(b);
    b.append("</main>");
    if (!forPdf) {
      b.append("<script src=\"assets/leaflet/leaflet.js\"></script>")
          .append("<script src=\"assets/echarts.min.js\"></script>")
          .append("<script src=\"assets/syria.js\"></script>")
          .append("<script src=\"data/numbers.js\"></script>")
          .append("<script src=\"assets/report.js\"></script>");
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  /** The sections, for the PDF, which joins both languages in one document. */
  String fragment() {
    StringBuilder b = new StringBuilder(64_000);
    b.append("<div lang=\"")
        .append(ar ? "ar" : "en")
        .append("\" dir=\"")
        .append(ar ? "rtl" : "ltr")
        .append("\" class=\"")
        .append(ar ? "ar" : "en")
        .append("\"><h1>")
        .append(esc(t("title")))
        .append("</h1>");
    if (n.path("demo").asBoolean()) {
      b.append("<p class=\"demo\">").append(esc(t("demo"))).append("</p>");
    }
    content(b);
    b.append("</div>");
    return b.toString();
  }

  private void content(StringBuilder b) {
    summary(b);
    incidents(b);
    strata(b);
    claims(b);
    new ReportEvidence(n, ar).append(b);
    list(b);
    new ReportMethods(inputs, ar).append(b);
  }

  static String pdfCss() {
    return PDF_CSS;
  }

  private JsonNode whole() {
    return n.path("strata").path(0);
  }

  private JsonNode recommended(JsonNode stratum) {
    for (JsonNode e : stratum.path("estimates")) {
      if (e.path("recommended").asBoolean()) {
        return e;
      }
    }
    return null;
  }

  private void summary(StringBuilder b) {
    b.append("<section id=\"summary\"><h2>")
        .append(esc(t("summary")))
        .append("</h2><table class=\"facts\">");
    row(b, t("documented"), num(n.path("documented").asLong()));
    row(b, t("listed"), num(n.path("listed").asLong()));
    StringBuilder w = new StringBuilder(num(n.path("withheld").path("total").asLong()));
    n.path("withheld")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("total")) {
                w.append(" — ").append(e.getKey()).append(": ").append(num(e.getValue().asLong()));
              }
            });
    row(b, t("withheld"), w.toString());
    if (n.path("incidents_not_shown").asInt() > 0) {
      row(b, t("hiddenIncidents"), num(n.path("incidents_not_shown").asLong()));
    }
    JsonNode r = recommended(whole());
    if (r != null) {
      row(b, t("estimate"), estimateText(r) + " (" + r.path("method").asText() + ")");
    }
    b.append("</table></section>");
  }

  private String estimateText(JsonNode e) {
    String s = num(Math.round(e.path("total").asDouble()));
    if (!e.path("lower").isNull() && !e.path("lower").isMissingNode()) {
      s +=
          " ["
              + num(Math.round(e.path("lower").asDouble()))
              + "–"
              + num(Math.round(e.path("upper").asDouble()))
              + "]";
    }
    return s;
  }

  private void incidents(StringBuilder b) {
    b.append("<section id=\"incidents\"><h2>").append(esc(t("incidents"))).append("</h2>");
    if (!forPdf) {
      b.append("<div id=\"map\" class=\"map\" role=\"img\" aria-label=\"")
          .append(esc(t("map")))
          .append("\"></div>");
      b.append("<div id=\"timeline\" class=\"chart\" role=\"img\" aria-label=\"")
          .append(esc(t("timeline")))
          .append("\"></div>");
    }
    b.append("<table><thead><tr>");
    for (String h :
        new String[] {"date", "incident", "place", "killed", "grade", "evidenceCount"}) {
      b.append("<th>").append(esc(t(h))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (JsonNode i : n.path("incidents")) {
      b.append("<tr><td>")
          .append(esc(text(i, "start")))
          .append("</td><td>")
          .append(
              esc(
                  ar
                      ? or(text(i, "title_ar"), text(i, "title_en"))
                      : or(text(i, "title_en"), text(i, "title_ar"))))
          .append("</td><td>")
          .append(esc(ar ? or(text(i, "place_ar"), text(i, "place_en")) : text(i, "place_en")))
          .append("</td><td>")
          .append(esc(killed(i)))
          .append("</td><td>")
          .append(esc(text(i, "grade")))
          .append("</td><td>")
          .append(i.path("evidence").size())
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  private String killed(JsonNode i) {
    String best = text(i, "killed_best");
    String lo = text(i, "killed_low");
    String hi = text(i, "killed_high");
    return best + (lo.isEmpty() && hi.isEmpty() ? "" : " (" + lo + "–" + hi + ")");
  }

  private void strata(StringBuilder b) {
    b.append("<section id=\"strata\"><h2>").append(esc(t("strata"))).append("</h2>");
    if (!forPdf) {
      b.append("<div id=\"strata-chart\" class=\"chart\"></div>");
    }
    b.append("<table><thead><tr><th>")
        .append(esc(t("stratum")))
        .append("</th><th>")
        .append(esc(t("documented")))
        .append("</th><th>")
        .append(esc(t("method")))
        .append("</th><th>")
        .append(esc(t("total")))
        .append(" [")
        .append(esc(t("interval")))
        .append("]</th></tr></thead><tbody>");
    for (JsonNode s : n.path("strata")) {
      String name = s.path("stratum").asText();
      boolean firstRow = true;
      for (JsonNode e : s.path("estimates")) {
        b.append("<tr")
            .append(e.path("recommended").asBoolean() ? " class=\"rec\"" : "")
            .append("><td>");
        if (firstRow) {
          b.append(esc(name.equals("all") ? t("all") : name));
        }
        b.append("</td><td>");
        if (firstRow) {
          b.append(num(s.path("documented").asLong()));
        }
        firstRow = false;
        b.append("</td><td>")
            .append(esc(e.path("method").asText() + " (" + e.path("model").asText() + ")"))
            .append(e.path("recommended").asBoolean() ? " — " + esc(t("recommended")) : "")
            .append("</td><td>")
            .append(ltr(estimateText(e)))
            .append("</td></tr>");
      }
    }
    b.append("</tbody></table></section>");
  }

  private void claims(StringBuilder b) {
    b.append("<section id=\"claims\"><h2>")
        .append(esc(t("claims")))
        .append("</h2><table><thead><tr>");
    for (String h :
        new String[] {"claimant", "date", "figure", "scope", "documented", "estimate"}) {
      b.append("<th>").append(esc(t(h))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (JsonNode c : n.path("claims")) {
      b.append("<tr><td>")
          .append(esc(text(c, "claimant")))
          .append("</td><td>")
          .append(esc(text(c, "claimed_on")))
          .append("</td><td>")
          .append(esc(text(c, "figure") + " " + text(c, "category")))
          .append("</td><td>")
          .append(esc(or(text(c, "scope"), text(c, "compared_with"))))
          .append("</td><td>")
          .append(c.path("documented").isNumber() ? num(c.path("documented").asLong()) : "")
          .append("</td><td>")
          .append(c.has("estimate") ? ltr(estimateText(c.get("estimate"))) : "")
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  private void list(StringBuilder b) {
    b.append("<section id=\"list\"><h2>")
        .append(esc(t("list")))
        .append("</h2><p>")
        .append(esc(t("listText")))
        .append("</p>");
    b.append("<pre class=\"note\" dir=\"ltr\">").append(esc(checkpointSummary)).append("</pre>");
    if (!forPdf) {
      b.append("<p><a href=\"verify.html\">").append(esc(t("open"))).append("</a></p>");
    }
    b.append("</section>");
  }

  private static final String PDF_CSS =
      "@page { size: A4; margin: 18mm 14mm; } body { font-family: 'report'; font-size: 9pt; }"
          + " h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; } h3 { font-size: 10pt; }"
          + " table { border-collapse: collapse; width: 100%; margin: 4pt 0; -fs-table-paginate: paginate; }"
          + " th, td { border: 0.5pt solid #999; padding: 2pt 3pt; text-align: start; vertical-align: top; }"
          + " tr { page-break-inside: avoid; } .hash { font-size: 6pt; word-wrap: break-word; }"
          + " .demo { border: 1pt solid #b00; padding: 3pt; } .note { font-size: 7pt; white-space: pre-wrap; word-wrap: break-word; }"
          + " .rec { font-weight: bold; }";

  private void row(StringBuilder b, String k, String v) {
    b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
  }

  /** A figure with its interval, kept left to right inside Arabic text ("758 [678–955]"). */
  private static String ltr(String s) {
    return "<span dir=\"ltr\">" + esc(s) + "</span>";
  }

  static String text(JsonNode o, String k) {
    JsonNode v = o.path(k);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  /** {@code a}, or {@code b} when {@code a} is empty. */
  static String or(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  static String num(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** Escapes text for HTML and XHTML content and attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
