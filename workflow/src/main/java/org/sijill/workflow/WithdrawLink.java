package org.sijill.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.repo.Attributions;
import org.sijill.casefile.repo.IncidentLinks;
import org.sijill.casefile.repo.IncidentLinks.WithdrawnKind;
import org.sijill.vault.EventType;

/**
 * Withdraws a link of an incident that no longer holds: an evidence link, an attribution, or a
 * victim, source or related-incident link. Nothing is changed or removed: a withdrawal row says who
 * withdrew it, when and why, and the incident's current links leave it out (its history keeps it).
 * Each item the link rested on gets an {@code unlinked_from_incident} entry in its custody log
 * first; the withdrawal itself is a {@code recorded} entry.
 */
public final class WithdrawLink {
  private final CaseFile caseFile;
  private final ItemCustody custody;

  /**
   * @param dataDir the data directory whose custody log tells of each withdrawal (null: refused)
   */
  public WithdrawLink(Path dataDir, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.custody = new ItemCustody(dataDir, caseFile);
  }

  /**
   * What was recorded.
   *
   * @param logIndexes the items' entries, then the withdrawal's own entry
   */
  public record Withdrawn(
      long id, long incidentId, String kind, long linkId, List<Long> logIndexes) {}

  /**
   * @param kind evidence, attribution, or link (a victim, source or related-incident link)
   * @param linkId the link's id as the incident's lists show it
   * @param reason why it no longer holds (required)
   * @throws InvalidInputException naming {@code kind}, {@code linkId} or {@code reason}
   * @throws NoSuchElementException when there is no such incident
   * @throws EvidenceException when there is no custody log to tell of it (nothing is stored)
   */
  public Withdrawn withdraw(long incidentId, String kind, Long linkId, String reason, String by) {
    if (caseFile.incidents().find(incidentId).isEmpty()) {
      throw new NoSuchElementException("there is no incident " + incidentId);
    }
    WithdrawnKind k;
    try {
      k = WithdrawnKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "one of evidence, attribution, link");
    }
    if (linkId == null || linkId <= 0) {
      throw new InvalidInputException("linkId", "the id of the " + k.db() + " to withdraw");
    }
    String why = DeskInput.text(reason, "reason", 2000);
    if (why == null) {
      throw new InvalidInputException("reason", "say why the link no longer holds");
    }
    List<Long> restsOn = restsOn(incidentId, k, linkId);
    List<EvidenceItem> items = custody.items(restsOn, "linkId");
    custody.requireVault();
    Map<String, String> itemDetails = new TreeMap<>();
    itemDetails.put("incident", Long.toString(incidentId));
    itemDetails.put("withdrawn", k.db());
    itemDetails.put("link_id", linkId.toString());
    if (k == WithdrawnKind.LINK) {
      // A related-incident link belongs to both incidents: its withdrawal names the other one too.
      caseFile.incidentLinks().links(incidentId).stream()
          .filter(l -> l.id() == linkId && l.kind().equals("incident"))
          .findFirst()
          .ifPresent(l -> itemDetails.put("related_incident", Long.toString(l.targetId())));
    }
    List<Long> indexes =
        new ArrayList<>(custody.log(items, EventType.UNLINKED_FROM_INCIDENT, by, itemDetails));
    long id = caseFile.incidentLinks().withdraw(k, linkId, incidentId, why, by);
    Map<String, String> own = new TreeMap<>(itemDetails);
    own.put("record", "withdrawal");
    own.put("action", "withdrawn");
    own.put("withdrawal", Long.toString(id));
    indexes.add(custody.logWrite(by, own));
    return new Withdrawn(id, incidentId, k.db(), linkId, List.copyOf(indexes));
  }

  /** The evidence items the current link rests on, or the refusal naming {@code linkId}. */
  private List<Long> restsOn(long incidentId, WithdrawnKind k, long linkId) {
    switch (k) {
      case EVIDENCE:
        for (IncidentLinks.EvidenceLink l : caseFile.incidentLinks().evidence(incidentId)) {
          if (l.id() == linkId) {
            return List.of(l.evidenceId());
          }
        }
        break;
      case ATTRIBUTION:
        for (Attributions.Entry a : caseFile.attributions().forIncident(incidentId)) {
          if (a.id() == linkId) {
            return a.evidenceIds();
          }
        }
        break;
      default:
        for (IncidentLinks.Link l : caseFile.incidentLinks().links(incidentId)) {
          if (l.id() == linkId) {
            return List.of();
          }
        }
    }
    throw new InvalidInputException(
        "linkId",
        "incident "
            + incidentId
            + " has no current "
            + k.db()
            + " link "
            + linkId
            + " (withdrawn already, or never made)");
  }
}
