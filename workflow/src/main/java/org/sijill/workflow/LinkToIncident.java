package org.sijill.workflow;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.IncidentLinks.Kind;

/**
 * Links a victim record, a victim person (a person of the linkage runs, by the id the runs keep), a
 * source or a related incident to an incident. These links touch no evidence item; each is a {@code
 * recorded} entry of the custody log (naming both incidents of a related-incident link), and like
 * every row it is kept with who made it and when, never changed.
 */
public final class LinkToIncident {
  private final CaseFile caseFile;
  private final ItemCustody custody;

  /**
   * @param dataDir the data directory whose custody log tells of each link (null: links refused)
   */
  public LinkToIncident(Path dataDir, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.custody = new ItemCustody(dataDir, caseFile);
  }

  /** What was recorded: the link and the custody log entry that tells of it. */
  public record Linked(long id, long logIndex) {}

  /**
   * @param kind victim (a record), person (a linkage run's person), source or incident
   * @throws InvalidInputException naming {@code kind} or {@code target}
   */
  public Linked link(long incidentId, String kind, Long target, String note, String by) {
    if (caseFile.incidents().find(incidentId).isEmpty()) {
      throw new java.util.NoSuchElementException("there is no incident " + incidentId);
    }
    Kind k;
    try {
      k = Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "one of victim, person, source, incident");
    }
    if (target == null || target <= 0) {
      throw new InvalidInputException("target", "the id of the " + k.db() + " to link");
    }
    boolean exists =
        switch (k) {
          case VICTIM -> caseFile.incidentLinks().victimLabel(target).isPresent();
          case PERSON -> caseFile.incidentLinks().personExists(target);
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
    String text = DeskInput.text(note, "note", 1000);
    custody.requireVault();
    long id = caseFile.incidentLinks().link(incidentId, k, target, text, by);
    Map<String, String> details = new TreeMap<>();
    details.put("record", "incident_link");
    details.put("action", "linked");
    details.put("incident", Long.toString(incidentId));
    details.put("link_id", Long.toString(id));
    details.put("kind", k.db());
    details.put("target", target.toString());
    if (k == Kind.INCIDENT) {
      details.put("related_incident", target.toString());
    }
    return new Linked(id, custody.logWrite(by, details));
  }
}
