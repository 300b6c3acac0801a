package org.sijill.workflow;

import java.util.List;
import org.sijill.casefile.model.Verification;
import org.sijill.casefile.model.VerificationQueueItem;
import org.sijill.casefile.model.VerificationStep;
import org.sijill.workflow.access.Visibility;

/**
 * An item's verification as it stands.
 *
 * @param status new, assigned, in_analysis, peer_review or finalised
 * @param assignee who works on it, or null
 * @param latest the newest version of the record, or null
 * @param inForce the newest finalised version (locked), or null
 * @param versions every version, oldest first
 * @param steps every change of status, oldest first
 */
public record VerificationState(
    long evidenceId,
    String status,
    String assignee,
    Verification latest,
    Verification inForce,
    List<Verification> versions,
    List<VerificationStep> steps) {

  /** True when a change must give a reason: a version was finalised before. */
  public boolean locked() {
    return inForce != null;
  }

  /**
   * The state as {@code seen} lets its person see it: for an item whose identifying details are
   * withheld from them, every version's strands and reasons and every comment are withheld too (the
   * judgement, versions, statuses and record hashes stay).
   */
  public VerificationState visibleTo(Visibility seen) {
    if (seen.seesEvidence(evidenceId)) {
      return this;
    }
    return new VerificationState(
        evidenceId,
        status,
        assignee,
        latest == null ? null : withheld(latest),
        inForce == null ? null : withheld(inForce),
        versions.stream().map(VerificationState::withheld).toList(),
        steps.stream()
            .map(
                s ->
                    new VerificationStep(
                        s.id(),
                        s.evidenceId(),
                        s.verificationId(),
                        s.status(),
                        s.assignee(),
                        s.comment() == null ? null : Visibility.RESTRICTED,
                        s.recordedAt(),
                        s.recordedBy()))
            .toList());
  }

  /** What of a record is shown to someone from whom its item's details are withheld. */
  public static Verification withheld(Verification v) {
    return new Verification(
        v.id(),
        v.evidenceId(),
        v.version(),
        v.judgement(),
        Visibility.RESTRICTED,
        "{\"withheld\": true}",
        v.graphic(),
        v.personalInfo(),
        v.supersedes(),
        v.changeReason() == null ? null : Visibility.RESTRICTED,
        v.recordSha256(),
        v.recordedAt(),
        v.recordedBy());
  }

  /** A queue as {@code seen} lets its person see it: names of withheld items masked. */
  public static List<VerificationQueueItem> visibleTo(
      List<VerificationQueueItem> items, Visibility seen) {
    return items.stream()
        .map(
            q ->
                seen.seesEvidence(q.evidenceId())
                    ? q
                    : new VerificationQueueItem(
                        q.evidenceId(),
                        Visibility.RESTRICTED,
                        q.mediaType(),
                        q.status(),
                        q.assignee(),
                        q.verificationId(),
                        q.author(),
                        q.since()))
        .toList();
  }
}
