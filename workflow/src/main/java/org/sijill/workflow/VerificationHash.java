package org.sijill.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sijill.casefile.model.EvidenceItem;

/**
 * The fingerprint of one version of a verification record: its fields as canonical JSON (the item's
 * SHA-256, version, judgement, reasons, strands, flags, what it supersedes and why, its author),
 * hashed with SHA-256. Anyone holding the record can recompute it.
 */
final class VerificationHash {
  private VerificationHash() {}

  /** The SHA-256 of a version's canonical JSON, as its custody log entry carries it. */
  static String of(
      EvidenceItem item,
      int version,
      VerificationDraft d,
      String strands,
      Long supersedes,
      String reason,
      String by) {
    return sha256(canonical(item, version, d, strands, supersedes, reason, by));
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
}
