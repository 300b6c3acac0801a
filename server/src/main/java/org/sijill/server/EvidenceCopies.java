package org.sijill.server;

import java.util.ArrayList;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.NearDuplicate;
import org.sijill.workflow.access.Visibility;

/**
 * The copies of an item that the media index matched, seen from the item: earlier ones (that it
 * matched on arrival) then later ones (that matched it on theirs), each revealed as far as the
 * asker may see and the case's keys allow. The evidence page shows them side by side; {@code GET
 * /api/evidence/{id}/copies} lists them.
 */
final class EvidenceCopies {
  private EvidenceCopies() {}

  static List<EvidenceView.Copy> of(CaseFile caseFile, long id, Visibility seen) {
    List<EvidenceView.Copy> out = new ArrayList<>();
    for (NearDuplicate n : caseFile.nearDuplicates().earlierCopiesOf(id)) {
      out.add(copy(caseFile, n, n.earlierId(), true, seen));
    }
    for (NearDuplicate n : caseFile.nearDuplicates().laterCopiesOf(id)) {
      out.add(copy(caseFile, n, n.evidenceId(), false, seen));
    }
    return out;
  }

  /** One match: {@code other} is the other copy's id (the {@code earlier*} fields describe it). */
  private static EvidenceView.Copy copy(
      CaseFile caseFile, NearDuplicate n, long other, boolean earlier, Visibility seen) {
    boolean sees = seen.seesEvidence(other);
    String preview =
        sees
            ? caseFile
                .evidence()
                .find(other)
                .map(o -> EvidenceView.previewOf(o.mediaType()))
                .orElse(null)
            : null;
    return new EvidenceView.Copy(
        other,
        earlier,
        sees ? n.earlierName() : Visibility.RESTRICTED,
        n.earlierAcquiredAt(),
        sees
            ? seen.sourceName(caseFile.sealer().reveal(n.earlierSource(), "custody.source"))
            : Visibility.RESTRICTED,
        n.verdict(),
        n.distance(),
        n.seenFirstId(),
        preview);
  }
}
