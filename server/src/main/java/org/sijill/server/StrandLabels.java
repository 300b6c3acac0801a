package org.sijill.server;

/**
 * The headings and field names of a verification record's three strands ({@link VerificationView}
 * writes them in English) in the reader's language: the same words as the assessment form's labels.
 * A name not in the list shows as given.
 */
final class StrandLabels {
  private StrandLabels() {}

  static String of(Labels t, String english) {
    if (english == null) {
      return "";
    }
    return switch (english) {
      case "Source analysis" -> t.get("assess.source");
      case "Technical analysis" -> t.get("assess.technical");
      case "Content analysis" -> t.get("assess.content");
      case "Posted by" -> t.get("assess.posted.by");
      case "Their record" -> t.get("assess.their.record");
      case "First appearance" -> t.get("assess.first");
      case "Metadata" -> t.get("assess.metadata");
      case "Signs of editing" -> t.get("assess.editing");
      case "Re-encoding" -> t.get("assess.reencoding");
      case "Finding" -> t.get("assess.finding");
      case "Confidence" -> t.get("assess.confidence");
      case "Method or tool" -> t.get("assess.method");
      case "Reasons" -> t.get("assess.reasons");
      case "Geolocation" -> t.get("strand.geolocation");
      case "Chronolocation" -> t.get("strand.chronolocation");
      case "Corroborated by" -> t.get("strand.corroborated");
      default -> english;
    };
  }

  /** A field's value: the confidence as a word of its vocabulary, anything else as written. */
  static String value(Labels t, String english, String value) {
    return "Confidence".equals(english) ? t.word("confidence", value) : value;
  }
}
