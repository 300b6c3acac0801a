package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.model.PatternCounts;
import org.sijill.linkage.model.Patterns;
import org.sijill.linkage.names.JaroWinkler;
import org.sijill.linkage.names.NameComparison;
import org.sijill.linkage.names.NameToken;
import org.sijill.linkage.names.TokenSimilarities;

/** The shortcuts taken for speed give the same answers as the direct computation. */
class SpeedPathsTest {

  @Test
  void memoisedNameLevelsEqualComputedOnes() {
    String[] names = {
      "محمد أحمد الحسن",
      "Mohammed Ahmad al-Hasan",
      "أمد الحسن",
      "Khaled Omar al-Qabbani",
      "محمود عمر القباني",
      "حسين خالد الحازم",
      "حسن خالد الحازم",
      "Basil Mahmoud",
      "باسل محمود",
      ""
    };
    List<String[]> rows = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 300; i++) {
      rows.add(new String[] {String.valueOf(i), names[rnd.nextInt(names.length)]});
    }
    Source s = Source.of("s", List.of("id", "v"), rows);
    Records r = new Records(List.of(s), Settings.of("id", List.of(new FieldSpec("v", Kind.NAME))));
    NameComparator c = new NameComparator();
    c.prepare(r, 0);
    NameComparator fresh = new NameComparator();
    fresh.prepare(r, 0);
    int relatives = 0;
    for (int round = 0; round < 2; round++) { // the second round reads the memo
      for (int a = 0; a < r.size; a++) {
        for (int b = 0; b < r.size; b += 7) {
          int l = c.level(a, b);
          assertThat(l).isEqualTo(fresh.computeLevel(a, b));
          if (l >= 4) {
            assertThat(c.termFactor(a, b, l, 0.01)).isEqualTo(fresh.termFactor(a, b, l, 0.01));
          }
          relatives += l == 0 ? 1 : 0;
        }
      }
    }
    assertThat(relatives).isPositive(); // the sample holds levels other than agreement
  }

  @Test
  void jaroWinklerBoundIsNeverBelowTheSimilarity() {
    // short strings over a small alphabet (many near misses), Latin, digits and Arabic, whose
    // codes share classes modulo 64
    String alphabet = "abcdeklmnrst 0159أحمدسن";
    SplittableRandom rnd = new SplittableRandom(11);
    int pruned = 0;
    for (int i = 0; i < 200_000; i++) {
      String a = randomString(rnd, alphabet);
      String b = rnd.nextInt(4) == 0 ? mutate(rnd, a, alphabet) : randomString(rnd, alphabet);
      double bound = JaroWinkler.upperBound(a, JaroWinkler.charSet(a), b, JaroWinkler.charSet(b));
      double jw = JaroWinkler.similarity(a, b);
      assertThat(bound).isGreaterThanOrEqualTo(jw);
      pruned += bound < 0.85 ? 1 : 0;
    }
    assertThat(pruned).isGreaterThan(10_000); // the bound does prune
  }

  private static String randomString(SplittableRandom rnd, String alphabet) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String mutate(SplittableRandom rnd, String s, String alphabet) {
    StringBuilder sb = new StringBuilder(s);
    int k = rnd.nextInt(sb.length());
    sb.setCharAt(k, alphabet.charAt(rnd.nextInt(alphabet.length())));
    return sb.toString();
  }

  @Test
  void aTypoScoresAlikeWhetherItsTokensAreFrequentOrRare() {
    NameToken typo = NameToken.of("امد");
    NameToken name = NameToken.of("احمد");
    double cached = new TokenSimilarities(new NameToken[] {typo, name}).get(typo, name);
    double rare = new TokenSimilarities(new NameToken[0]).get(typo, name);
    assertThat(rare).isEqualTo(cached);
    assertThat(rare).isGreaterThanOrEqualTo(NameComparison.TYPO_CUT);
  }

  @Test
  void keptConflictsAreTheTokensOwn() {
    // two names the lexicon knows apart, a spelling variant and an unknown token
    NameToken[] tokens = {
      NameToken.of("خالد"),
      NameToken.of("محمود"),
      NameToken.of("mahmoud"),
      NameToken.of("khaled"),
      NameToken.of("zqrtw")
    };
    TokenSimilarities kept = new TokenSimilarities(tokens);
    int conflicting = 0;
    for (int round = 0; round < 2; round++) {
      for (NameToken a : tokens) {
        for (NameToken b : tokens) {
          boolean direct = a.conflicts(b);
          assertThat(kept.conflicts(kept.id(a), kept.id(b), a, b)).isEqualTo(direct);
          conflicting += direct ? 1 : 0;
        }
      }
    }
    assertThat(conflicting).isPositive();
  }

  @Test
  void patternCountsKeepVectorsThatDifferOnlyInTheLastFields() {
    PatternCounts pc = new PatternCounts();
    Map<Long, Double> expected = new HashMap<>();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 50_000; i++) {
      long p = 0;
      for (int f = 0; f < 10; f++) {
        p = Patterns.set(p, f, f < 5 ? 0 : rnd.nextInt(7));
      }
      p = Patterns.set(p, 0, rnd.nextInt(4)); // and a few in the first field
      pc.add(p, 1);
      expected.merge(p, 1.0, Double::sum);
    }
    assertThat(pc.size()).isEqualTo(expected.size()).isGreaterThan(4096);
    Map<Long, double[]> got = pc.toMap();
    assertThat(got).hasSize(expected.size());
    for (Map.Entry<Long, Double> e : expected.entrySet()) {
      assertThat(got.get(e.getKey())[0]).isEqualTo(e.getValue());
      assertThat(pc.count(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(pc.count(Patterns.set(0, 9, 6) | Patterns.set(0, 0, 6))).isZero();
  }
}
