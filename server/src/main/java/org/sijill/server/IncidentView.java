package org.sijill.server;

import java.util.List;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Claim;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;

/** Everything the incident page shows: the current version, its history and its trail. */
record IncidentView(
    IncidentRow row,
    List<Incident> history,
    List<EvidenceItem> evidence,
    List<ClaimRow> claims,
    List<Assessment> assessments,
    Assessment current,
    String markersJson) {

  Incident incident() {
    return row.incident();
  }

  /** A claim with the source that made it. */
  record ClaimRow(Claim claim, SourceView source) {}
}
