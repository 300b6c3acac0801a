package org.sijill.workflow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Verification;
import org.sijill.casefile.model.VerificationQueueItem;
import org.sijill.casefile.model.VerificationStep;
import org.sijill.casefile.repo.Verifications;
import org.sijill.workflow.VerificationException.Kind;

/**
 * The verification desk's workflow for one evidence item, modelled on the analyst → peer review →
 * finalised cycle documentation groups use, with four eyes:
 *
 * <pre>
 *   new ──assign──▶ assigned ──save draft──▶ in analysis ──submit──▶ peer review ──approve──▶ finalised
 *                                  ▲                                     │
 *                                  └───────────── return (comment) ──────┘
 * </pre>
 *
 * <ul>
 *   <li>Every saved record is a new version; nothing is changed in place. Every change of status is
 *       a new step. Both are also a custody log entry ({@code assessed}) about the item, whose
 *       details carry the record's id, version, judgement, status and the SHA-256 of the record.
 *   <li>The reviewer of a version must be someone other than its author (refused with {@link
 *       Kind#FOUR_EYES}); a return needs a comment.
 *   <li>A finalised record is locked: a change is a new version that needs a reason and a new
 *       review; until that is approved, the finalised version stays the one in force.
 * </ul>
 *
 * The vault is opened for each step and closed after it, as the other desk use cases do.
 */
public final class VerifyEvidence {
  public static final String ASSIGNED = "assigned";
  public static final String IN_ANALYSIS = "in_analysis";
  public static final String PEER_REVIEW = "peer_review";
  public static final String FINALISED = "finalised";
  public static final String NEW = "new";

  private final Path dataDir;
  private final CaseFile caseFile;
  private final VerificationLog custodyLog;

  /**
   * @param dataDir the data directory whose vault's custody log records each step
   */
  public VerifyEvidence(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
    this.custodyLog = new VerificationLog(dataDir, caseFile);
  }

  /** What a reviewer decides. */
  public enum Action {
    APPROVE,
    RETURN
  }

  /** The outcome of a step: the record it concerns (null for an assignment) and the new status. */
  public record Saved(Long id, Integer version, String status, String assignee) {}

  /**
   * @throws VerificationException (NOT_FOUND) when there is no such evidence item
   */
  public VerificationState state(long evidenceId) {
    item(evidenceId);
    return load(evidenceId);
  }

  private VerificationState load(long evidenceId) {
    Verifications v = caseFile.verifications();
    List<Verification> versions = v.versions(evidenceId);
    List<VerificationStep> steps = v.steps(evidenceId);
    VerificationStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    Verification inForce = null;
    for (VerificationStep s : steps) {
      if (s.status().equals(FINALISED)) {
        inForce =
            versions.stream().filter(x -> x.id() == s.verificationId()).findFirst().orElse(null);
      }
    }
    return new VerificationState(
        evidenceId,
        last == null ? NEW : last.status(),
        last == null ? null : last.assignee(),
        versions.isEmpty() ? null : versions.get(versions.size() - 1),
        inForce,
        versions,
        steps);
  }

  /**
   * Assigns an item to an analyst (or reassigns it). Refused while a version waits for review.
   *
   * @param assignee the username of an active analyst, reviewer or admin
   */
  public synchronized Saved assign(long evidenceId, String assignee, String by) {
    EvidenceItem item = item(evidenceId);
    VerificationState st = load(evidenceId);
    if (st.status().equals(PEER_REVIEW)) {
      throw new VerificationException(
          Kind.CONFLICT,
          "evidence item "
              + evidenceId
              + " waits for review of version "
              + st.latest().version()
              + "; it can be reassigned after the review");
    }
    String name = assignee == null ? "" : assignee.strip();
    var user = caseFile.users().find(name);
    if (user.isEmpty()
        || !user.get().active()
        || !user.get().roleValue().includes(org.sijill.casefile.model.Enums.Role.ANALYST)) {
      throw new VerificationException(
          Kind.INVALID, "assignee: '" + name + "' is not an active analyst of this case");
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("step", ASSIGNED);
    details.put("assignee", name);
    details.put("status", ASSIGNED);
    custodyLog.write(
        item,
        by,
        details,
        (vault, log) ->
            caseFile
                .verifications()
                .write(
                    null,
                    new Verifications.NewStep(evidenceId, null, ASSIGNED, name, null),
                    by,
                    id -> log.run()));
    return new Saved(null, null, ASSIGNED, name);
  }

  /**
   * Saves a new version of an item's record: as a draft ({@code submit} false: in analysis) or for
   * peer review. An unassigned item is assigned to its author.
   *
   * @param changeReason why a finalised record is being changed (required then, ignored before)
   * @throws VerificationException when the item waits for review, a reason is missing, or an item
   *     it names as corroboration does not exist
   */
  public synchronized Saved assess(
      long evidenceId, VerificationDraft draft, boolean submit, String changeReason, String by) {
    EvidenceItem item = item(evidenceId);
    VerificationState st = load(evidenceId);
    if (st.status().equals(PEER_REVIEW)) {
      throw new VerificationException(
          Kind.CONFLICT,
          "version "
              + st.latest().version()
              + " of evidence item "
              + evidenceId
              + " waits for review; a reviewer approves or returns it first");
    }
    String reason = changeReason == null || changeReason.isBlank() ? null : changeReason.strip();
    if (st.locked() && reason == null) {
      throw new VerificationException(
          Kind.INVALID,
          "reason: version "
              + st.inForce().version()
              + " was finalised; say why it is being changed");
    }
    if (reason != null && reason.length() > VerificationDraft.LONG_TEXT) {
      throw new VerificationException(
          Kind.INVALID, "reason: at most " + VerificationDraft.LONG_TEXT + " characters");
    }
    for (long other : draft.content().corroboratedBy()) {
      if (other == evidenceId || caseFile.evidence().find(other).isEmpty()) {
        throw new VerificationException(
            Kind.INVALID,
            "strands.content.corroboratedBy: "
                + (other == evidenceId
                    ? "an item cannot corroborate itself"
                    : "there is no evidence item " + other));
      }
    }
    int version = st.latest() == null ? 1 : st.latest().version() + 1;
    Long supersedes = st.latest() == null ? null : st.latest().id();
    String strands = draft.strandsJson();
    String hash =
        VerificationHash.of(
            item, version, draft, strands, supersedes, st.locked() ? reason : null, by);
    String status = submit ? PEER_REVIEW : IN_ANALYSIS;
    String assignee = st.assignee() == null ? by : st.assignee();
    Verifications.NewVerification record =
        new Verifications.NewVerification(
            evidenceId,
            version,
            draft.judgement().wire(),
            draft.reasons(),
            strands,
            draft.graphic(),
            draft.personalInfo(),
            supersedes,
            st.locked() ? reason : null,
            hash,
            by);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("step", submit ? "submitted for review" : "saved as draft");
    details.put("version", Integer.toString(version));
    details.put("judgement", draft.judgement().wire());
    details.put("status", status);
    details.put("record_sha256", hash);
    Long[] id = new Long[1];
    custodyLog.write(
        item,
        by,
        details,
        (vault, log) ->
            id[0] =
                caseFile
                    .verifications()
                    .write(
                        record,
                        new Verifications.NewStep(evidenceId, null, status, assignee, null),
                        by,
                        written -> {
                          details.put("verification", Long.toString(written));
                          log.run();
                        }));
    return new Saved(id[0], version, status, assignee);
  }

  /**
   * A reviewer's decision on a version waiting for review: approve (finalised, locked) or return to
   * the analyst with a comment (in analysis).
   *
   * @throws VerificationException FOUR_EYES when {@code reviewer} wrote that version; CONFLICT when
   *     it is not the version waiting for review; INVALID when a return has no comment
   */
  public synchronized Saved review(
      long verificationId, Action action, String comment, String reviewer) {
    Verification v =
        caseFile
            .verifications()
            .find(verificationId)
            .orElseThrow(
                () ->
                    new VerificationException(
                        Kind.NOT_FOUND, "there is no verification record " + verificationId));
    if (v.recordedBy().equals(reviewer)) {
      throw new VerificationException(
          Kind.FOUR_EYES,
          "four eyes: "
              + reviewer
              + " wrote version "
              + v.version()
              + " of this record and cannot review it; another reviewer must");
    }
    EvidenceItem item = item(v.evidenceId());
    VerificationState st = load(v.evidenceId());
    if (!st.status().equals(PEER_REVIEW) || st.latest() == null || st.latest().id() != v.id()) {
      throw new VerificationException(
          Kind.CONFLICT,
          "verification record "
              + verificationId
              + " is not waiting for review (evidence item "
              + v.evidenceId()
              + " is "
              + words(st.status())
              + ")");
    }
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (action == Action.RETURN && note == null) {
      throw new VerificationException(
          Kind.INVALID, "comment: say what the analyst should look at again");
    }
    if (note != null && note.length() > VerificationDraft.LONG_TEXT) {
      throw new VerificationException(
          Kind.INVALID, "comment: at most " + VerificationDraft.LONG_TEXT + " characters");
    }
    String status = action == Action.APPROVE ? FINALISED : IN_ANALYSIS;
    Map<String, String> details = new LinkedHashMap<>();
    details.put("step", action == Action.APPROVE ? "approved" : "returned to the analyst");
    details.put("verification", Long.toString(v.id()));
    details.put("version", Integer.toString(v.version()));
    details.put("judgement", v.judgement());
    details.put("status", status);
    details.put("record_sha256", v.recordSha256());
    details.put("author", v.recordedBy());
    custodyLog.write(
        item,
        reviewer,
        details,
        (vault, log) ->
            caseFile
                .verifications()
                .write(
                    null,
                    new Verifications.NewStep(v.evidenceId(), v.id(), status, st.assignee(), note),
                    reviewer,
                    id -> log.run()));
    return new Saved(v.id(), v.version(), status, st.assignee());
  }

  /** One version of a record. */
  public Optional<Verification> find(long verificationId) {
    return caseFile.verifications().find(verificationId);
  }

  /** Items assigned to {@code username} that are not finalised or waiting for review. */
  public List<VerificationQueueItem> mine(String username) {
    return caseFile.verifications().assignedTo(username, List.of(ASSIGNED, IN_ANALYSIS));
  }

  /** Items with a version waiting for review, longest waiting first. */
  public List<VerificationQueueItem> waitingForReview() {
    return caseFile.verifications().inStatus(List.of(PEER_REVIEW));
  }

  /** Items nobody has taken up yet, earliest first. */
  public List<VerificationQueueItem> untouched(int limit) {
    return caseFile.verifications().untouched(limit);
  }

  /** Items whose record is finalised, earliest first. */
  public List<VerificationQueueItem> finalised() {
    return caseFile.verifications().inStatus(List.of(FINALISED));
  }

  private EvidenceItem item(long evidenceId) {
    return caseFile
        .evidence()
        .find(evidenceId)
        .orElseThrow(
            () ->
                new VerificationException(
                    Kind.NOT_FOUND, "there is no evidence item " + evidenceId));
  }

  private static String words(String status) {
    return status.replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
