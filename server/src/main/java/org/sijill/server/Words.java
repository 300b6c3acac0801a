package org.sijill.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored vocabularies a page shows to people (statuses, judgements, grades, kinds, roles …), as
 * the codes the database and the forms use. Each code of each vocabulary has a label {@code
 * word.VOCABULARY.CODE} in both message files; {@link Labels#word} looks it up, and {@code
 * LabelsTest} fails when a code lacks its label or a {@code word.} label names no code here. Stored
 * codes and form values stay as they are: only the words shown change with the language.
 */
final class Words {
  /** Each vocabulary by name, its codes as the check constraints of the migrations list them. */
  static final Map<String, List<String>> CODES = codes();

  private Words() {}

  private static Map<String, List<String>> codes() {
    Map<String, List<String>> m = new TreeMap<>();
    m.put("status", List.of("new", "assigned", "in_analysis", "peer_review", "finalised"));
    m.put("judgement", EvidenceFilter.JUDGEMENTS);
    m.put("grade", List.of("confirmed", "fair", "weak", "contested", "discounted"));
    m.put("incident_status", List.of("under_review", "published", "disputed", "retracted"));
    m.put(
        "assessment_status",
        List.of("unverified", "corroborated", "verified", "disputed", "misattributed"));
    m.put(
        "source_kind",
        List.of(
            "documentation_group", "media", "witness", "social_account", "official", "archive"));
    m.put("confidentiality", List.of("public", "restricted", "confidential"));
    m.put("actor_kind", List.of("unknown", "state_force", "armed_group", "militia", "individual"));
    m.put(
        "attribution_role",
        List.of("alleged_perpetrator", "perpetrator", "commander", "facilitator", "responder"));
    m.put(
        "claim_kind",
        List.of("occurrence", "casualty_count", "attribution", "identity", "place", "time"));
    m.put("category", List.of("killed", "missing", "injured"));
    m.put("victim_status", List.of("civilian", "combatant", "unknown"));
    m.put("media_type", EvidenceFilter.TYPES);
    m.put("role", List.of("admin", "reviewer", "investigator", "analyst", "viewer"));
    m.put("precision", List.of("exact", "vicinity", "locality"));
    m.put("confidence", List.of("high", "medium", "low"));
    m.put("decision", List.of("same", "different", "unsure"));
    m.put("stratum", EstimatesPage.STRATA_ORDER);
    m.put(
        "record_field",
        List.of(
            "full_name",
            "given_name",
            "father_name",
            "mother_name",
            "family_name",
            "sex",
            "age",
            "age_group",
            "date_of_death",
            "place_of_death",
            "governorate",
            "status",
            "cause"));
    // What the workflow writes in a custody entry's details (keys): the incident desk's entries
    // and an evidence item's own (acquisition, import, metadata, fingerprints, viewings,
    // assessments and verification steps, links, public claims, exports), and the fixed
    // phrases and viewing purposes among their values (codes with "_" for " ").
    m.put(
        "custody_detail",
        List.of(
            "acquired_at",
            "action",
            "actor_id",
            "assignee",
            "attribution",
            "attribution_id",
            "author",
            "claimant",
            "claimed_on",
            "evidence",
            "evidence_of",
            "file_name",
            "frames",
            "from",
            "grade",
            "grade_assessment",
            "how",
            "incident",
            "judgement",
            "kind",
            "link_id",
            "location",
            "log_index",
            "media_type",
            "metadata_sha256",
            "method",
            "mime_type",
            "note",
            "outcome",
            "package",
            "public_claim",
            "purpose",
            "reader",
            "reason",
            "record",
            "record_sha256",
            "redacted",
            "related_incident",
            "retry",
            "role",
            "sha256",
            "sha512",
            "size",
            "source",
            "source_checkpoint_sha256",
            "source_collector",
            "source_key",
            "source_log_index",
            "source_origin",
            "source_root",
            "source_tree_size",
            "status",
            "step",
            "target",
            "to",
            "tree_size",
            "url",
            "verification",
            "version",
            "via",
            "withdrawal",
            "withdrawn"));
    // The codes of the incident desk's "record" and "action" values.
    m.put("custody_record", List.of("incident", "incident_link", "attribution", "withdrawal"));
    m.put("custody_action", List.of("created", "corrected", "linked", "attributed", "withdrawn"));
    m.put(
        "custody_value",
        List.of(
            "approved",
            "assigned",
            "copied_out",
            "fingerprinted",
            "not_fingerprinted",
            "public_claim",
            "returned_to_the_analyst",
            "saved_as_draft",
            "submitted_for_review",
            "yes"));
    m.put(
        "custody_purpose",
        List.of("api", "api_custody", "download", "keyframe", "original", "page", "preview"));
    m.put(
        "job_status",
        java.util.Arrays.stream(org.sijill.workflow.DeskJobs.Status.values())
            .map(org.sijill.workflow.DeskJobs.Status::key)
            .toList());
    m.put(
        "audit_kind",
        java.util.Arrays.stream(org.sijill.workflow.audit.AuditTrail.Kind.values())
            .map(org.sijill.workflow.audit.AuditTrail.Kind::db)
            .toList());
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The message key of one code, whether or not the vocabulary holds it. */
  static String key(String vocabulary, String code) {
    return "word." + vocabulary + "." + code;
  }
}
