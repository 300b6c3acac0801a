package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The report as a print-ready PDF (openhtmltopdf, with ICU for right-to-left text and Arabic
 * shaping): the English pages, the Arabic pages, then the public list. The PDF embeds one TrueType
 * font that has Arabic glyphs: the one given, else the first found of {@link #FONTS} (Debian's
 * {@code fonts-dejavu-core} and {@code fonts-noto-core}).
 */
final class ReportPdf {
  static final List<String> FONTS =
      List.of(
          "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
          "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf");

  private ReportPdf() {}

  static void write(
      List<String> fragments, List<ReportContent.Entry> entries, Optional<Path> font, Path pdf)
      throws IOException {
    Path ttf = font.orElseGet(ReportPdf::findFont);
    if (!Files.isRegularFile(ttf)) {
      throw new PublishException(
          ttf + ": no such font file (give a TrueType font with Arabic glyphs)");
    }
    StringBuilder b = new StringBuilder(128_000);
    b.append("<html><head><meta charset=\"utf-8\"/><style>")
        .append(ReportHtml.pdfCss())
        .append(" .ar { page-break-before: always; } .plist { page-break-before: always; }")
        .append("</style></head><body>");
    fragments.forEach(b::append);
    b.append(
            "<div class=\"plist\" dir=\"ltr\"><h2>Public list · القائمة العلنية</h2><table><thead><tr>")
        .append(
            "<th>#</th><th>id</th><th>name · الاسم</th><th>sex</th><th>age group</th><th>date of death</th><th>governorate</th></tr></thead><tbody>");
    int i = 0;
    for (ReportContent.Entry e : entries) {
      JsonNode o = ReportContent.JSON.readTree(e.json());
      b.append("<tr><td>")
          .append(i++)
          .append("</td><td>")
          .append(ReportHtml.esc(e.id()))
          .append("</td>");
      for (String k : ReportContent.PUBLIC_FIELDS) {
        b.append("<td>").append(ReportHtml.esc(ReportHtml.text(o, k))).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div></body></html>");
    try (OutputStream os = Files.newOutputStream(pdf)) {
      PdfRendererBuilder r = new PdfRendererBuilder();
      r.useFastMode();
      r.useFont(ttf.toFile(), "report");
      r.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
      r.useUnicodeBidiReorderer(new ICUBidiReorderer());
      r.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
      r.withHtmlContent(b.toString(), null);
      r.toStream(os);
      r.run();
    }
  }

  private static Path findFont() {
    for (String f : FONTS) {
      if (Files.isRegularFile(Path.of(f))) {
        return Path.of(f);
      }
    }
    throw new PublishException(
        "no font with Arabic glyphs found for the PDF (looked for "
            + String.join(", ", FONTS)
            + "): install fonts-dejavu-core, or give --pdf-font FILE.ttf");
  }
}
