package org.sijill.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Verification;
import org.sijill.workflow.VerificationDraft;
import org.sijill.workflow.VerificationException;
import org.sijill.workflow.VerificationState;
import org.sijill.workflow.VerifyEvidence;
import org.sijill.workflow.access.Visibility;
import org.sijill.workflow.accounts.Principal;

/**
 * The verification desk's pages: the assessment form of an item ({@code /evidence/{id}/assess}),
 * the review page of one version ({@code /assessments/{id}}), assigning an item, and the queues
 * ({@code /desk/verification}: my items, waiting for review, not yet taken up). The form's fields
 * are turned into the API's JSON and read by the same {@link VerificationDraft#parse}, so the
 * browser and scripts are held to the same rules.
 */
final class VerificationPages {
  private final CaseFile caseFile;
  private final VerifyEvidence verify;
  private final Templates templates;
  private final BiFunction<String, String, Chrome> chrome;
  private final ObjectMapper json = new ObjectMapper();

  VerificationPages(
      CaseFile caseFile,
      VerifyEvidence verify,
      Templates templates,
      BiFunction<String, String, Chrome> chrome) {
    this.caseFile = caseFile;
    this.verify = verify;
    this.templates = templates;
    this.chrome = chrome;
  }

  /** The verification section of an evidence page. */
  static VerificationView view(CaseFile caseFile, long evidenceId, Visibility seen) {
    return VerificationView.of(
        new VerifyEvidence(null, caseFile).state(evidenceId).visibleTo(seen),
        caseFile.claims().assessments(AssessmentTarget.EVIDENCE, evidenceId));
  }

  /** The form's fields: the strand-specific ones, then the four every strand has. */
  static final List<String> SOURCE = List.of("postedBy", "accountRecord", "firstAppearance");

  static final List<String> TECHNICAL = List.of("metadata", "editing", "reencoding");
  static final List<String> COMMON = List.of("finding", "confidence", "method", "reasons");

  void form(Context ctx) {
    long id = Params.id(ctx);
    VerificationApi.requireSees(ctx, caseFile, id);
    VerificationState st = VerificationApi.call(() -> verify.state(id));
    Map<String, String> values = st.latest() == null ? new LinkedHashMap<>() : values(st.latest());
    renderForm(ctx, id, st, values, null);
  }

  void submit(Context ctx) {
    long id = Params.id(ctx);
    VerificationApi.requireSees(ctx, caseFile, id);
    Map<String, String> values = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    boolean forReview = !"draft".equals(values.get("send"));
    try {
      VerificationDraft draft = VerificationDraft.parse(toJson(values));
      verify.assess(id, draft, forReview, values.get("reason"), Desk.who(ctx));
    } catch (VerificationException e) {
      if (e.kind() == VerificationException.Kind.INVALID
          || e.kind() == VerificationException.Kind.CONFLICT) {
        ctx.status(e.kind() == VerificationException.Kind.INVALID ? 400 : 409);
        renderForm(ctx, id, VerificationApi.call(() -> verify.state(id)), values, e.getMessage());
        return;
      }
      throw VerificationApi.problem(e);
    } catch (org.sijill.workflow.EvidenceException e) {
      throw HttpProblem.unavailable(e.getMessage());
    }
    ctx.redirect("/evidence/" + id + "#verification", HttpStatus.SEE_OTHER);
  }

  void assign(Context ctx) {
    long id = Params.id(ctx);
    VerificationApi.requireSees(ctx, caseFile, id);
    String assignee = ctx.formParam("assignee");
    if (assignee == null || assignee.isBlank()) {
      assignee = Desk.who(ctx);
    }
    String who = assignee;
    VerificationApi.call(() -> verify.assign(id, who, Desk.who(ctx)));
    ctx.redirect("/evidence/" + id + "#verification", HttpStatus.SEE_OTHER);
  }

  /**
   * The review page of one version: the record, the item's history and, for a reviewer, the form.
   */
  void reviewPage(Context ctx) {
    long rid = Params.id(ctx);
    Verification v =
        verify
            .find(rid)
            .orElseThrow(
                () -> HttpProblem.notFound("There is no verification record " + rid + "."));
    Visibility seen = Seen.by(ctx, caseFile);
    boolean sees = seen.seesEvidence(v.evidenceId());
    VerificationState st = verify.state(v.evidenceId()).visibleTo(seen);
    EvidenceItem item = seen.evidence(caseFile.evidence().find(v.evidenceId()).orElseThrow());
    v = sees ? v : VerificationState.withheld(v);
    Principal p = Access.principal(ctx).orElse(null);
    boolean waiting = st.status().equals(VerifyEvidence.PEER_REVIEW) && st.latest().id() == v.id();
    boolean author = p != null && p.recordedAs().equals(v.recordedBy());
    boolean reviewer = p != null && p.role().includes(Role.REVIEWER);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Review of evidence item " + item.id(), "verification"));
    params.put("item", item);
    params.put("record", VerificationView.RecordView.of(v));
    params.put("state", VerificationView.of(st, List.of()));
    params.put("waiting", waiting);
    params.put("author", author);
    params.put("mayReview", waiting && reviewer && !author && sees);
    params.put("csrf", p == null ? "" : p.csrf());
    ctx.html(templates.render("assessmentReview.jte", params));
  }

  void review(Context ctx) {
    long rid = Params.id(ctx);
    verify.find(rid).ifPresent(v -> VerificationApi.requireSees(ctx, caseFile, v.evidenceId()));
    VerifyEvidence.Action action = VerificationApi.action(ctx.formParam("action"));
    VerifyEvidence.Saved s =
        VerificationApi.call(
            () -> verify.review(rid, action, ctx.formParam("comment"), Desk.who(ctx)));
    ctx.redirect("/assessments/" + s.id(), HttpStatus.SEE_OTHER);
  }

  /** {@code /desk/verification}: my items, waiting for review, and items nobody has taken up. */
  void desk(Context ctx) {
    String me = Access.principal(ctx).map(Principal::recordedAs).orElse(null);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Verification desk", "verification"));
    params.put("me", me);
    Visibility seen = Seen.by(ctx, caseFile);
    params.put("mine", me == null ? List.of() : VerificationState.visibleTo(verify.mine(me), seen));
    params.put("waiting", VerificationState.visibleTo(verify.waitingForReview(), seen));
    params.put("untouched", VerificationState.visibleTo(verify.untouched(100), seen));
    params.put("csrf", Access.principal(ctx).map(Principal::csrf).orElse(""));
    ctx.html(templates.render("verificationDesk.jte", params));
  }

  private void renderForm(
      Context ctx, long id, VerificationState st, Map<String, String> values, String error) {
    EvidenceItem item = caseFile.evidence().find(id).orElseThrow();
    Principal p = Access.principal(ctx).orElseThrow();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Assess evidence item " + id, "verification"));
    params.put("item", item);
    params.put("state", VerificationView.of(st, List.of()));
    params.put("locked", st.locked());
    params.put("form", new AssessForm(values));
    params.put("error", error);
    params.put("csrf", p.csrf());
    ctx.html(templates.render("assess.jte", params));
  }

  /** The form's values by field name, and the choices the template offers. */
  record AssessForm(Map<String, String> values) {
    public String get(String name) {
      String v = values.get(name);
      return v == null ? "" : v;
    }

    public boolean checked(String name) {
      return "on".equals(values.get(name)) || "true".equals(values.get(name));
    }

    public boolean is(String name, String value) {
      return value.equals(values.get(name));
    }
  }

  /** A version's values under the form's field names, to start the next version from. */
  private Map<String, String> values(Verification v) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("judgement", v.judgement());
    out.put("reasons", v.reasons());
    if (v.graphic()) {
      out.put("graphic", "on");
    }
    if (v.personalInfo()) {
      out.put("personalInfo", "on");
    }
    try {
      JsonNode root = json.readTree(v.strands());
      for (String strand : List.of("source", "technical", "content")) {
        JsonNode n = root.path(strand);
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          var e = it.next();
          if (e.getValue().isValueNode()) {
            out.put(strand + "." + e.getKey(), e.getValue().asText());
          }
        }
      }
      JsonNode c = root.path("content");
      JsonNode g = c.path("geolocation");
      if (g.has("latitude")) {
        out.put("content.latitude", g.get("latitude").asText());
        out.put("content.longitude", g.get("longitude").asText());
        out.put("content.precision", g.path("precision").asText());
      }
      JsonNode ch = c.path("chronolocation");
      out.put("content.from", ch.path("from").asText(""));
      out.put("content.to", ch.path("to").asText(""));
      if (c.path("corroboratedBy").isArray()) {
        StringBuilder b = new StringBuilder();
        c.get("corroboratedBy")
            .forEach(i -> b.append(b.length() == 0 ? "" : ", ").append(i.asText()));
        out.put("content.corroboratedBy", b.toString());
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // an unreadable stored record: start from an empty form
    }
    return out;
  }

  /** The form's fields as the API's JSON body. */
  private ObjectNode toJson(Map<String, String> f) {
    ObjectNode root = json.createObjectNode();
    root.put("judgement", f.getOrDefault("judgement", ""));
    root.put("reasons", f.getOrDefault("reasons", ""));
    ObjectNode strands = root.putObject("strands");
    ObjectNode s = strands.putObject("source");
    ObjectNode t = strands.putObject("technical");
    ObjectNode c = strands.putObject("content");
    SOURCE.forEach(k -> s.put(k, f.getOrDefault("source." + k, "")));
    TECHNICAL.forEach(k -> t.put(k, f.getOrDefault("technical." + k, "")));
    for (String k : COMMON) {
      s.put(k, f.getOrDefault("source." + k, ""));
      t.put(k, f.getOrDefault("technical." + k, ""));
      c.put(k, f.getOrDefault("content." + k, ""));
    }
    ObjectNode g = c.putObject("geolocation");
    g.put("latitude", f.getOrDefault("content.latitude", ""));
    g.put("longitude", f.getOrDefault("content.longitude", ""));
    String precision = f.getOrDefault("content.precision", "");
    if (!precision.isBlank()) {
      g.put("precision", precision);
    }
    ObjectNode ch = c.putObject("chronolocation");
    ch.put("from", f.getOrDefault("content.from", ""));
    ch.put("to", f.getOrDefault("content.to", ""));
    ArrayNode ids = c.putArray("corroboratedBy");
    for (String part : f.getOrDefault("content.corroboratedBy", "").split("[,\\s]+")) {
      String id = part.strip().replaceFirst("^#", "");
      if (id.isEmpty()) {
        continue;
      }
      if (id.matches("\\d{1,18}")) {
        ids.add(Long.parseLong(id));
      } else {
        ids.add(id);
      }
    }
    ObjectNode flags = root.putObject("sensitivity");
    flags.put("graphic", "on".equals(f.get("graphic")));
    flags.put("personalInfo", "on".equals(f.get("personalInfo")));
    return root;
  }
}
