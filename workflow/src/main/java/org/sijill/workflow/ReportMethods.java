package org.sijill.workflow;

import static org.sijill.workflow.ReportHtml.esc;
import static org.sijill.workflow.ReportHtml.num;
import static org.sijill.workflow.ReportHtml.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The report's methods section, in English or Arabic: the lists with their fingerprints, what
 * linkage and estimation did (with the linkage-uncertainty note when the estimation carried it),
 * what the numbers do not support, and how to reproduce them from the inputs.
 */
final class ReportMethods {
  private final JsonNode inputs;
  private final boolean ar;

  ReportMethods(JsonNode inputs, boolean ar) {
    this.inputs = inputs;
    this.ar = ar;
  }

  private String t(String key) {
    return ReportWords.of(key, ar);
  }

  /** Appends the section: the lists, how they were linked and counted, how to reproduce. */
  void append(StringBuilder b) {
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
    b.append("<li id=\"algorithm-versions\">")
        .append(
            esc(
                VersionCheck.describe(
                    inputs.path("estimation").path(ReportContent.ALGORITHM_VERSIONS))))
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
}
