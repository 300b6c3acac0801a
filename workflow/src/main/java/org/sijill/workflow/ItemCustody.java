package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.vault.EventType;

/**
 * Logs a desk decision about evidence items (linked to an incident, cited by an attribution or a
 * public claim) in each item's custody log, and mirrors it into the case file, before the decision
 * itself is stored: a court reading an item's custody sees every incident it was tied to, by whom
 * and when. Writes that touch no item (an incident recorded or corrected, an attribution, a link, a
 * public claim, a withdrawal) are logged too, as {@code recorded} entries ({@link #logWrite}), so
 * every desk write shows in the custody log. The vault is opened for the entries and closed again.
 */
final class ItemCustody {
  private final Path dataDir;
  private final CaseFile caseFile;

  /**
   * @param dataDir the data directory whose vault holds the items; null when there is none
   */
  ItemCustody(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /** The items, in order, or the refusal naming {@code field} and the first unknown id. */
  List<EvidenceItem> items(List<Long> ids, String field) {
    List<EvidenceItem> out = new ArrayList<>();
    for (Long id : ids) {
      if (id == null || id <= 0) {
        throw new InvalidInputException(field, "evidence ids are positive whole numbers");
      }
      out.add(
          caseFile
              .evidence()
              .find(id)
              .orElseThrow(
                  () -> new InvalidInputException(field, "there is no evidence item " + id)));
    }
    return out;
  }

  /**
   * Refuses, before anything is stored, when there is no vault to log a desk write in.
   *
   * @throws EvidenceException when this desk has no vault
   */
  void requireVault() {
    if (dataDir == null) {
      throw new EvidenceException(
          "this server was started without a vault: desk writes cannot be logged");
    }
  }

  /**
   * Logs a desk write that touches no item ({@code recorded}); returns its log index.
   *
   * @param details which record, its id, the action (values are ids and vocabulary, never free
   *     text)
   */
  long logWrite(String actor, Map<String, String> details) {
    requireVault();
    synchronized (ItemCustody.class) {
      try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
        long index = vault.vault().recordCaseWrite(actor, details);
        vault.mirror();
        return index;
      } catch (IOException e) {
        throw new EvidenceException(
            "stored, but the custody log could not be written: " + e.getMessage(), e);
      }
    }
  }

  /** Logs one event per item; returns the log indexes, in order. */
  List<Long> log(
      List<EvidenceItem> items, EventType type, String actor, Map<String, String> details) {
    if (items.isEmpty()) {
      return List.of();
    }
    if (dataDir == null) {
      throw new EvidenceException(
          "this server was started without a vault: evidence links cannot be logged");
    }
    List<Long> indexes = new ArrayList<>();
    synchronized (ItemCustody.class) {
      try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
        for (EvidenceItem item : items) {
          indexes.add(vault.vault().record(type, item.sha256(), actor, details));
        }
        vault.mirror();
      } catch (IOException e) {
        throw new EvidenceException("cannot write to the custody log: " + e.getMessage(), e);
      }
    }
    return indexes;
  }
}
