package org.sijill.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
import org.sijill.vault.EventType;
import org.sijill.workflow.VerificationException.Kind;
import org.sijill.workflow.access.Visibility;

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

  /**
   * @param dataDir the data directory whose vault's custody log records each step
   */
  public VerifyEvidence(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /** What a reviewer decides. */
  public enum Action {
    APPROVE,
    RETURN
  }

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
  public record State(
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
     * withheld from them, every version's strands and reasons and every comment are withheld too
     * (the judgement, versions, statuses and record hashes stay).
     */
    public State visibleTo(Visibility seen) {
      if (seen.seesEvidence(evidenceId)) {
        return this;
      }
      return new State(
          evidenceId,
          status,
          assignee,
          latest == null ? null : withheld(latest),
          inForce == null ? null : withheld(inForce),
          versions.stream().map(VerifyEvidence::withheld).toList(),
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

  /** The outcome of a step: the record it concerns (null for an assignment) and the new status. */
  public record Saved(Long id, Integer version, String status, String assignee) {}

  /**
   * @throws VerificationException (NOT_FOUND) when there is no such evidence item
   */
  public State state(long evidenceId) {
    item(evidenceId);
    return load(evidenceId);
  }

  private State load(long evidenceId) {
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
    return new State(
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
    State st = load(evidenceId);
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
    log(
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
    State st = load(evidenceId);
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
        sha256(
            canonical(item, version, draft, strands, supersedes, st.locked() ? reason : null, by));
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
    log(
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
    State st = load(v.evidenceId());
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
    log(
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

  /** The database write of a step, given the custody log append to run before it commits. */
  private interface Write {
    void run(EvidenceVault vault, Runnable log);
  }

  /**
   * Opens the vault, runs {@code write} with the log append it must run before committing, and
   * mirrors the new log entry into the case file. If the log cannot be written, the database write
   * rolls back; the log is forced to disk before the commit.
   */
  private void log(EvidenceItem item, String actor, Map<String, String> details, Write write) {
    try (EvidenceVault vault = openVault()) {
      write.run(
          vault,
          () -> {
            try {
              vault.vault().record(EventType.ASSESSED, item.sha256(), actor, details);
            } catch (IOException e) {
              throw new EvidenceException(
                  "evidence item "
                      + item.id()
                      + ": the custody log could not be written, so nothing was recorded: "
                      + e.getMessage(),
                  e);
            }
          });
      vault.mirror();
    } catch (org.sijill.casefile.seal.KeyringException e) {
      // The record's free text is sealed at rest: a locked case cannot record one.
      throw new VerificationException(Kind.CONFLICT, e.getMessage());
    } catch (IOException e) {
      throw new EvidenceException(
          "evidence item "
              + item.id()
              + ": recorded, but the custody log is not yet mirrored into the case file ("
              + e.getMessage()
              + "); it will be at the next opening of the vault",
          e);
    }
  }

  /**
   * The vault, waiting while another request of this server holds it (a viewer's download, an
   * upload): one process holds its lock at a time, and a second lock from the same process is
   * refused at once rather than queued.
   */
  private EvidenceVault openVault() {
    if (dataDir == null) {
      throw new EvidenceException(
          "this case has no vault here, so no verification step can be logged", null);
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        return EvidenceVault.open(dataDir, caseFile);
      } catch (OverlappingFileLockException e) {
        if (System.nanoTime() > deadline) {
          throw new EvidenceException("the vault is busy; try again in a moment", null);
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new EvidenceException("interrupted while waiting for the vault", ie);
        }
      }
    }
  }

  private static String canonical(
      EvidenceItem item,
      int version,
      VerificationDraft d,
      String strands,
      Long supersedes,
      String reason,
      String by) {
    ObjectNode n = VerificationDraft.MAPPER.createObjectNode();
    n.put("evidence_sha256", item.sha256());
    n.put("version", version);
    n.put("judgement", d.judgement().wire());
    n.put("reasons", d.reasons());
    n.set("strands", readTree(strands));
    n.put("graphic", d.graphic());
    n.put("personal_info", d.personalInfo());
    if (supersedes != null) {
      n.put("supersedes", supersedes);
    }
    if (reason != null) {
      n.put("change_reason", reason);
    }
    n.put("author", by);
    return VerificationDraft.write(n);
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return VerificationDraft.MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String words(String status) {
    return status.replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
