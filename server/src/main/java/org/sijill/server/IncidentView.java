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

  /**
   * A victim record, victim person, source or related incident linked to the incident, with its
   * label and its page (null: none).
   */
  record LinkRow(org.sijill.casefile.repo.IncidentLinks.Link link, String label, String href) {}

  /**
   * A linked victim person as this reader may see it: the person of the linkage run in force, named
   * as {@link org.sijill.workflow.access.Visibility#person} allows (a person with a record the
   * reader may not see is "restricted record"), with the lists it is on and a link to its page. A
   * person id the run in force no longer has (its records went to others) is named by its id only.
   */
  static LinkRow personRow(
      org.sijill.casefile.CaseFile caseFile,
      org.sijill.casefile.repo.IncidentLinks.Link l,
      org.sijill.workflow.access.Visibility seen,
      Labels t) {
    return currentPerson(caseFile, l.targetId())
        .map(seen::person)
        .map(p -> new LinkRow(l, personLabel(p), "/persons/" + p.id()))
        .orElseGet(() -> new LinkRow(l, t.get("incident.person.not.in.run", l.targetId()), null));
  }

  /** The person as the linkage run in force has it, if there is a run and it has the person. */
  static java.util.Optional<org.sijill.casefile.model.Person> currentPerson(
      org.sijill.casefile.CaseFile caseFile, long personId) {
    return caseFile
        .linkageRuns()
        .current()
        .flatMap(run -> caseFile.persons().find(run.id(), personId));
  }

  /**
   * Whether this reader sees every record of a linked person (else the API leaves the link out).
   */
  static boolean seesPerson(
      org.sijill.casefile.CaseFile caseFile,
      long personId,
      org.sijill.workflow.access.Visibility seen) {
    return currentPerson(caseFile, personId)
        .map(p -> p.records().stream().allMatch(r -> seen.seesVictim(r.victimId())))
        .orElse(true);
  }

  private static String personLabel(org.sijill.casefile.model.Person p) {
    if (org.sijill.workflow.access.Visibility.RESTRICTED_RECORD.equals(p.displayName())) {
      return p.displayName();
    }
    String name = p.displayName();
    if (name == null || name.isBlank()) {
      name = p.records().isEmpty() ? "#" + p.id() : p.records().get(0).name();
    }
    return name + " (" + String.join(", ", p.lists()) + ")";
  }

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
