package org.sijill.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RESULT.json records the algorithm versions, and a seeded algorithm's draws are pinned to its
 * version: when one of these fingerprints fails, the draws changed; if that was meant, raise the
 * version in {@link AlgorithmVersion}, say why in docs/estimation.md and record the new fingerprint
 * here (with the new version beside it).
 */
class AlgorithmVersionTest {

  @Test
  void resultJsonEndsWithThisBuildsVersionOfEveryAlgorithm() throws Exception {
    Report r =
        MultipleSystemsEstimation.estimate(
            Datasets.table("spina_bifida_ny"),
            EstimationOptions.defaults(3)
                .withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR)),
            m -> {});
    JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(r));
    JsonNode v = json.path(ReportJson.VERSIONS);
    assertThat(v.size()).isEqualTo(AlgorithmVersion.values().length);
    for (AlgorithmVersion a : AlgorithmVersion.values()) {
      assertThat(v.path(a.key()).asInt()).as(a.key()).isEqualTo(a.version()).isPositive();
    }
    assertThat(v.path("lcmcr").asInt()).isEqualTo(2);
    assertThat(v.path("loglinear").asInt()).isEqualTo(1);
    assertThat(v.path("dga").asInt()).isEqualTo(1);
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).last().isEqualTo(ReportJson.VERSIONS);
  }

  @Test
  void everyMethodHasTheAlgorithmOfItsKey() {
    for (EstimationOptions.Method m : EstimationOptions.Method.values()) {
      assertThat(AlgorithmVersion.of(m).key()).isEqualTo(m.key());
    }
  }

  /** LCMCR sampler version 2: a short run's posterior median and quantiles for seed 11. */
  @Test
  void lcmcrSamplerVersion2GivesTheseDrawsForSeed11() {
    Report r =
        MultipleSystemsEstimation.estimate(
            Datasets.table("spina_bifida_ny"),
            EstimationOptions.defaults(11)
                .withMethods(EnumSet.of(EstimationOptions.Method.LCMCR))
                .withLcmcr(5, 2_000, 400, 5, 2),
            m -> {});
    Estimate e = r.estimates().get(0);
    assertThat(AlgorithmVersion.LCMCR.version())
        .as("the version these draws belong to")
        .isEqualTo(2);
    assertThat(List.of(e.total(), e.lower(), e.upper()))
        .as(
            "LCMCR's draws for seed 11 changed: if meant, raise AlgorithmVersion.LCMCR and record"
                + " the new numbers")
        .containsExactly(728.0, 661.975, 807.0);
  }

  /**
   * Linkage replicate draw version 3 and 4 (4 changed what is drawn, not the draw): twenty
   * replicates of a chain and a small part, seed 5.
   */
  @Test
  void linkageReplicateDrawVersion3GivesTheseReplicatesForSeed5() throws Exception {
    // records 0..11 a chain of contested pairs (Gibbs-sampled: more atoms than enumerated exactly),
    // 12..14 a small part drawn exactly
    int n = 15;
    int[] cluster = new int[n];
    int[] list = new int[n];
    List<LinkageReplicates.Pair> contested = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cluster[i] = i;
      list[i] = i % 4;
    }
    for (int i = 0; i < 11; i++) {
      contested.add(new LinkageReplicates.Pair(i, i + 1, 0.15 + 0.07 * i));
    }
    contested.add(new LinkageReplicates.Pair(12, 13, 0.6));
    contested.add(new LinkageReplicates.Pair(13, 14, 0.35));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int[] labels : LinkageReplicates.draw(cluster, list, contested, 20, 5)) {
      // labels as which earlier record each record joins, so the numbering of persons is free
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        int first = i;
        for (int j = 0; j < i; j++) {
          if (labels[j] == labels[i]) {
            first = j;
            break;
          }
        }
        b.append(first).append(',');
      }
      sha.update(b.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(AlgorithmVersion.LINKAGE_REPLICATES.version())
        .as("the version these draws belong to")
        .isEqualTo(5);
    assertThat(HexFormat.of().formatHex(sha.digest()))
        .as(
            "the linkage replicates for seed 5 changed: if meant, raise"
                + " AlgorithmVersion.LINKAGE_REPLICATES and record the new fingerprint")
        .isEqualTo("4931a6e74acbef258062004722384f0cff6dabaca49e44338db1da23edf1ccca");
  }
}
