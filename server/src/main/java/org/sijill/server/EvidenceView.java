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
    List<Assessment> assessments) {

  /** One extracted metadata value, flattened to a dotted name ("exif.Make"). */
  record Field(String name, String value) {}
}
