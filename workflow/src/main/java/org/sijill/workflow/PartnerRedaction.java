package org.sijill.workflow;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.seal.Sealer;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Redactor;

/**
 * What a partner sees of a custody entry in a redacted export: a source the case file knows as
 * public (and restricts to no access group) by its name; any other source (restricted,
 * confidential, or unknown to the case file, which may be a person) by a stable pseudonym;
 * addresses, notes, reasons and original file names not at all ({@code (redacted)}). Everything
 * else (hashes, sizes, times, who in the team did it) as it is.
 */
final class PartnerRedaction implements Redactor {
  static final String REDACTED = "(redacted)";
  private static final Set<String> REMOVED = Set.of("url", "note", "reason", "file_name");

  private final CaseFile caseFile;
  private final Pseudonyms pseudonyms;

  PartnerRedaction(CaseFile caseFile, Pseudonyms pseudonyms) {
    this.caseFile = caseFile;
    this.pseudonyms = pseudonyms;
  }

  @Override
  public Map<String, String> details(CustodyEvent event) {
    Map<String, String> d = event.details();
    if (!d.containsKey("source") && REMOVED.stream().noneMatch(d::containsKey)) {
      return d;
    }
    Map<String, String> out = new TreeMap<>(d);
    for (String k : REMOVED) {
      out.computeIfPresent(k, (key, v) -> REDACTED);
    }
    out.computeIfPresent("source", (key, v) -> shownSource(v));
    return out;
  }

  private String shownSource(String stored) {
    Sealer s = caseFile.sealer();
    String name = s.reveal(stored, "custody.source");
    if (Sealer.LOCKED.equals(name)) {
      throw new EvidenceException(
          "a redacted export needs the passphrase: sealed sources are given pseudonyms by name");
    }
    // A partner is in no access group: a source restricted to one is pseudonymised like a
    // confidential one (the same policy as the pages, seen by nobody in particular).
    org.sijill.workflow.access.Visibility partner =
        org.sijill.workflow.access.Visibility.of(caseFile, java.util.Optional.empty());
    boolean isPublic =
        caseFile
            .sources()
            .findByName(name)
            .filter(src -> "public".equals(src.confidentiality()) && partner.seesSource(src))
            .isPresent();
    return isPublic ? name : pseudonyms.of(name);
  }
}
