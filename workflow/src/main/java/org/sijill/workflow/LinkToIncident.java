package org.sijill.workflow;

import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.IncidentLinks.Kind;

/**
 * Links a victim record, a source or a related incident to an incident. These links touch no
 * evidence item, so they are not custody-log entries; like every row they are kept with who made
 * them and when, and never changed.
 */
public final class LinkToIncident {
  private final CaseFile caseFile;

  public LinkToIncident(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * @param kind victim, source or incident
   * @throws InvalidInputException naming {@code kind} or {@code target}
   */
  public long link(long incidentId, String kind, Long target, String note, String by) {
    if (caseFile.incidents().find(incidentId).isEmpty()) {
      throw new java.util.NoSuchElementException("there is no incident " + incidentId);
    }
    Kind k;
    try {
      k = Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "one of victim, source, incident");
    }
    if (target == null || target <= 0) {
      throw new InvalidInputException("target", "the id of the " + k.db() + " to link");
    }
    boolean exists =
        switch (k) {
          case VICTIM -> caseFile.incidentLinks().victimLabel(target).isPresent();
          case SOURCE -> caseFile.sources().find(target).isPresent();
          case INCIDENT -> target != incidentId && caseFile.incidents().find(target).isPresent();
        };
    if (!exists) {
      throw new InvalidInputException(
          "target",
          k == Kind.INCIDENT && target == incidentId
              ? "an incident is not related to itself"
              : "there is no " + k.db() + " " + target);
    }
    return caseFile
        .incidentLinks()
        .link(incidentId, k, target, DeskInput.text(note, "note", 1000), by);
  }
}
