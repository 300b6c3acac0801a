package org.sijill.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sijill.workflow.Custody;
import org.sijill.workflow.CustodyProofs;
import org.sijill.workflow.EvidenceException;

/**
 * The proof behind one line of an evidence item's custody timeline: {@code GET
 * /evidence/{id}/custody/{n}/proof} (a page that says how to check it) and {@code GET
 * /api/evidence/{id}/custody/{n}/proof} (the same as JSON), {@code n} being the log entry's index.
 * For an asker who may not see the item the entry's bytes are left out; its leaf hash, the audit
 * path and the checkpoint still show the entry is in the signed log.
 */
final class CustodyProofPages {
  /** How the hashes are made, stated in every answer so a reader needs nothing else to check. */
  static final String HASHING =
      "RFC 9162 section 2.1: leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left || right);"
          + " audit path leaf to root";

  private final Templates templates;
  private final Pages pages;
  private final BiFunction<String, String, Chrome> chrome;
  private final CustodyProofs proofs;

  /**
   * @param proofs null when the server has no vault (then both routes answer 503)
   */
  CustodyProofPages(
      Templates templates,
      Pages pages,
      BiFunction<String, String, Chrome> chrome,
      CustodyProofs proofs) {
    this.templates = templates;
    this.pages = pages;
    this.chrome = chrome;
    this.proofs = proofs;
  }

  /** The answer of the API: the proof and the rule it follows. */
  record ProofJson(
      long evidenceId,
      String sha256,
      long logIndex,
      String entry,
      boolean entryWithheld,
      String leafHash,
      long treeSize,
      List<String> path,
      String root,
      String checkpoint,
      String key,
      String hashing) {
    static ProofJson of(long evidenceId, Custody.Proof p) {
      return new ProofJson(
          evidenceId,
          p.sha256(),
          p.logIndex(),
          p.entry(),
          p.entry() == null,
          p.leafHash(),
          p.treeSize(),
          p.path(),
          p.root(),
          p.checkpoint(),
          p.key(),
          HASHING);
    }
  }

  void page(Context ctx) {
    long id = Params.id(ctx);
    ProofJson proof = find(ctx, id);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.apply("Proof of custody entry " + proof.logIndex(), "evidence"));
    params.put("proof", proof);
    params.put(
        "entryText",
        proof.entry() == null
            ? null
            : new String(
                java.util.Base64.getDecoder().decode(proof.entry()),
                java.nio.charset.StandardCharsets.UTF_8));
    ctx.html(templates.render("evidenceProof.jte", params));
  }

  void api(Context ctx) {
    ctx.json(find(ctx, Params.id(ctx)));
  }

  private ProofJson find(Context ctx, long id) {
    if (proofs == null) {
      throw HttpProblem.unavailable("This server was started without a vault.");
    }
    String raw = ctx.pathParam("n");
    if (!raw.matches("[0-9]{1,18}")) {
      throw HttpProblem.badRequest("log entry: expected a whole number, not '" + raw + "'");
    }
    long n = Long.parseLong(raw);
    boolean sees = pages.seen(ctx).seesEvidence(id);
    try {
      return proofs
          .proof(id, n, sees)
          .map(p -> ProofJson.of(id, p))
          .orElseThrow(
              () ->
                  HttpProblem.notFound(
                      "Log entry " + n + " is not an entry of evidence item " + id + "."));
    } catch (EvidenceException e) {
      throw HttpProblem.unavailable(e.getMessage());
    }
  }
}
