package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

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

  private static final Map<String, String[]> T =
      Map.ofEntries(
          Map.entry(
              "title",
              new String[] {
                "Report: documented and estimated deaths", "تقرير: الوفيات الموثقة والمقدّرة"
              }),
          Map.entry(
              "demo",
              new String[] {
                "Synthetic demonstration case: every person, place and figure here is invented.",
                "حالة تجريبية اصطناعية: كل الأشخاص والأماكن والأرقام هنا مختلقة."
              }),
          Map.entry("other", new String[] {"العربية", "English"}),
          Map.entry("summary", new String[] {"Summary", "الخلاصة"}),
          Map.entry(
              "documented", new String[] {"Persons documented by name", "الأشخاص الموثقون بالاسم"}),
          Map.entry(
              "listed", new String[] {"Named in the public list", "المذكورون في القائمة العلنية"}),
          Map.entry(
              "withheld",
              new String[] {
                "Left out of the public list (still counted)",
                "المحجوبون عن القائمة العلنية (ومحسوبون في الأعداد)"
              }),
          Map.entry(
              "hiddenIncidents",
              new String[] {
                "Incidents restricted to a group, not shown here",
                "حوادث مقيّدة بمجموعة، غير معروضة هنا"
              }),
          Map.entry(
              "finalised",
              new String[] {
                "verified and reviewed by a second person", "تحقق منه وراجعه شخص ثانٍ"
              }),
          Map.entry("unverified", new String[] {"not yet verified", "لم يُتحقق منه بعد"}),
          Map.entry(
              "estimate",
              new String[] {"Estimated total (recommended)", "العدد الكلي المقدّر (الموصى به)"}),
          Map.entry("interval", new String[] {"95% interval", "مجال 95%"}),
          Map.entry("incidents", new String[] {"Incidents", "الحوادث"}),
          Map.entry("date", new String[] {"Date", "التاريخ"}),
          Map.entry("incident", new String[] {"Incident", "الحادثة"}),
          Map.entry("place", new String[] {"Place", "المكان"}),
          Map.entry("killed", new String[] {"Killed (best, range)", "القتلى (أفضل تقدير، المجال)"}),
          Map.entry("grade", new String[] {"Grade", "الدرجة"}),
          Map.entry("evidenceCount", new String[] {"Evidence items", "عناصر الأدلة"}),
          Map.entry(
              "strata",
              new String[] {"Documented and estimated, by stratum", "الموثق والمقدّر حسب الطبقة"}),
          Map.entry("stratum", new String[] {"Stratum", "الطبقة"}),
          Map.entry("method", new String[] {"Method (model)", "الطريقة (النموذج)"}),
          Map.entry("total", new String[] {"Estimate", "التقدير"}),
          Map.entry("recommended", new String[] {"recommended", "موصى به"}),
          Map.entry("all", new String[] {"whole case", "الحالة كلها"}),
          Map.entry(
              "claims",
              new String[] {
                "Claims ledger: published figures beside ours",
                "سجل الادعاءات: الأرقام المنشورة مقابل أرقامنا"
              }),
          Map.entry("claimant", new String[] {"Claimant", "صاحب الادعاء"}),
          Map.entry("figure", new String[] {"Figure claimed", "الرقم المدّعى"}),
          Map.entry("scope", new String[] {"Scope", "النطاق"}),
          Map.entry(
              "evidence",
              new String[] {"Evidence per incident, with verdicts", "الأدلة لكل حادثة مع الأحكام"}),
          Map.entry("sha", new String[] {"SHA-256 of the file", "بصمة SHA-256 للملف"}),
          Map.entry("type", new String[] {"Type", "النوع"}),
          Map.entry("verdict", new String[] {"Verdict", "الحكم"}),
          Map.entry(
              "noEvidence",
              new String[] {"No evidence is linked to any incident.", "لا أدلة مرتبطة بأي حادثة."}),
          Map.entry(
              "list", new String[] {"The public list and its proofs", "القائمة العلنية وبراهينها"}),
          Map.entry(
              "listText",
              new String[] {
                "Each named person is one entry of a Merkle tree (RFC 9162); the tree's root is signed in checkpoint.note with the report key in report.vkey. The verifier page checks any entry, or the whole list, in this browser without a network; sijill verify-report does the same from the command line.",
                "كل شخص مذكور هو مُدخل في شجرة ميركل (RFC 9162)؛ جذر الشجرة موقّع في checkpoint.note بمفتاح التقرير في report.vkey. صفحة التحقق تفحص أي مُدخل أو القائمة كلها في هذا المتصفح دون شبكة؛ والأمر sijill verify-report يفعل الشيء نفسه من سطر الأوامر."
              }),
          Map.entry(
              "open", new String[] {"Open the list and the verifier", "افتح القائمة وصفحة التحقق"}),
          Map.entry("methods", new String[] {"Methods, in plain words", "المنهجية بكلمات بسيطة"}),
          Map.entry("lists", new String[] {"Lists used", "القوائم المستخدمة"}),
          Map.entry("records", new String[] {"Records", "السجلات"}),
          Map.entry("coverage", new String[] {"Deaths dated", "تواريخ الوفيات"}),
          Map.entry(
              "repro", new String[] {"How to reproduce these numbers", "كيف تُعاد هذه الأرقام"}),
          Map.entry("map", new String[] {"Map of incidents", "خريطة الحوادث"}),
          Map.entry("timeline", new String[] {"Timeline of incidents", "التسلسل الزمني للحوادث"}));

  private String t(String key) {
    return T.get(key)[ar ? 1 : 0];
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
    evidence(b);
    list(b);
    methods(b);
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

  private void evidence(StringBuilder b) {
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

  private void methods(StringBuilder b) {
    b.append("<section id=\"methods\"><h2>").append(esc(t("methods"))).append("</h2>");
    b.append("<h3>")
        .append(esc(t("lists")))
        .append("</h3><table><thead><tr><th>")
        .append(esc(t("lists")))
        .append("</th><th>")
        .append(esc(t("records")))
        .append("</th><th>")
        .append(esc(t("coverage")))
        .append("</th><th>SHA-256</th></tr></thead><tbody>");
    for (JsonNode l : inputs.path("lists")) {
      b.append("<tr><td>")
          .append(esc(text(l, "list")))
          .append("</td><td>")
          .append(num(l.path("records").asLong()))
          .append("</td><td>")
          .append(esc(text(l, "first_death") + " – " + text(l, "last_death")))
          .append("</td><td class=\"hash\">")
          .append(esc(text(l, "sha256")))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    JsonNode run = inputs.path("linkage_run");
    for (String p : ar ? METHODS_AR : METHODS_EN) {
      b.append("<p>")
          .append(
              esc(
                  p.replace("{records}", num(run.path("records").asLong()))
                      .replace("{persons}", num(run.path("persons").asLong()))
                      .replace("{pairs}", num(run.path("review_pairs").asLong()))
                      .replace("{decisions}", num(run.path("decisions").asLong()))
                      .replace("{seed}", text(inputs.path("estimation"), "seed"))))
          .append("</p>");
    }
    JsonNode lu = inputs.path("estimation").path("linkage_uncertainty");
    if (lu.isObject()) {
      b.append("<p id=\"linkage-uncertainty\">")
          .append(
              esc(
                  (ar ? LINKAGE_AR : LINKAGE_EN)
                      .replace("{replicates}", num(lu.path("replicates").asLong()))
                      .replace("{low}", num(lu.path("documentedLowest").asLong()))
                      .replace("{high}", num(lu.path("documentedHighest").asLong()))))
          .append("</p>");
    }
    b.append("<h3>").append(esc(t("repro"))).append("</h3><ul dir=\"ltr\">");
    b.append("<li>").append(esc(text(inputs, "software"))).append("</li>");
    b.append("<li>linkage run ")
        .append(esc(text(run, "id")))
        .append(", estimation ")
        .append(esc(text(inputs.path("estimation"), "id")))
        .append(", seed ")
        .append(esc(text(inputs.path("estimation"), "seed")))
        .append("</li>");
    b.append("<li>capture table SHA-256 <span class=\"hash\">")
        .append(esc(text(inputs.path("estimation"), "input_sha256")))
        .append("</span></li>");
    b.append("<li>sijill report --reproduce DIR; data/inputs.json</li></ul></section>");
  }

  private static final String[] METHODS_EN = {
    "Several organisations kept lists of the dead. The lists above were imported exactly as received; each file's SHA-256 fingerprint is printed so that anyone holding the same file can confirm it is the one used.",
    "Record linkage found which records name the same person: {records} records became {persons} distinct persons. The uncertain pairs ({pairs}) were put before reviewers; {decisions} review decisions were applied.",
    "Every person is counted once in 'documented by name'. Some are left out of the public list to protect them or their families, but are still counted in every number.",
    "Multiple systems estimation compares how often the same people appear on several lists to estimate how many were missed by all of them. Each method gives a total and a 95% interval; the recommended one is marked. The Bayesian methods used seed {seed}, so the same inputs give the same figures.",
    "What these numbers do not support: they say nothing about deaths outside the period and places the lists cover; an interval is not a guarantee; when methods disagree, the disagreement itself is a finding; and a count of persons says nothing on its own about who was responsible."
  };

  private static final String LINKAGE_EN =
      "Linkage is not certain, so the intervals allow for it: the uncertain pairs were decided again"
          + " at random, {replicates} times, each as likely to be a match as the linkage model"
          + " says (pairs a reviewer decided were kept as decided). Every method was run on each of"
          + " these versions, in which the number documented ranged from {low} to {high}, and the"
          + " figures shown combine them.";

  private static final String LINKAGE_AR =
      "الربط بين السجلات غير مؤكد، لذا تأخذ المجالات ذلك في الحسبان: أُعيد البتّ في الأزواج غير"
          + " المؤكدة عشوائياً {replicates} مرات، كلٌّ منها بالاحتمال الذي يعطيه نموذج الربط لكونه"
          + " الشخص نفسه (وبقيت الأزواج التي بتّ فيها المراجعون كما قرروا). طُبّقت كل طريقة على كل"
          + " نسخة من هذه النسخ، وتراوح فيها عدد الموثقين بين {low} و{high}، والأرقام المعروضة تجمع"
          + " بينها.";

  private static final String[] METHODS_AR = {
    "احتفظت عدة منظمات بقوائم للضحايا. استُوردت القوائم أعلاه كما وردت تماماً؛ وطُبعت بصمة SHA-256 لكل ملف ليتأكد من يملك الملف نفسه أنه هو المستخدم.",
    "وجد ربط السجلات أي السجلات تذكر الشخص نفسه: {records} سجلاً صارت {persons} شخصاً مختلفاً. عُرضت الأزواج غير المؤكدة ({pairs}) على مراجعين، وطُبّق {decisions} قراراً من قرارات المراجعة.",
    "يُحسب كل شخص مرة واحدة في «الموثقون بالاسم». يُحجب بعضهم عن القائمة العلنية حمايةً لهم أو لعائلاتهم، لكنهم محسوبون في كل رقم.",
    "يقارن تقدير الأنظمة المتعددة مدى تكرار ظهور الأشخاص أنفسهم في عدة قوائم ليقدّر عدد من فاتتهم القوائم كلها. تعطي كل طريقة عدداً كلياً ومجالاً بنسبة 95%، ويُعلَّم الموصى به. استخدمت الطرق البايزية البذرة {seed}، فتعطي المدخلات نفسها الأرقام نفسها.",
    "ما لا تدعمه هذه الأرقام: لا تقول شيئاً عن وفيات خارج الفترة والأماكن التي تغطيها القوائم؛ والمجال ليس ضماناً؛ وحين تختلف الطرق فالاختلاف نفسه نتيجة؛ وعدد الأشخاص وحده لا يقول من المسؤول."
  };

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

  private static String or(String a, String b) {
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
