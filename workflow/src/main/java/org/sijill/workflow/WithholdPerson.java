package org.sijill.workflow;

import org.sijill.casefile.CaseFile;

/**
 * Keeps a person out of every later public list, with the reason on record (never published). The
 * person is still counted; an edition that drops them from an earlier one says so in its {@code
 * changes.json}.
 */
public final class WithholdPerson {
  private final CaseFile caseFile;

  public WithholdPerson(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  public long withhold(long personId, String reason, String by) {
    if (reason == null || reason.isBlank()) {
      throw new PublishException("--reason: say why the person is withheld");
    }
    return caseFile.publications().withhold(personId, reason.strip(), by);
  }
}
