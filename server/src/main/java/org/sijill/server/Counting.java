package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.BiFunction;

/** The counting desk's later pages and their API, over the same {@link Desk}. */
final class Counting {
  final EstimatesPage estimates;
  final ClaimsLedgerPage claims;
  final DiagnosticsPage diagnostics;
  final BlindReviewPage blind;
  final PersonPage persons;

  Counting(
      Desk desk,
      DeskApi api,
      Templates templates,
      ObjectMapper json,
      BiFunction<String, String, Chrome> chrome) {
    this.estimates = new EstimatesPage(desk, templates, json, chrome);
    this.claims =
        new ClaimsLedgerPage(
            new org.sijill.workflow.ClaimsLedger(desk.caseFile),
            desk.caseFile,
            templates,
            json,
            chrome);
    this.diagnostics = new DiagnosticsPage(desk, api, templates, json, chrome);
    this.blind = new BlindReviewPage(desk, templates, chrome);
    this.persons = new PersonPage(desk, templates, json, chrome);
  }
}
