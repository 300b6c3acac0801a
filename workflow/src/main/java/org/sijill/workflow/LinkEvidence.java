package org.sijill.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.vault.EventType;

/**
 * Links an evidence item, or a segment of a video (seconds from its start), to the incident it
 * documents: a {@code linked_to_incident} entry in the item's custody log, then the link.
 */
public final class LinkEvidence {
  private final CaseFile caseFile;
  private final ItemCustody custody;

  /**
   * @param dataDir the data directory whose vault holds the items (null: none; links refused)
   */
  public LinkEvidence(Path dataDir, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.custody = new ItemCustody(dataDir, caseFile);
  }

  /** What was recorded: the link and the custody log entry that tells of it. */
  public record Linked(
      long id, long incidentId, long evidenceId, Double from, Double to, long logIndex) {}

  /**
   * @param from start of the segment in seconds (null: the whole item)
   * @param to end of the segment in seconds (null: to the end)
   * @throws InvalidInputException naming {@code evidenceId}, {@code from} or {@code to}
   * @throws java.util.NoSuchElementException when there is no such incident
   * @throws EvidenceException when the custody log cannot be written
   */
  public Linked link(long incidentId, Long evidenceId, Double from, Double to, String by) {
    if (caseFile.incidents().find(incidentId).isEmpty()) {
      throw new java.util.NoSuchElementException("there is no incident " + incidentId);
    }
    if (evidenceId == null) {
      throw new InvalidInputException("evidenceId", "name the evidence item to link");
    }
    EvidenceItem item = custody.items(List.of(evidenceId), "evidenceId").get(0);
    check(from, "from");
    check(to, "to");
    if (from != null && to != null && to < from) {
      throw new InvalidInputException("to", "ends before from");
    }
    Map<String, String> details = new TreeMap<>();
    details.put("incident", Long.toString(incidentId));
    if (from != null) {
      details.put("from", seconds(from));
    }
    if (to != null) {
      details.put("to", seconds(to));
    }
    long index = custody.log(List.of(item), EventType.LINKED_TO_INCIDENT, by, details).get(0);
    long id = caseFile.incidentLinks().linkEvidence(incidentId, item.id(), from, to, by);
    return new Linked(id, incidentId, item.id(), from, to, index);
  }

  private static void check(Double s, String field) {
    if (s != null && !(s >= 0 && s < 1e7)) {
      throw new InvalidInputException(field, "seconds from the start, 0 or more");
    }
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s).replaceAll("\\.?0+$", "");
  }
}
