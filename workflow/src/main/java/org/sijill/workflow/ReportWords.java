package org.sijill.workflow;

import java.util.Map;

/**
 * The fixed words of the published report (headings, labels, notes), each in English and Arabic. A
 * key missing here is a programming error, found by the report tests in both languages.
 */
final class ReportWords {
  private ReportWords() {}

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

  /** The word for {@code key}, in Arabic when {@code ar}, else English. */
  static String of(String key, boolean ar) {
    return T.get(key)[ar ? 1 : 0];
  }
}
