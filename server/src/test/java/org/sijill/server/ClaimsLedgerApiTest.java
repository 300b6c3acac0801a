package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sijill.casefile.model.Enums.Role;

/** {@code GET /api/claims-ledger} on the demo: its shape, its marks and its CSV export. */
@ExtendWith(DemoServer.Extension.class)
class ClaimsLedgerApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyClaimStandsBesideTheDocumentedCountAndTheEstimate(DemoServer demo) throws Exception {
    var r = demo.getAs(Role.VIEWER, "/api/claims-ledger");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = JSON.readTree(r.body());
    assertThat(page.get("total").asInt()).isEqualTo(demo.caseFile.publicClaims().all().size());
    JsonNode nine = entry(page, 9000);
    assertThat(nine.at("/claim/claimant").asText()).contains("synthetic");
    assertThat(nine.get("marks")).extracting(JsonNode::asText).contains("above the interval");
    assertThat(nine.at("/estimate/upper").asDouble()).isLessThan(9000);
    assertThat(nine.at("/estimate/method").asText()).isNotBlank();
    // "the coast" names no governorate: compared with the whole case, and the note says so.
    assertThat(nine.get("places")).isEmpty();
    assertThat(nine.get("notes").toString()).contains("names no governorate");
    long documentedInPeriod = nine.get("documented").asLong();
    assertThat(documentedInPeriod).isPositive();

    // The monitor's claim is compared on the two governorates its scope names, so it documents
    // no more persons than the whole case over a longer period.
    JsonNode monitor = entry(page, 1300);
    assertThat(monitor.get("places")).extracting(JsonNode::asText).contains("Latakia", "Tartus");
    // Every mark follows from the numbers beside it, both ways.
    for (JsonNode e : page.get("items")) {
      boolean above =
          e.get("estimate").isObject()
              && e.at("/estimate/upper").isNumber()
              && (e.at("/claim/lower").isNumber() ? e.at("/claim/lower") : e.at("/claim/figure"))
                      .asDouble()
                  > e.at("/estimate/upper").asDouble();
      assertThat(e.get("marks").toString().contains("above the interval"))
          .as(e.toString())
          .isEqualTo(above);
      long high =
          e.at("/claim/upper").isNumber()
              ? e.at("/claim/upper").asLong()
              : e.at("/claim/figure").asLong();
      boolean below = e.get("documented").isNumber() && high < e.get("documented").asLong();
      assertThat(e.get("marks").toString().contains("below the documented count"))
          .as(e.toString())
          .isEqualTo(below);
    }
    var persons = demo.caseFile.linkageRuns().current().orElseThrow().personCount();
    assertThat(monitor.get("documented").asLong()).isPositive().isLessThanOrEqualTo(persons);
  }

  @Test
  void theLedgerExportsAsCsvWithOneRowPerClaim(DemoServer demo) throws Exception {
    var r = demo.getAs(Role.VIEWER, "/api/claims-ledger?format=csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(r.body()))
            .getRecords();
    assertThat(rows).hasSize(demo.caseFile.publicClaims().all().size());
    CSVRecord nine =
        rows.stream().filter(x -> x.get("figure").equals("9000")).findFirst().orElseThrow();
    assertThat(nine.get("marks")).contains("above the interval");
    assertThat(Long.parseLong(nine.get("estimate_upper"))).isLessThan(9000);
    assertThat(demo.getAs(Role.VIEWER, "/api/claims-ledger?format=xml").statusCode())
        .isEqualTo(400);
  }

  private static JsonNode entry(JsonNode page, int figure) {
    for (JsonNode e : page.get("items")) {
      if (e.at("/claim/figure").asInt() == figure) {
        return e;
      }
    }
    throw new AssertionError("no claim of " + figure + " in " + page);
  }
}
