package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.linkage.clustering.Clusterer;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/** The soft one-to-one rule across sources ({@code mutualBest}). */
class MutualBestTest {
  private static final double FLOOR = Math.log(0.1 / 0.9);
  private static final float PROMOTED = 0.01f;

  /** Runs the rule on pairs given as {a, b} with their log-odds; returns the weights after it. */
  private static float[] promote(int[] source, int[][] ab, float[] logit, int maxFlat) {
    long[] pairs = new long[ab.length];
    for (int i = 0; i < ab.length; i++) {
      pairs[i] = Linker.key(ab[i][0], ab[i][1]);
    }
    float[] weight = logit.clone(); // threshold 0.5: weight = log-odds
    int sources = Arrays.stream(source).max().orElse(0) + 1;
    Clusterer.promoteMutualBest(
        pairs, logit, weight, source, sources, FLOOR, 0, 2, PROMOTED, maxFlat);
    return weight;
  }

  @Test
  void manyPairsPromoteTheSameOnAllCoresAsInOnePass() {
    // more pairs than the pass takes on one core, in arrays (on all cores) and in a map (one
    // pass); log-odds on a few values, so ties between a slot's candidates are common
    SplittableRandom rnd = new SplittableRandom(17);
    int n = 60_000;
    int[] source = new int[n];
    for (int i = 0; i < n; i++) {
      source[i] = rnd.nextInt(3);
    }
    long[] keys = new long[(1 << 20) + 5_000];
    for (int i = 0; i < keys.length; i++) {
      int a = rnd.nextInt(n);
      int b = rnd.nextInt(n - 1);
      keys[i] = Linker.key(a, b < a ? b : b + 1);
    }
    keys = Arrays.stream(keys).sorted().distinct().toArray();
    int[][] ab = new int[keys.length][];
    float[] logit = new float[ab.length];
    for (int k = 0; k < keys.length; k++) {
      ab[k] = new int[] {(int) (keys[k] >>> 32), (int) keys[k]};
      // a few near the threshold, most far below on three values: ties and clear bests both
      logit[k] = rnd.nextInt(100) < 3 ? -1f : -6f + rnd.nextInt(3);
    }
    assertThat(keys.length).isGreaterThan(1 << 20);
    float[] allCores = promote(source, ab, logit, 1 << 20);
    float[] onePass = promote(source, ab, logit, 8);
    assertThat(allCores).isEqualTo(onePass);
    int promoted = 0;
    for (float w : allCores) {
      promoted += w == PROMOTED ? 1 : 0;
    }
    assertThat(promoted).isGreaterThan(100);
  }

  @Test
  void linksAClearMutualBestPairAcrossSourcesOnly() {
    // 0 (list A) and 1 (list B) at p≈0.27, far ahead of 0's other candidate 2 in B;
    // 3 and 4 share list A, with nothing else in sight.
    int[] source = {0, 1, 1, 0, 0};
    int[][] ab = {{0, 1}, {0, 2}, {3, 4}};
    float[] logit = {-1f, -4f, -1f};
    float[] w = promote(source, ab, logit, 1 << 20);
    assertThat(w[0]).isEqualTo(PROMOTED);
    assertThat(w[1]).isEqualTo(-4f);
    assertThat(w[2]).isEqualTo(-1f); // within a list: relatives share lists
  }

  @Test
  void needsTheMarginOnBothSidesAndTheFloor() {
    // 0-1 at -1; 0's second in list B (record 2) at -2.5: within the margin of 2.
    int[] source = {0, 1, 1};
    assertThat(promote(source, new int[][] {{0, 1}, {0, 2}}, new float[] {-1f, -2.5f}, 1 << 20)[0])
        .isEqualTo(-1f);
    // 1's other candidate in list A (record 3) is close: 1 is not clearly 0's.
    int[] source4 = {0, 1, 1, 0};
    float[] w = promote(source4, new int[][] {{0, 1}, {1, 3}}, new float[] {-1f, -1.5f}, 1 << 20);
    assertThat(w).containsExactly(-1f, -1.5f);
    // b prefers another record of list A outright: not mutual.
    w = promote(source4, new int[][] {{0, 1}, {1, 3}}, new float[] {-1f, 3f}, 1 << 20);
    assertThat(w).containsExactly(-1f, 3f);
    // below the floor (p < 0.1)
    assertThat(promote(source, new int[][] {{0, 1}}, new float[] {-2.3f}, 1 << 20)[0])
        .isEqualTo(-2.3f);
    // a tie is not a unique best
    w = promote(source, new int[][] {{0, 1}, {0, 2}}, new float[] {-1f, -1f}, 1 << 20);
    assertThat(w).containsExactly(-1f, -1f);
  }

  @Test
  void aPromotedPairDoesNotMergeWhatTheOtherPairsSpeakAgainst() {
    // 1 (list B) links strongly to 2 (list A), so 2, not 0, is 1's best in list A: 0-1 stays.
    int[] source = {0, 1, 0};
    float[] w =
        promote(source, new int[][] {{0, 1}, {1, 2}, {0, 2}}, new float[] {-1f, 5f, -6f}, 8);
    assertThat(w[0]).isEqualTo(-1f);
    // A promoted 0-1 where 1 sits with 2 (list C) and 0 and 2 disagree: no merge.
    int[] src = {0, 1, 2};
    long[] pairs = {Linker.key(0, 1), Linker.key(0, 2), Linker.key(1, 2)};
    int[] c = Clusterer.cluster(3, pairs, new float[] {PROMOTED, -3f, 4f}, src, false);
    assertThat(c[1]).isEqualTo(c[2]);
    assertThat(c[0]).isNotEqualTo(c[1]);
    // Without the disagreement (0-2 never compared) the promoted pair merges 0 in.
    c =
        Clusterer.cluster(
            3, new long[] {pairs[0], pairs[2]}, new float[] {PROMOTED, 4f}, src, false);
    assertThat(c[0]).isEqualTo(c[1]).isEqualTo(c[2]);
  }

  @Test
  void theMapOfSlotsForManySourcesAgreesWithTheFlatArrays() {
    SplittableRandom rnd = new SplittableRandom(11);
    int n = 3000;
    int[] source = new int[n];
    for (int i = 0; i < n; i++) {
      source[i] = rnd.nextInt(4);
    }
    long[] keys = new long[20_000];
    for (int i = 0; i < keys.length; i++) {
      int a = rnd.nextInt(n);
      int b = (a + 1 + rnd.nextInt(40)) % n;
      keys[i] = Linker.key(a, b);
    }
    long[] pairs = Arrays.stream(keys).sorted().distinct().toArray();
    float[] logit = new float[pairs.length];
    for (int i = 0; i < logit.length; i++) {
      logit[i] = (float) (rnd.nextDouble() * 12 - 9);
    }
    float[] flat = logit.clone();
    float[] mapped = logit.clone();
    int a =
        Clusterer.promoteMutualBest(pairs, logit, flat, source, 4, FLOOR, 0, 2, PROMOTED, 1 << 20);
    int b = Clusterer.promoteMutualBest(pairs, logit, mapped, source, 4, FLOOR, 0, 2, PROMOTED, 16);
    assertThat(a).isPositive().isEqualTo(b);
    assertThat(mapped).containsExactly(flat);
  }

  @Test
  void settingsReadTheKeysAndRefuseAFloorAboveTheThreshold(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.json");
    Files.writeString(
        ok,
        "{\"fields\":[{\"column\":\"n\",\"kind\":\"name\"}],"
            + "\"mutualBest\":true,\"mutualBestFloor\":0.2,\"mutualBestMargin\":1.5}");
    Settings s = Settings.read(ok);
    assertThat(s.mutualBest()).isTrue();
    assertThat(s.mutualBestFloor()).isEqualTo(0.2);
    assertThat(s.mutualBestMargin()).isEqualTo(1.5);
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"fields\":[{\"column\":\"n\",\"kind\":\"name\"}],"
            + "\"threshold\":0.5,\"mutualBestFloor\":0.6}");
    assertThatThrownBy(() -> Settings.read(bad))
        .isInstanceOf(LinkageException.class)
        .hasMessageContaining("mutualBestFloor");
  }

  private static Settings victims(boolean mutualBest) {
    Settings v = TestLists.VICTIMS;
    return new Settings(
        v.id(),
        v.fields(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        mutualBest,
        null,
        null,
        null);
  }

  @Test
  void onSyntheticListsTheRuleLinksAcrossListsKeepsTheProbabilitiesAndYieldsToDecisions() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(11, 1500));
    List<Source> sources = TestLists.sources(g, TestLists.VICTIMS);
    assertThat(victims(true)).isEqualTo(TestLists.VICTIMS); // on by default
    LinkResult off =
        new Linker(victims(false), Mode.LINK_AND_DEDUPE)
            .link(sources, List.of(), List.of(), m -> {});
    LinkResult on =
        new Linker(victims(true), Mode.LINK_AND_DEDUPE)
            .link(sources, List.of(), List.of(), m -> {});
    assertThat(on.clusterCount()).isLessThan(off.clusterCount());
    // The probabilities (what --pairs hands to estimation) are the model's, rule or not.
    assertThat(on.pairCount()).isEqualTo(off.pairCount());
    int joined = -1;
    for (int k = 0; k < on.pairCount(); k++) {
      assertThat(on.probability(k)).isEqualTo(off.probability(k));
      int a = on.left(k);
      int b = on.right(k);
      boolean newlyTogether = on.cluster(a) == on.cluster(b) && off.cluster(a) != off.cluster(b);
      if (newlyTogether && on.probability(k) < 0.5 && !on.source(a).equals(on.source(b))) {
        joined = k;
      }
    }
    assertThat(joined).isNotNegative();
    // A person who says no is obeyed.
    int a = on.left(joined);
    int b = on.right(joined);
    List<Decision> no =
        List.of(
            new Decision(
                on.source(a),
                on.recordId(a),
                on.source(b),
                on.recordId(b),
                Decision.Verdict.DIFFERENT,
                "t"));
    LinkResult decided =
        new Linker(victims(true), Mode.LINK_AND_DEDUPE).link(sources, no, List.of(), m -> {});
    assertThat(decided.cluster(a)).isNotEqualTo(decided.cluster(b));
  }

  @Test
  void thePromotedPairsAreThoseTheRuleLinksOnTheResultsPairs() {
    // the cluster step hands its promoted pairs to the result; they must be what the rule gives
    // when run afresh on the result's own pairs and log-odds (as the result once recomputed them)
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(11, 1500));
    List<Source> sources = TestLists.sources(g, TestLists.VICTIMS);
    Settings s = victims(true);
    LinkResult on =
        new Linker(s, Mode.LINK_AND_DEDUPE).link(sources, List.of(), List.of(), m -> {});
    long[] pairs = new long[on.pairCount()];
    float[] logit = new float[pairs.length];
    for (int k = 0; k < pairs.length; k++) {
      pairs[k] = Linker.key(on.left(k), on.right(k));
      logit[k] = on.logit(k);
    }
    java.util.Map<String, Integer> number = new java.util.HashMap<>();
    int[] source = new int[on.size()];
    for (int r = 0; r < source.length; r++) {
      source[r] = number.computeIfAbsent(on.source(r), x -> number.size());
    }
    float[] mark = new float[pairs.length];
    double floor = s.mutualBestFloor();
    double t = s.threshold();
    int count =
        Clusterer.promoteMutualBest(
            pairs,
            logit,
            mark,
            source,
            number.size(),
            Math.log(floor / (1 - floor)),
            Math.log(t / (1 - t)),
            s.mutualBestMargin(),
            1f,
            1 << 20);
    assertThat(count).isPositive();
    int handed = 0;
    for (int k = 0; k < pairs.length; k++) {
      assertThat(on.promoted(k)).as("pair %d", k).isEqualTo(mark[k] == 1f);
      handed += on.promoted(k) ? 1 : 0;
    }
    assertThat(handed).isEqualTo(count);
  }

  @Test
  void theReplicatesDrawAPromotedPairWithTheClusteringsWeightAndEveryOtherWithTheModels() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(11, 1500));
    List<Source> sources = TestLists.sources(g, TestLists.VICTIMS);
    LinkResult on =
        new Linker(victims(true), Mode.LINK_AND_DEDUPE)
            .link(sources, List.of(), List.of(), m -> {});
    java.util.Set<Integer> review = new java.util.HashSet<>(on.reviewPairs());
    int promoted = 0;
    for (int k = 0; k < on.pairCount(); k++) {
      if (on.promoted(k)) {
        promoted++;
        assertThat(on.source(on.left(k))).isNotEqualTo(on.source(on.right(k)));
        assertThat(on.probability(k)).isBetween(0.05 - 1e-6, 0.5);
        // weighed just above the threshold (0.5), as the clustering did
        assertThat(on.drawProbability(k)).isGreaterThan(0.5).isLessThan(0.51);
        if (on.cluster(on.left(k)) == on.cluster(on.right(k))) {
          assertThat(review).contains(k);
        }
      } else {
        assertThat(on.drawProbability(k)).isEqualTo(on.probability(k));
      }
    }
    assertThat(promoted).isPositive();
    LinkResult off =
        new Linker(victims(false), Mode.LINK_AND_DEDUPE)
            .link(sources, List.of(), List.of(), m -> {});
    for (int k = 0; k < off.pairCount(); k++) {
      assertThat(off.promoted(k)).isFalse();
      assertThat(off.drawProbability(k)).isEqualTo(off.probability(k));
    }
  }
}
