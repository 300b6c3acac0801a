package org.sijill.server;

import java.util.List;
import java.util.Map;
import org.sijill.casefile.model.Estimate;
import org.sijill.casefile.model.PublicClaim;

/**
 * The case at a glance. Published figures are shown beside what this case file documents, so a
 * reader sees "9,000" and "at least 1,300" next to the count of named victims and its method.
 */
record OverviewView(
    long incidents,
    long victimRecords,
    Map<String, Long> lists,
    long linkedPersons,
    long evidence,
    int sources,
    List<IncidentRow> latest,
    List<PublicClaim> publicClaims,
    Estimate estimate,
    String deathsJson,
    String markersJson,
    long repeatedRecords) {

  /** "A (120), B (300) and C (250)". */
  String listsText() {
    List<String> parts =
        lists.entrySet().stream()
            .map(e -> e.getKey() + " (" + Text.number(e.getValue()) + ")")
            .toList();
    if (parts.size() < 2) {
      return parts.isEmpty() ? "no lists yet" : parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
