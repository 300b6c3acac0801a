package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.compare.FieldComparator;
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
  void anExactFieldsTabledLogFactorsEqualTheDirectOnes() {
    String[] values = {"m", "f", "F", "x", ""};
    List<String[]> rows = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      rows.add(new String[] {String.valueOf(i), values[rnd.nextInt(values.length)]});
    }
    Source s = Source.of("s", List.of("id", "v"), rows);
    Records r = new Records(List.of(s), Settings.of("id", List.of(new FieldSpec("v", Kind.EXACT))));
    FieldComparator c = FieldComparator.of(new FieldSpec("v", Kind.EXACT));
    c.prepare(r, 0);
    int agreeing = 0;
    for (double u : new double[] {0.6, 0.01, 0.6}) { // a new u makes a new table
      for (int a = 0; a < r.size; a++) {
        for (int b = 0; b < r.size; b++) {
          int l = c.level(a, b);
          if (l < 0) {
            continue;
          }
          double factor = c.termFactor(a, b, l, u);
          double direct = factor == 1.0 ? 0.0 : Math.log(factor);
          assertThat(c.logTermFactor(a, b, l, u)).isEqualTo(direct);
          agreeing += l == 1 && direct != 0 ? 1 : 0;
        }
      }
    }
    assertThat(agreeing).isPositive(); // the sample holds factors other than 1
    assertThat(c.adjustsByTermFrequency()).isTrue();
    assertThat(FieldComparator.of(new FieldSpec("v", Kind.NUMBER)).adjustsByTermFrequency())
        .isFalse();
  }

  @Test
  void touchingARecordWithoutANameReadsNothingBeyondTheTokens() {
    // the last record has no name: its token start is the end of the flat token array
    List<String[]> rows = List.of(new String[] {"1", "Basil Mahmoud"}, new String[] {"2", ""});
    Source s = Source.of("s", List.of("id", "v"), rows);
    Records r = new Records(List.of(s), Settings.of("id", List.of(new FieldSpec("v", Kind.NAME))));
    NameComparator c = new NameComparator();
    c.prepare(r, 0);
    assertThat(c.touch(1)).isEqualTo(c.touch(1));
    assertThat(c.touchTerms(0, 1)).isEqualTo(c.touchTerms(0, 1));
    assertThat(c.level(0, 1)).isEqualTo(-1);
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
  void tokenSimilarityAndConflictsAreSymmetric() {
    // what TokenSimilarities takes for granted when it keeps each pair once: the tokens of a
    // generated victim list (both scripts, spelling variants, typos, relatives) and the lexicon's
    // names that conflict, every pair in both orders to the last bit
    org.sijill.linkage.pairs.Prepared p = generated(5, 600);
    java.util.Set<NameToken> distinct = new java.util.LinkedHashSet<>();
    for (String t :
        List.of("خالد", "محمود", "mahmoud", "khaled", "basil", "باسل", "hazim", "haim")) {
      distinct.add(NameToken.of(t));
    }
    for (var c : p.comps) {
      if (c instanceof NameComparator nc) {
        for (int rec = 0; rec < p.size(); rec++) {
          distinct.addAll(List.of(nc.tokens(rec)));
        }
      }
    }
    NameToken[] tokens = distinct.toArray(new NameToken[0]);
    assertThat(tokens.length).isGreaterThan(300);
    int conflicting = 0;
    int typos = 0;
    for (int i = 0; i < tokens.length; i++) {
      for (int j = i + 1; j < tokens.length; j++) {
        double s = tokens[i].similarity(tokens[j]);
        assertThat(tokens[j].similarity(tokens[i])).isEqualTo(s);
        boolean c = tokens[i].conflicts(tokens[j]);
        assertThat(tokens[j].conflicts(tokens[i])).isEqualTo(c);
        conflicting += c ? 1 : 0;
        typos += s == NameToken.TYPO ? 1 : 0;
      }
    }
    assertThat(conflicting).isPositive();
    assertThat(typos).isPositive();
    // and the table gives each order the value computed in that order
    TokenSimilarities kept = new TokenSimilarities(tokens);
    SplittableRandom rnd = new SplittableRandom(9);
    for (int k = 0; k < 20_000; k++) {
      NameToken a = tokens[rnd.nextInt(tokens.length)];
      NameToken b = tokens[rnd.nextInt(tokens.length)];
      assertThat(kept.get(a, b)).isEqualTo((double) (float) a.similarity(b));
      assertThat(kept.get(kept.id(a), kept.id(b), tokens))
          .isEqualTo((double) (float) a.similarity(b));
      assertThat(kept.conflicts(kept.id(a), kept.id(b), tokens)).isEqualTo(a.conflicts(b));
    }
  }

  @Test
  void namesKeptFlatAlignAsTheirTokenArraysDo() {
    // more distinct tokens than the similarity table keeps, so both the kept and the computed
    // similarities are read; real names and made-up ones, repeated tokens and identical names
    String[] known = {"محمد", "احمد", "امد", "حسن", "mohammed", "ahmad", "khaled", "خالد", "محمود"};
    SplittableRandom rnd = new SplittableRandom(11);
    NameToken[] dict = new NameToken[2600];
    for (int t = 0; t < dict.length; t++) {
      dict[t] = NameToken.of(t < known.length ? known[t] : made(rnd, 3 + rnd.nextInt(5)));
    }
    TokenSimilarities cache = new TokenSimilarities(dict);
    int[][] names = new int[400][];
    for (int i = 0; i < names.length; i++) {
      names[i] = new int[1 + rnd.nextInt(4)];
      for (int t = 0; t < names[i].length; t++) {
        // half the tokens among the first dozen, the rest anywhere (beyond the kept 2,048 too)
        names[i][t] = rnd.nextBoolean() ? rnd.nextInt(12) : rnd.nextInt(dict.length);
      }
      if (i % 10 == 9) {
        names[i] = names[i - 1 - rnd.nextInt(8)].clone(); // the same name again
      }
    }
    int[] flat = new int[5 * names.length * 2];
    int[] start = new int[names.length];
    int at = 0;
    for (int i = 0; i < names.length; i++) {
      start[i] = at;
      for (int t : names[i]) {
        flat[at++] = t;
      }
    }
    int same = 0;
    for (int round = 0; round < 2; round++) { // the second round reads what the first kept
      for (int a = 0; a < names.length; a++) {
        for (int b = 0; b < names.length; b += 3) {
          NameToken[] ta = new NameToken[names[a].length];
          NameToken[] tb = new NameToken[names[b].length];
          int[] ia = new int[ta.length];
          int[] ib = new int[tb.length];
          for (int t = 0; t < ta.length; t++) {
            ta[t] = dict[names[a][t]];
            ia[t] = cache.numbered(names[a][t]);
          }
          for (int t = 0; t < tb.length; t++) {
            tb[t] = dict[names[b][t]];
            ib[t] = cache.numbered(names[b][t]);
          }
          NameComparison byArrays = NameComparison.of(ta, tb, ia, ib, cache);
          NameComparison byFlat =
              NameComparison.of(flat, start[a], ta.length, start[b], tb.length, dict, cache);
          assertThat(byFlat).isEqualTo(byArrays);
          if (java.util.Arrays.equals(names[a], names[b])) {
            // what NameComparator's shortcut for one name against itself takes for granted
            same++;
            assertThat(byArrays.exact()).isEqualTo(ta.length);
            assertThat(byArrays.longer()).isEqualTo(ta.length);
            assertThat(byArrays.ordered()).isTrue();
            assertThat(byArrays.strongTokens()).isEqualTo((1L << ta.length) - 1);
          }
        }
      }
    }
    assertThat(same).isGreaterThan(names.length / 3);
  }

  private static String made(SplittableRandom rnd, int length) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < length; k++) {
      sb.append((char) ('a' + rnd.nextInt(26)));
    }
    return sb.toString();
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

  @Test
  void randomPairsComparedAheadGiveTheSampleComparedInPlace() {
    org.sijill.linkage.pairs.Prepared p = generated(3, 400);
    RandomPairs random = new RandomPairs(Mode.LINK_AND_DEDUPE, 42);
    // every other drawn pair stands for a candidate, so both sides of the candidate test are met
    long[] drawn = random.drawnKeys(p.records, null);
    List<Long> half = new ArrayList<>();
    for (int i = 0; i < drawn.length; i += 2) {
      half.add(drawn[i]);
    }
    long[] cand = half.stream().mapToLong(Long::longValue).toArray();
    RandomPairs.Sample inPlace = random.sample(p.records, p.comps, cand, null);
    RandomPairs.Ahead ahead = random.ahead(p.records, p.comps);
    RandomPairs.Sample early = random.sample(p.records, p.comps, cand, null, ahead);
    assertThat(early.taken()).isEqualTo(inPlace.taken()).isPositive().isLessThan(drawn.length);
    assertThat(early.u()).isDeepEqualTo(inPlace.u());
    assertThat(early.patterns().keySet()).isEqualTo(inPlace.patterns().keySet());
    for (Map.Entry<Long, double[]> e : inPlace.patterns().entrySet()) {
      assertThat(early.patterns().get(e.getKey())).containsExactly(e.getValue());
    }
  }

  /** A generated victim list of {@code persons} people, prepared to be linked and deduplicated. */
  private static org.sijill.linkage.pairs.Prepared generated(int seed, int persons) {
    org.sijill.linkage.synthetic.GeneratedLists g =
        org.sijill.linkage.synthetic.VictimListGenerator.generate(
            org.sijill.linkage.synthetic.GeneratorConfig.example(seed, persons));
    return org.sijill.linkage.pairs.Prepared.of(
        org.sijill.linkage.testing.TestLists.VICTIMS,
        Mode.LINK_AND_DEDUPE,
        org.sijill.linkage.testing.TestLists.sources(
            g, org.sijill.linkage.testing.TestLists.VICTIMS));
  }
}
