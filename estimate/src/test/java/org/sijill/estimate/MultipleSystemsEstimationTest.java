package org.sijill.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.estimate.internal.Recommendation;

class MultipleSystemsEstimationTest {
  private static final EstimationOptions QUICK =
      EstimationOptions.defaults(11).withLcmcr(10, 5_000, 2_000, 5, 2);

  @TempDir Path dir;

  @Test
  void kosovoReportsTheBallEstimateAndTheDisagreementBetweenModels() throws IOException {
    // long enough for the two chains to agree (R-hat <= 1.1), as the recommendation rule needs
    EstimationOptions longer = QUICK.withLcmcr(10, 20_000, 5_000, 10, 2);
    Report r = MultipleSystemsEstimation.estimate(Datasets.table("kosovo_1999"), longer, m -> {});
    assertThat(r.documented()).isEqualTo(4400);
    Estimate bic = r.estimates().get(0);
    assertThat(bic.model()).isEqualTo("EXH*ABA*OSCE+EXH*HRW+OSCE*HRW");
    assertThat(bic.total()).isCloseTo(10356.52, org.assertj.core.data.Offset.offset(0.01));
    assertThat(bic.lower()).isCloseTo(8994.26, org.assertj.core.data.Offset.offset(10.0));
    assertThat(r.recommended().method()).isEqualTo(EstimationOptions.Method.LCMCR);
    // the Kosovo Memory Book near-census, 10,401, lies inside the recommended interval
    assertThat(r.recommended().lower()).isLessThan(10401);
    assertThat(r.recommended().upper()).isGreaterThan(10401);
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("models disagree"));
    assertThat(r.spread().highest()).isGreaterThan(r.spread().lowest() * 1.25);
    // the spread names every credible estimate, the extremes and the widest interval among them
    assertThat(r.spread().from())
        .extracting(m -> m.method().key())
        .containsExactly("loglinear", "loglinear", "loglinear", "lcmcr", "dga");
    assertThat(r.spread().estimates()).isEqualTo(5);
    assertThat(r.spread().lowestFrom()).isEqualTo("loglinear EXH*ABA*OSCE+EXH*HRW+OSCE*HRW");
    assertThat(r.spread().lower()).isEqualTo(bic.lower());
    assertThat(r.spread().upper()).isGreaterThan(r.spread().highest());
    assertThat(r.spread().summary())
        .startsWith("Across the 5 credible estimates, totals range from 10,357")
        .contains("to 14,342 (log-linear SparseMSE stepwise");
    assertThat(r.recommendedBecause())
        .startsWith("LCMCR is recommended because its chains agree (R-hat ")
        .contains("1 is lower and 3 higher (see spread).")
        // SparseMSE's 14,342 lies above LCMCR's own interval: the interval is widened to the
        // envelope of the credible estimates' intervals (docs/estimation.md "Widen or refuse")
        .endsWith(
            "because log-linear SparseMSE stepwise"
                + " (EXH+ABA+OSCE+HRW+ABA*OSCE+OSCE*HRW+EXH*OSCE+EXH*ABA+EXH*HRW) 14,342 lies"
                + " outside LCMCR (K=10)'s own 95% interval ["
                + Recommendation.format((Double) r.recommended().details().get("ownLower"))
                + ", "
                + Recommendation.format((Double) r.recommended().details().get("ownUpper"))
                + "]. Its upper bound is raised from "
                + Recommendation.format(r.spread().upper())
                + " to 22,577 because the documented people differ in how easily the lists"
                + " catch them (Darroch's heterogeneity model Mth fits the table better than"
                + " equal catchability Mt: likelihood-ratio statistic 126.5, p < 0.001): models"
                + " that do not allow for that count too few, and the heterogeneity model Mth"
                + " Gamma3.5 reaches 22,577.");
    assertThat(r.details()).containsEntry("verdict", "widened");
    // widened to the envelope first, then its upper bound raised for capture heterogeneity
    assertThat(r.recommended().lower()).isEqualTo(r.spread().lower());
    assertThat(r.recommended().upper())
        .isCloseTo(22_576.77, org.assertj.core.data.Offset.offset(0.01))
        .isGreaterThan(r.spread().upper());
    assertThat(r.recommended().details()).containsKey("heterogeneity");
    assertThat((Double) r.recommended().details().get("ownUpper")).isLessThan(14_342);
    String json = ReportJson.toJson(r);
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("lists").toString()).isEqualTo("[\"EXH\",\"ABA\",\"OSCE\",\"HRW\"]");
    assertThat(node.get("recommended").get("total").asDouble()).isPositive();
    assertThat(node.get("recommendedBecause").asText()).startsWith("LCMCR is recommended");
    assertThat(node.get("spread").get("from")).hasSize(5);
  }

  @Test
  void theSameSeedGivesTheSameResultJson() {
    CaptureTable t = Datasets.table("spina_bifida_ny");
    EstimationOptions o = EstimationOptions.defaults(99).withLcmcr(5, 1_000, 500, 2, 2);
    String a = ReportJson.toJson(MultipleSystemsEstimation.estimate(t, o, m -> {}));
    String b = ReportJson.toJson(MultipleSystemsEstimation.estimate(t, o, m -> {}));
    assertThat(a).isEqualTo(b).contains("\"seed\" : 99");
  }

  @Test
  void aGivenModelIsFittedAsWritten() {
    Report r =
        MultipleSystemsEstimation.estimate(
            Datasets.table("kosovo_1999"),
            QUICK
                .withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR))
                .withModel("EXH*ABA*OSCE + EXH*HRW + OSCE*HRW"),
            m -> {});
    assertThat(r.estimates()).hasSize(1);
    assertThat(Math.round(r.estimates().get(0).total())).isEqualTo(10357);
    assertThat(r.recommended()).isEqualTo(r.estimates().get(0));
  }

  @Test
  void unknownListInModelIsRejected() {
    assertThatThrownBy(
            () ->
                MultipleSystemsEstimation.estimate(
                    Datasets.table("kosovo_1999"), QUICK.withModel("EXH*UN"), m -> {}))
        .hasMessageContaining("unknown list 'UN'");
  }

  @Test
  void anEmptyOverlapIsFlaggedAndItsModelStillEstimatesNAsRcaptureDoes() {
    // lists A and B share no one: the A*B term has no finite MLE, N does (the extended MLE fits
    // the A-and-B cells as zero). Rcapture: closedpCI.t(X, dfreq = TRUE, mX = "[12,3]") gives
    // 428.1429 with the profile interval 316.7902-616.544.
    long[] c = new long[8];
    c[0b001] = 50;
    c[0b010] = 40;
    c[0b100] = 60;
    c[0b101] = 12;
    c[0b110] = 9;
    CaptureTable t = CaptureTable.of(List.of("A", "B", "C"), c);
    Report r =
        MultipleSystemsEstimation.estimate(
            t,
            QUICK.withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR)).withModel("A*B+C"),
            m -> {});
    assertThat(r.warnings()).anyMatch(w -> w.contains("A and B share no one"));
    Estimate e = r.estimates().get(0);
    assertThat(e.warnings()).anyMatch(w -> w.contains("have no finite estimate"));
    assertThat(e.warnings()).noneMatch(Recommendation::fatal);
    assertThat(e.total()).isCloseTo(428.1429, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(e.lower()).isCloseTo(316.7902, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(e.upper()).isCloseTo(616.544, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(r.recommended()).isEqualTo(e);
    assertThat(ReportJson.toJson(r)).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void strataAreEstimatedSeparatelyAndSummed() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("A,B,C,region,count");
    CaptureTable k = Datasets.table("spina_bifida_ny");
    for (String region : List.of("north", "south")) {
      for (int p = 1; p < 8; p++) {
        lines.add(
            (p & 1) + "," + (p >> 1 & 1) + "," + (p >> 2 & 1) + "," + region + "," + k.count(p));
      }
    }
    lines.add("1,1,0,east,5");
    lines.add("1,0,0,east,7");
    Path f = dir.resolve("h.csv");
    Files.write(f, lines);
    CaptureData data = CaptureData.readHistories(f, "region");
    assertThat(data.strata()).containsOnlyKeys("north", "south", "east");
    Report r = MultipleSystemsEstimation.estimate(data, QUICK, m -> {});
    assertThat(r.strata()).hasSize(3);
    assertThat(r.strata().get(2).warnings()).anyMatch(w -> w.contains("not estimable"));
    Estimate total =
        r.estimates().stream()
            .filter(e -> e.method() == EstimationOptions.Method.DGA)
            .findFirst()
            .get();
    double north =
        r.strata().get(0).estimates().stream()
            .filter(e -> e.method() == EstimationOptions.Method.DGA)
            .findFirst()
            .get()
            .total();
    assertThat(total.total()).isBetween(2 * north + 12 - 5, 2 * north + 12 + 5);
    assertThat(total.lower()).isLessThan(total.total());
  }

  @Test
  void badHistoriesNameFileLineAndColumn() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "A,B,count\n1,0,3\n1,2,4\n0,1,-1\n0,0,2\n");
    assertThatThrownBy(() -> CaptureData.readHistories(f, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(f + ":3: B: expected 0 or 1, got '2'")
        .hasMessageContaining(f + ":4: count: negative count -1")
        .hasMessageContaining(f + ":5: A,B: a person on no list");
  }

  @Test
  void filesAreUtf8WithAnOptionalBomAndBadBytesAreNamedByLine() throws IOException {
    Path bom = dir.resolve("bom.csv");
    byte[] body = "A,B,count\n1,0,3\n0,1,4\n1,1,2\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(bom, withBom);
    assertThat(CaptureData.readHistories(bom, null).total().lists()).containsExactly("A", "B");

    Path bad = dir.resolve("bad-bytes.csv");
    Files.write(
        bad,
        "cluster_id,source,record_id\n1,a,x1\n2,\u062c,x2\n"
            .getBytes(Charset.forName("windows-1256")));
    assertThatThrownBy(() -> CaptureData.readClusters(bad))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(bad + ":3: -: bytes that are not valid UTF-8");
  }

  @Test
  void aListThatCapturesNobodyAndTooFewListsAreErrors() throws IOException {
    Path f = dir.resolve("empty.csv");
    Files.writeString(f, "A,B,C\n1,0,0\n0,1,0\n");
    assertThatThrownBy(() -> CaptureData.readHistories(f, null))
        .hasMessageContaining("C: this list captures nobody");
    Path g = dir.resolve("one.csv");
    Files.writeString(g, "A,count\n1,3\n");
    assertThatThrownBy(() -> CaptureData.readHistories(g, null))
        .hasMessageContaining("need at least 2 list columns");
  }

  @Test
  void clustersBecomeCaptureHistories() throws IOException {
    Path f = dir.resolve("clusters.csv");
    Files.writeString(
        f,
        "cluster_id,source,record_id\n1,hrw,a1\n1,osce,b7\n2,hrw,a2\n3,osce,b1\n3,aba,c4\n"
            + "4,aba,c5\n");
    CaptureTable t = CaptureData.readClusters(f).total();
    assertThat(t.lists()).containsExactly("aba", "hrw", "osce");
    assertThat(t.documented()).isEqualTo(4);
    assertThat(t.count(0b110)).isEqualTo(1); // hrw + osce
    assertThat(t.count(0b101)).isEqualTo(1); // aba + osce
  }
}
