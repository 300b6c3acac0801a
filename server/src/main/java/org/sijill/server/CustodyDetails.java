package org.sijill.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sijill.workflow.access.Visibility;

/**
 * A custody event's stored details in the reader's language, as the evidence page's timeline shows
 * them. The stored keys and coded values are English (the log is evidence and never changes): each
 * key reads by its word ({@code word.custody_detail.KEY}), and the values that are codes by the
 * word of their vocabulary (statuses, judgements, grades, roles, media types, and the fixed phrases
 * of {@code custody_value} and {@code custody_purpose}). Ids, hashes, times, names and free text
 * read as stored, and so does a key or code no vocabulary knows.
 */
final class CustodyDetails {
  /** A viewing's purpose for one keyframe: {@code keyframe 3}, {@code keyframe 3 download}. */
  private static final Pattern KEYFRAME = Pattern.compile("keyframe (\\d+)( download)?");

  private static final String DOWNLOAD = " download";

  /** The kinds of an incident's links ({@code kind} of a link's entry). */
  private static final java.util.Set<String> LINK_KINDS =
      java.util.Set.of("victim", "person", "source", "incident");

  private CustodyDetails() {}

  /** The label of a stored detail key. */
  static String label(String key, Labels t) {
    return t.word("custody_detail", key);
  }

  /** A stored detail's value, a code by its word, anything else as stored. */
  static String value(String key, String v, Labels t) {
    if (v == null) {
      return "";
    }
    if (Visibility.RESTRICTED.equals(v)) {
      return "(" + t.get("common.restricted") + ")";
    }
    return switch (key) {
      case "status" ->
          Words.CODES.get("status").contains(v)
              ? t.word("status", v)
              : t.word("assessment_status", v);
      case "judgement" -> t.word("judgement", v);
      case "grade" -> t.word("grade", v);
      case "role", "attribution" -> t.word("attribution_role", v);
      case "kind" ->
          Words.CODES.get("media_type").contains(v)
              ? t.word("media_type", v)
              : LINK_KINDS.contains(v) ? IncidentPages.linkKind(v, t) : v;
      case "media_type" -> t.word("media_type", v);
      case "withdrawn" -> IncidentPages.withdrawnKind(v, t);
      case "record" -> t.word("custody_record", v);
      case "action" -> t.word("custody_action", v);
      case "step", "outcome", "how", "evidence_of", "retry", "redacted" ->
          t.word("custody_value", v.replace(' ', '_'));
      case "purpose" -> purpose(v, t);
      default -> v;
    };
  }

  private static String purpose(String v, Labels t) {
    Matcher m = KEYFRAME.matcher(v);
    if (m.matches()) {
      return t.word("custody_purpose", "keyframe")
          + " "
          + m.group(1)
          + (m.group(2) == null ? "" : " " + t.word("custody_purpose", "download"));
    }
    if (v.endsWith(DOWNLOAD) && !v.equals(DOWNLOAD.strip())) {
      String base = v.substring(0, v.length() - DOWNLOAD.length());
      return t.word("custody_purpose", base.replace(' ', '_'))
          + " "
          + t.word("custody_purpose", "download");
    }
    return t.word("custody_purpose", v.replace(' ', '_'));
  }
}
