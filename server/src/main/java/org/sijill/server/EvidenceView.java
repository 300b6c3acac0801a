package org.sijill.server;

import java.util.List;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.EvidenceItem;

/** One evidence item: what it is, what its file says about itself, and who handled it when. */
record EvidenceView(
    EvidenceItem item,
    SourceView source,
    List<Field> metadata,
    List<CustodyEvent> events,
    List<Assessment> assessments,
    java.util.Map<Long, List<Field>> eventDetails,
    List<org.sijill.casefile.model.NearDuplicate> earlier,
    VerificationView verification) {

  /** Whether the asker may not see who is in this item (see the workflow's Visibility). */
  public boolean withheld() {
    return org.sijill.workflow.access.Visibility.RESTRICTED.equals(item.originalName());
  }

  /** How the page shows the original: "image", "video", "audio", or null (a download link only). */
  public String preview() {
    String t = item.mediaType() == null ? "" : item.mediaType();
    if (t.matches("image/(jpeg|png|gif|webp|bmp)")) {
      return "image";
    }
    return t.startsWith("video/") ? "video" : t.startsWith("audio/") ? "audio" : null;
  }

  /** The readable fields of a custody event's details. */
  public List<Field> details(CustodyEvent e) {
    return eventDetails.getOrDefault(e.id(), List.of());
  }

  /** One extracted metadata value, flattened to a dotted name ("exif.Make"). */
  record Field(String name, String value) {}
}
