package org.sijill.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.PublicClaim;
import org.sijill.workflow.access.Visibility;

/** The public claims as the report publishes them, each beside what the case documents. */
final class ReportClaims {
  private ReportClaims() {}

  /**
   * The claims ledger's rows as the report publishes them: read by someone in no access group, so
   * the evidence counts leave out restricted incidents and items.
   */
  static ArrayNode rows(CaseFile caseFile, Map<String, String> listLabel) {
    ArrayNode claims = ReportContent.JSON.createArrayNode();
    Visibility outsider = Visibility.of(caseFile, Optional.empty());
    for (ClaimsLedger.Entry e : new ClaimsLedger(caseFile).entries(outsider)) {
      PublicClaim c = e.claim();
      ObjectNode o = claims.addObject();
      o.put("claimant", c.claimant());
      o.put("claimed_on", c.claimedOn() == null ? null : c.claimedOn().toString());
      o.put("figure", c.figureText());
      o.put("figure_low", c.figureLow());
      o.put("figure_high", c.figureHigh());
      o.put("category", c.category());
      o.put("scope", c.scope() == null ? "" : c.scope());
      ArrayNode places = o.putArray("places");
      e.places().forEach(places::add);
      o.put("compared_with", e.places().isEmpty() ? "all" : String.join(", ", e.places()));
      o.put("documented", e.documented());
      ClaimsLedger.Figure f = e.estimate();
      if (f != null) {
        ObjectNode x = o.putObject("estimate");
        x.put("method", f.method());
        x.put("model", ReportListLabels.relabel(f.model(), listLabel));
        x.put("total", ReportContent.round(f.total()));
        x.put("lower", f.lower() == null ? null : ReportContent.round(f.lower()));
        x.put("upper", f.upper() == null ? null : ReportContent.round(f.upper()));
        x.put("covers", f.covers());
        x.put("basis", f.basis());
      }
      o.put("evidence", e.evidence());
      ArrayNode marks = o.putArray("marks");
      e.marks().forEach(marks::add);
      ArrayNode notes = o.putArray("notes");
      e.notes().forEach(notes::add);
    }
    return claims;
  }
}
