package org.sijill.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Verification;
import org.sijill.casefile.model.VerificationStep;
import org.sijill.workflow.VerificationState;

/**
 * An evidence item's verification as the pages show it: status and assignee, the record in force
 * and the newest version (each as its three strands), every change of status, and the older
 * one-line assessments of V1 (the demo's), which stay readable.
 */
record VerificationView(
    long evidenceId,
    String status,
    String assignee,
    RecordView inForce,
    RecordView latest,
    List<VerificationStep> steps,
    List<Assessment> older) {

  static VerificationView of(VerificationState st, List<Assessment> older) {
    return new VerificationView(
        st.evidenceId(),
        st.status(),
        st.assignee(),
        st.inForce() == null ? null : RecordView.of(st.inForce()),
        st.latest() == null ? null : RecordView.of(st.latest()),
        st.steps(),
        older);
  }

  /** True when the newest version is not the one in force (a draft, or a change under review). */
  public boolean latestPending() {
    return latest != null && (inForce == null || inForce.record().id() != latest.record().id());
  }

  /** One version of a record with its strands as labelled fields. */
  record RecordView(Verification record, List<StrandView> strands) {
    static RecordView of(Verification v) {
      return new RecordView(v, VerificationView.strands(v.strands()));
    }
  }

  /** One strand: its name and its fields in a fixed order, absent ones left out. */
  record StrandView(String key, String title, List<EvidenceView.Field> fields) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<StrandView> strands(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of(
          new StrandView("unreadable", "(unreadable)", List.of(new EvidenceView.Field("", json))));
    }
    List<StrandView> out = new ArrayList<>();
    JsonNode s = root.path("source");
    out.add(
        new StrandView(
            "source",
            "Source analysis",
            fields(
                s,
                "postedBy",
                "Posted by",
                "accountRecord",
                "Their record",
                "firstAppearance",
                "First appearance")));
    JsonNode t = root.path("technical");
    out.add(
        new StrandView(
            "technical",
            "Technical analysis",
            fields(
                t,
                "metadata",
                "Metadata",
                "editing",
                "Signs of editing",
                "reencoding",
                "Re-encoding")));
    JsonNode c = root.path("content");
    List<EvidenceView.Field> content = new ArrayList<>();
    JsonNode g = c.path("geolocation");
    if (g.has("latitude")) {
      content.add(
          new EvidenceView.Field(
              "Geolocation",
              g.get("latitude").asText()
                  + ", "
                  + g.get("longitude").asText()
                  + " ("
                  + g.path("precision").asText()
                  + ")"));
    }
    JsonNode ch = c.path("chronolocation");
    if (ch.has("from") || ch.has("to")) {
      content.add(
          new EvidenceView.Field(
              "Chronolocation",
              (ch.has("from") ? "from " + ch.get("from").asText() : "")
                  + (ch.has("from") && ch.has("to") ? " " : "")
                  + (ch.has("to") ? "to " + ch.get("to").asText() : "")));
    }
    if (c.path("corroboratedBy").isArray() && !c.path("corroboratedBy").isEmpty()) {
      List<String> ids = new ArrayList<>();
      c.get("corroboratedBy").forEach(i -> ids.add("#" + i.asText()));
      content.add(new EvidenceView.Field("Corroborated by", String.join(", ", ids)));
    }
    content.addAll(fields(c));
    out.add(new StrandView("content", "Content analysis", content));
    return out;
  }

  /** The strand-specific fields named in {@code pairs} (key, label, ...), then the common four. */
  private static List<EvidenceView.Field> fields(JsonNode n, String... pairs) {
    List<EvidenceView.Field> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (n.hasNonNull(pairs[i])) {
        out.add(new EvidenceView.Field(pairs[i + 1], n.get(pairs[i]).asText()));
      }
    }
    if (pairs.length > 0) {
      out.addAll(fields(n));
    }
    return out;
  }

  private static List<EvidenceView.Field> fields(JsonNode n) {
    List<EvidenceView.Field> out = new ArrayList<>();
    String[][] common = {
      {"finding", "Finding"},
      {"confidence", "Confidence"},
      {"method", "Method or tool"},
      {"reasons", "Reasons"}
    };
    for (String[] f : common) {
      if (n.hasNonNull(f[0])) {
        out.add(new EvidenceView.Field(f[1], n.get(f[0]).asText()));
      }
    }
    return out;
  }
}
