package org.sijill.workflow;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;
import org.sijill.workflow.VerificationDraft.Analysis;
import org.sijill.workflow.VerificationDraft.Confidence;
import org.sijill.workflow.VerificationDraft.ContentStrand;
import org.sijill.workflow.VerificationDraft.Judgement;
import org.sijill.workflow.VerificationDraft.SourceStrand;
import org.sijill.workflow.VerificationDraft.TechnicalStrand;

/**
 * The desk's part of the demo case, done through the same use cases as the pages, so every step is
 * in the custody log: after {@link DemoEvidence} has stored the demo's pictures, a synthetic
 * analyst verifies the re-posted copy in three strands (misattributed: an older picture re-posted
 * as a new event) and the original (authentic), and a synthetic reviewer finalises both (four
 * eyes); the original's incident is attributed to two synthetic actors with grades, one resting on
 * the picture; and the re-post's caption is recorded as a public claim preserved by that item. Only
 * synthetic names: "Armed group A (synthetic)", "Militia B (synthetic)", "A synthetic spokesman".
 */
public final class DemoDesk {
  static final String ANALYST = "demo-analyst";
  static final String REVIEWER = "demo-reviewer";
  static final String ARMED_GROUP = "Armed group A (synthetic)";
  static final String MILITIA = "Militia B (synthetic)";
  private final Path dataDir;
  private final CaseFile caseFile;

  /**
   * @param dataDir the data directory whose vault holds the demo's evidence (its vault not open)
   */
  public DemoDesk(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /**
   * What the demo desk recorded.
   *
   * @param incidentId the incident the original picture documents and the actors are attributed
   * @param repostId the re-posted copy, finalised as misattributed
   */
  public record Result(long incidentId, long originalId, long repostId, long claimId) {}

  /**
   * Records the demo's verification records, attributions and public claim, once: a case that has
   * them already is left as it is (empty result).
   *
   * @throws EvidenceException when the demo's evidence is not stored yet
   */
  public Optional<Result> add() {
    if (caseFile.actors().findByName(ARMED_GROUP).isPresent()) {
      return Optional.empty();
    }
    List<EvidenceItem> items =
        caseFile.evidence().list(1, 500).items().stream()
            .sorted(Comparator.comparing(EvidenceItem::id))
            .toList();
    EvidenceItem original = named(items, "scene-1.png");
    EvidenceItem repost = named(items, "reposted.jpg");
    EvidenceItem corroborating =
        items.stream()
            .filter(i -> i.id() != original.id() && i.id() != repost.id())
            .findFirst()
            .orElse(original);
    Incident incident =
        caseFile.incidents().all().stream()
            .filter(
                i ->
                    caseFile.evidence().forIncident(i.id()).stream()
                        .anyMatch(e -> e.id() == original.id()))
            .findFirst()
            .orElseThrow(() -> new EvidenceException("demo: scene-1.png documents no incident"));

    VerifyEvidence verify = new VerifyEvidence(dataDir, caseFile);
    finalise(verify, repost.id(), misattributed(original, incident));
    finalise(verify, original.id(), authentic(incident, original, corroborating));

    AttributeIncident attribute = new AttributeIncident(dataDir, caseFile);
    attribute.attribute(
        incident.id(),
        new AttributeIncident.Draft(
            ARMED_GROUP,
            "armed_group",
            "alleged_perpetrator",
            "fair",
            "Synthetic: the group's flag is visible on a vehicle in the picture; one source.",
            List.of(original.id())),
        ANALYST);
    attribute.attribute(
        incident.id(),
        new AttributeIncident.Draft(
            MILITIA,
            "militia",
            "facilitator",
            "weak",
            "Synthetic: a single unverified post says the militia manned the checkpoint.",
            List.of()),
        ANALYST);

    long claim =
        new RecordPublicClaim(dataDir, caseFile)
            .record(
                new RecordPublicClaim.Draft(
                    "A synthetic spokesman",
                    "at least 40 killed in the new attack (synthetic)",
                    40,
                    null,
                    null,
                    "2025-03-11",
                    "a later event the re-posted picture was said to show (synthetic)",
                    null,
                    "2025-03-11",
                    "2025-03-11",
                    "killed",
                    null,
                    repost.id(),
                    "Synthetic caption of the re-post."),
                ANALYST)
            .id();
    return Optional.of(new Result(incident.id(), original.id(), repost.id(), claim));
  }

  private static EvidenceItem named(List<EvidenceItem> items, String name) {
    return items.stream()
        .filter(i -> name.equals(i.originalName()))
        .findFirst()
        .orElseThrow(
            () ->
                new EvidenceException(
                    "demo: no item " + name + "; store the demo's evidence first"));
  }

  /**
   * The analyst submits the record (which assigns the item to them), another user approves it:
   * finalised.
   */
  private static void finalise(VerifyEvidence verify, long item, VerificationDraft draft) {
    VerifyEvidence.Saved saved = verify.assess(item, draft, true, null, ANALYST);
    verify.review(saved.id(), VerifyEvidence.Action.APPROVE, "Synthetic review: agreed.", REVIEWER);
  }

  private static VerificationDraft misattributed(EvidenceItem original, Incident incident) {
    return new VerificationDraft(
        Judgement.MISATTRIBUTED,
        "Synthetic: a shrunken re-encode of item "
            + original.id()
            + ", acquired days earlier and documenting incident "
            + incident.id()
            + "; it does not show the later event its caption claims.",
        new SourceStrand(
            "@gunman_channel (synthetic)",
            "Synthetic: the account re-posts older material with new captions.",
            "Item " + original.id() + " appeared first, four days earlier.",
            new Analysis(
                "re-post of older material",
                Confidence.HIGH,
                "account history review",
                "The earlier copy comes from another source, days before.")),
        new TechnicalStrand(
            "Synthetic: no camera metadata; width and height halved.",
            "No signs of local editing.",
            "Re-encoded as JPEG at half size.",
            new Analysis(
                "re-encoded copy",
                Confidence.HIGH,
                "perceptual hash (PDQ) comparison",
                "Its fingerprint matches the earlier item within a few bits.")),
        new ContentStrand(
            null,
            null,
            null,
            null,
            null,
            List.of(original.id()),
            new Analysis(
                "same scene as the earlier item",
                Confidence.HIGH,
                "side-by-side comparison",
                "Skyline, hills and houses match the earlier picture.")),
        false,
        false);
  }

  private static VerificationDraft authentic(
      Incident incident, EvidenceItem original, EvidenceItem corroborating) {
    return new VerificationDraft(
        Judgement.AUTHENTIC,
        "Synthetic: the earliest copy, consistent with incident " + incident.id() + ".",
        new SourceStrand(
            "Coastal News Agency (synthetic)",
            "Synthetic: a known agency with a reliable record.",
            "Its own post, the earliest copy found.",
            new Analysis(
                "first appearance",
                Confidence.MEDIUM,
                "reverse image search",
                "No earlier copy was found.")),
        new TechnicalStrand(
            "Synthetic: PNG without camera metadata.",
            "No signs of editing.",
            "Not re-encoded.",
            new Analysis(
                "original file",
                Confidence.MEDIUM,
                "metadata reading",
                "Size and format as first posted.")),
        new ContentStrand(
            null,
            null,
            null,
            Instant.parse("2025-03-07T00:00:00Z"),
            Instant.parse("2025-03-08T00:00:00Z"),
            corroborating.id() == original.id() ? List.of() : List.of(corroborating.id()),
            new Analysis(
                "the town's skyline",
                Confidence.MEDIUM,
                "comparison with reference pictures",
                "The skyline matches the town named in the incident.")),
        false,
        false);
  }
}
