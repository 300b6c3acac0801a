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
    String markersJson,
    List<org.sijill.casefile.repo.IncidentLinks.EvidenceLink> evidenceLinks,
    List<org.sijill.casefile.repo.Attributions.Entry> attributions,
    List<LinkRow> links,
    List<org.sijill.casefile.model.Actor> actors,
    String csrf,
    IncidentTrail trail) {

  /** A victim record, source or related incident linked to the incident, with its label. */
  record LinkRow(org.sijill.casefile.repo.IncidentLinks.Link link, String label, String href) {}

  /** A linked item as this person may see it: a restricted item's file name withheld. */
  static org.sijill.casefile.repo.IncidentLinks.EvidenceLink seen(
      org.sijill.casefile.repo.IncidentLinks.EvidenceLink e,
      org.sijill.workflow.access.Visibility seen) {
    if (seen.seesEvidence(e.evidenceId())) {
      return e;
    }
    return new org.sijill.casefile.repo.IncidentLinks.EvidenceLink(
        e.id(),
        e.incidentId(),
        e.evidenceId(),
        e.sha256(),
        e.mediaType(),
        org.sijill.workflow.access.Visibility.RESTRICTED,
        e.from(),
        e.to(),
        e.recordedAt(),
        e.recordedBy());
  }

  /** A segment as m:ss–m:ss, or "" for the whole item. */
  static String segment(Double from, Double to) {
    if (from == null && to == null) {
      return "";
    }
    return (from == null ? "start" : clock(from)) + "–" + (to == null ? "end" : clock(to));
  }

  private static String clock(double s) {
    long whole = (long) Math.floor(s);
    String frac =
        s == whole ? "" : String.format(java.util.Locale.ROOT, "%.1f", s - whole).substring(1);
    return whole / 3600 > 0
        ? String.format(
            java.util.Locale.ROOT,
            "%d:%02d:%02d%s",
            whole / 3600,
            whole / 60 % 60,
            whole % 60,
            frac)
        : String.format(java.util.Locale.ROOT, "%d:%02d%s", whole / 60, whole % 60, frac);
  }

  Incident incident() {
    return row.incident();
  }

  /** A claim with the source that made it. */
  record ClaimRow(Claim claim, SourceView source) {}
}
