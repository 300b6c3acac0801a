package org.sijill.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.evidence.VaultRecords.TrailRow;
import org.sijill.casefile.repo.IncidentLinks.Withdrawal;
import org.sijill.workflow.access.Visibility;

/**
 * What the incident page shows of its past besides the versions: the links withdrawn (struck
 * through, with who, when and why), every custody log entry that names the incident, and the
 * current links an analyst may withdraw. Who may not see a restricted incident sees none of it; an
 * entry about an item the reader may not see is left out.
 *
 * @param open the current links as a withdraw form lists them
 */
record IncidentTrail(List<Withdrawal> withdrawn, List<Entry> log, List<Option> open) {

  /**
   * One custody log entry, its details as "label: value" pairs in key order, in the reader's
   * language: each stored key by its word ({@code word.custody_detail.KEY}), and the values that
   * are codes (kinds, roles, grades, actions) by theirs; ids, seconds and unknown keys as stored.
   */
  record Entry(TrailRow row, String details) {}

  /** A current link: its form value ({@code kind:id}) and what it is. */
  record Option(String value, String label) {}

  static final IncidentTrail NONE = new IncidentTrail(List.of(), List.of(), List.of());

  static IncidentTrail of(
      CaseFile caseFile, long id, Visibility seen, List<Option> open, Labels t) {
    List<Entry> log = new ArrayList<>();
    for (TrailRow r : caseFile.vaultRecords().incidentTrail(id)) {
      if (r.evidenceId() == null || seen.seesEvidence(r.evidenceId())) {
        log.add(new Entry(r, details(r.details(), t)));
      }
    }
    return new IncidentTrail(caseFile.incidentLinks().withdrawals(id), log, open);
  }

  /** Stored details in the reader's language (the stored keys and codes are English). */
  static String details(Map<String, String> d, Labels t) {
    return d.entrySet().stream()
        .map(e -> t.word("custody_detail", e.getKey()) + ": " + value(e.getKey(), e.getValue(), t))
        .collect(Collectors.joining(t.get("incident.details.separator") + " "));
  }

  private static String value(String key, String v, Labels t) {
    if (v == null) {
      return "";
    }
    return switch (key) {
      case "kind" -> IncidentPages.linkKind(v, t);
      case "withdrawn" -> IncidentPages.withdrawnKind(v, t);
      case "role", "attribution" -> t.word("attribution_role", v);
      case "grade" -> t.word("grade", v);
      case "record" -> t.word("custody_record", v);
      case "action" -> t.word("custody_action", v);
      default -> v;
    };
  }
}
