package org.sijill.server;

import java.util.List;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.EvidenceItem;

/**
 * One evidence item: what it is, what its file says about itself (grouped; {@code placeJson} the
 * map marker of its GPS position, or null), and who handled it when.
 */
record EvidenceView(
    EvidenceItem item,
    SourceView source,
    ReadableMetadata.Result metadata,
    String placeJson,
    List<CustodyEvent> events,
    List<Assessment> assessments,
    java.util.Map<Long, List<Field>> eventDetails,
    List<Copy> copies,
    VerificationView verification,
    List<IncidentLink> incidents) {

  /** Whether the asker may not see who is in this item (see the workflow's Visibility). */
  public boolean withheld() {
    return org.sijill.workflow.access.Visibility.RESTRICTED.equals(item.originalName());
  }

  /** How the page shows the original: "image", "video", "audio", or null (a download link only). */
  public String preview() {
    return previewOf(item.mediaType());
  }

  /** As {@link #preview()}, for any media type. */
  static String previewOf(String mediaType) {
    String t = mediaType == null ? "" : mediaType;
    if (t.matches("image/(jpeg|png|gif|webp|bmp)")) {
      return "image";
    }
    return t.startsWith("video/") ? "video" : t.startsWith("audio/") ? "audio" : null;
  }

  /**
   * What a custody event did, in plain words (the log's own name, as words, for a kind this list
   * does not know yet).
   */
  public static String what(String action) {
    return what(action, Labels.of(Labels.Language.EN));
  }

  /** What a custody action means, in plain words of the page's language. */
  static String what(String action, Labels t) {
    return switch (action == null ? "" : action) {
      case "acquired" -> t.get("custody.acquired");
      case "imported" -> t.get("custody.imported");
      case "metadata_extracted" -> t.get("custody.metadata.extracted");
      case "fingerprinted" -> t.get("custody.fingerprinted");
      case "viewed" -> t.get("custody.viewed");
      case "exported" -> t.get("custody.exported");
      case "assessed" -> t.get("custody.assessed");
      case "linked_to_incident" -> t.get("custody.linked");
      case "annotated" -> t.get("custody.annotated");
      default -> Text.words(action);
    };
  }

  /** The media index's verdict on a copy ("same", "near-duplicate") in the page's language. */
  static String verdict(String verdict, Labels t) {
    return switch (verdict == null ? "" : verdict) {
      case "same" -> t.get("copy.same");
      case "near-duplicate" -> t.get("copy.near.duplicate");
      default -> verdict;
    };
  }

  /** The readable fields of a custody event's details. */
  public List<Field> details(CustodyEvent e) {
    return eventDetails.getOrDefault(e.id(), List.of());
  }

  /**
   * Where this item says it came from: the source its acquisition logged, else the source it is
   * filed under, else "not recorded".
   */
  public String acquiredFrom() {
    for (CustodyEvent c : events) {
      if ("acquired".equals(c.action()) || "imported".equals(c.action())) {
        for (Field f : details(c)) {
          if (f.name().equals("source") && !f.value().isBlank()) {
            return f.value();
          }
        }
      }
    }
    return source == null ? "not recorded" : source.label();
  }

  /**
   * A near-duplicate of this item, from this item's side.
   *
   * @param id the other copy
   * @param earlier whether the other copy was already in the vault when this one arrived
   * @param name its file name ({@code (restricted)} when the asker may not see it)
   * @param seenFirstId whichever of the two was acquired first
   * @param preview how to show the other copy ("image", "video", …), null when it is not shown
   */
  record Copy(
      long id,
      boolean earlier,
      String name,
      java.time.Instant acquiredAt,
      String source,
      String verdict,
      int distance,
      long seenFirstId,
      String preview) {}

  /** One extracted metadata value, flattened to a dotted name ("exif.Make"). */
  record Field(String name, String value) {}

  /**
   * An incident this item is linked to (a current link): the incident as the reader may see it (a
   * restricted one by its placeholder title), and the segment of the item the link names in seconds
   * ({@code from}, {@code to}; both null for the whole item). Also the answer's shape of {@code GET
   * /api/evidence/{id}/incidents}.
   */
  record IncidentLink(
      long incidentId,
      String title,
      String titleAr,
      Double from,
      Double to,
      java.time.Instant linkedAt,
      String linkedBy) {

    /** The segment as the page shows it: m:ss–m:ss, or "" for the whole item. */
    public String segment() {
      return IncidentView.segment(from, to);
    }
  }
}
