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
    VerificationView verification) {

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
    return switch (action == null ? "" : action) {
      case "acquired" -> "Collected and stored in the vault";
      case "imported" -> "Arrived in a verified package from another vault";
      case "metadata_extracted" -> "Metadata read from the stored file (the file is unchanged)";
      case "fingerprinted" -> "Perceptual fingerprint taken, to find copies";
      case "viewed" -> "Looked at";
      case "exported" -> "Exported in an evidence package";
      case "assessed" -> "Verification assessment recorded";
      case "linked_to_incident" -> "Linked to an incident";
      case "annotated" -> "Note added";
      default -> Text.words(action);
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
}
