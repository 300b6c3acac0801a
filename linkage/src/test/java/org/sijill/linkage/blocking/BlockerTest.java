package org.sijill.linkage.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.internal.Records;

/** Blocking: a name block over the cap is split by a second attribute, not dropped. */
class BlockerTest {
  private static final int FILLERS = 300;

  /**
   * Window 1: inside an oversized block each record meets only its next record in sort order. No
   * LSH channel, so the name-pair blocks are the only route between records of one name.
   */
  private static Settings settings(List<FieldSpec> fields) {
    return new Settings(
        "id", fields, null, null, null, 100, 1, 0, null, null, null, null, null, null, null, null,
        null);
  }

  private static Blocker.Candidates block(Settings s, List<String[]> rows) {
    List<String> cols = new ArrayList<>();
    cols.add("id");
    for (FieldSpec f : s.fields()) {
      cols.add(f.column());
    }
    Records records = new Records(List.of(Source.of("s", cols, rows)), s);
    List<FieldComparator> comps = new ArrayList<>();
    for (int f = 0; f < s.fields().size(); f++) {
      FieldComparator c = FieldComparator.of(s.fields().get(f));
      c.prepare(records, f);
      comps.add(c);
    }
    return new Blocker(s, Mode.DEDUPE, comps).candidates(records);
  }

  private static boolean has(Blocker.Candidates c, int a, int b) {
    return Arrays.binarySearch(c.pairs(), ((long) Math.min(a, b) << 32) | Math.max(a, b)) >= 0;
  }

  /**
   * 300 records of one two-token name (one name-pair block, three times the cap) with ages 0–99;
   * the true pair (ages 40 and 41) sits at the two ends of the block's sort order.
   */
  private static List<String[]> sameNameDifferentAges(boolean withAge) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"a", "Muhammad al-Hasan", withAge ? "40" : ""});
    for (int i = 0; i < FILLERS; i++) {
      rows.add(new String[] {"f" + i, "محمد الحسن", withAge ? String.valueOf(i % 100) : ""});
    }
    rows.add(new String[] {"b", "محمد حسن", withAge ? "41" : ""});
    return rows;
  }

  @Test
  void anOversizedNameBlockIsSplitByAgeAndItsTruePairFound() {
    Settings s =
        settings(List.of(new FieldSpec("name", Kind.NAME), new FieldSpec("age", Kind.NUMBER)));
    int last = FILLERS + 1;

    Blocker.Candidates split = block(s, sameNameDifferentAges(true));
    assertThat(has(split, 0, last)).isTrue();
    assertThat(split.perKey()).containsKey("name-pairs+age");
    assertThat(split.perKey().get("name-pairs+age")[0]).isPositive();
    // Still far from all pairs: the age bands, not the whole block, were compared.
    int n = FILLERS + 2;
    assertThat((long) split.pairs().length).isLessThan((long) n * (n - 1) / 20);
    // Ages 20 years apart share no band and are not compared through it.
    assertThat(has(split, 0, 1 + 60)).isFalse();

    // Without the age the block cannot be split, and the window alone misses the pair.
    Blocker.Candidates unsplit = block(s, sameNameDifferentAges(false));
    assertThat(has(unsplit, 0, last)).isFalse();
    assertThat(unsplit.perKey()).doesNotContainKey("name-pairs+age");
  }

  /**
   * The true pair (a, b) shares the mother's name with one other record c; a has no age. The
   * oversized name block is split by age and by the mother's name, and a is reached through the
   * mother's name.
   */
  private static List<String[]> recordMissingAge(String mother) {
    String[] mothers = {"Fatima", "Khadija", "Aisha", "Maryam", "Salma", "Huda"};
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"a", "Muhammad al-Hasan", mother, ""});
    rows.add(new String[] {"c", "Muhammad al-Hasan", mother, "12"});
    for (int i = 0; i < FILLERS; i++) {
      rows.add(
          new String[] {
            "f" + i, "محمد الحسن", mothers[i % mothers.length], String.valueOf(i % 100)
          });
    }
    rows.add(new String[] {"b", "محمد حسن", mother, "41"});
    return rows;
  }

  @Test
  void aRecordMissingTheAgeIsStillReachedThroughAnotherAttribute() {
    Settings s =
        settings(
            List.of(
                new FieldSpec("name", Kind.NAME),
                new FieldSpec("mother", Kind.NAME),
                new FieldSpec("age", Kind.NUMBER)));
    int last = FILLERS + 2;

    Blocker.Candidates c = block(s, recordMissingAge("Zainab"));
    assertThat(has(c, 0, last)).isTrue();
    assertThat(c.perKey().get("name-pairs+mother")[0]).isPositive();

    // Control: with no mother's name either, nothing links a to b (a has no age band and the
    // window of 1 pairs it only with its neighbour c).
    Blocker.Candidates none = block(s, recordMissingAge(""));
    assertThat(has(none, 0, last)).isFalse();
  }

  private static Settings namesOnly() {
    return settings(List.of(new FieldSpec("name", Kind.NAME)));
  }

  @Test
  void aPairSharingOneTokenWithATypoInAnotherIsFoundByTokenAndInitial() {
    // احد (a dropped letter of أحمد) and Ahmad share no skeleton, so no name pair; al-Dimashqi
    // alone is one token. The key al-Dimashqi + initial "h" (the skeleton drops alif and vowels:
    // hd,
    // hmd) joins them.
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"a", "احد الدمشقي"});
    rows.add(new String[] {"b", "Ahmad Nizar al-Dimashqi"});
    rows.add(new String[] {"c", "Khalid al-Dimashqi"});
    Blocker.Candidates c = block(namesOnly(), rows);
    assertThat(has(c, 0, 1)).isTrue();
    assertThat(c.perKey().get("token+initial")[0]).isPositive();
    // The typo'd token must keep its first letter: Khalid shares neither a pair nor an initial
    // with احد.
    assertThat(has(c, 0, 2)).isFalse();
  }

  @Test
  void aTokenAndInitialBlockOverItsCapIsNotCompared() {
    // 30 more records with al-Dimashqi and a token whose skeleton starts with "h" make the block 32
    // records,
    // over maxBlockSize / 5 = 20: the loose key is skipped there, and the typo pair is lost.
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"a", "احد الدمشقي"});
    rows.add(new String[] {"b", "Ahmad Nizar al-Dimashqi"});
    for (int i = 0; i < 30; i++) {
      rows.add(new String[] {"f" + i, "Hasan al-Dimashqi"});
    }
    Blocker.Candidates c = block(namesOnly(), rows);
    assertThat(has(c, 0, 1)).isFalse();
    assertThat(c.perKey().get("token+initial")[1]).isPositive();
  }

  @Test
  void aNameWhoseTokensShareOneSkeletonStillHasANamePairKey() {
    // حسن الحسيني: both tokens give hsn, so the name has no pair of distinct skeletons.
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"a", "حسن الحسيني"});
    rows.add(new String[] {"b", "Hassan Mohammed Hoseini"});
    rows.add(new String[] {"c", "Hassan Mohammed"});
    Blocker.Candidates c = block(namesOnly(), rows);
    assertThat(has(c, 0, 1)).isTrue();
    // Hassan Mohammed writes hsn once: it shares no key with حسن الحسيني.
    assertThat(has(c, 0, 2)).isFalse();
  }

  @Test
  void aLetterRomanisedTwoWaysStillGivesANamePairKey() {
    // ث as s, ذ as z, ظ as d, ض as dh: neither the skeletons (y|tmn against y|smn, mntr|tmr
    // against mnzr|smr …) nor a token and another's initial pair these; the variants do, on one
    // side (Osman) or on both (Zaki Osman, Ramadhan Daher, Munzer Samer).
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"a", "ايه عثمان"});
    rows.add(new String[] {"b", "Ayah Osman"});
    rows.add(new String[] {"c", "ذكي عثمان"});
    rows.add(new String[] {"d", "Zaki Osman"});
    rows.add(new String[] {"e", "رمضان ظاهر"});
    rows.add(new String[] {"f", "Ramadhan Daher"});
    rows.add(new String[] {"g", "منذر ثامر"});
    rows.add(new String[] {"h", "Munzer Samer"});
    Blocker.Candidates c = block(namesOnly(), rows);
    for (int i = 0; i < rows.size(); i += 2) {
      assertThat(has(c, i, i + 1)).as(rows.get(i)[1]).isTrue();
    }
    assertThat(has(c, 0, 3)).isFalse(); // Osman alone is one token in common
  }

  private static Settings nameAndAge() {
    return settings(List.of(new FieldSpec("name", Kind.NAME), new FieldSpec("age", Kind.NUMBER)));
  }

  /**
   * Hasan Shaan (a dropped letter) and Hasan Shaban, 39 and 40, share only the token Hasan: no name
   * pair, and their token+initial block (Hasan + "c", the skeleton of sh) holds 30 more Hasan
   * Shukri. Those are all 60 or older, so the block of Hasan and the age band of 39/40 is small.
   */
  private static List<String[]> oneSharedTokenAndAge(String fillerAge) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"a", "Hasan Shaan", "39"});
    rows.add(new String[] {"b", "حسن شعبان", "40"});
    for (int i = 0; i < 30; i++) {
      rows.add(
          new String[] {"f" + i, "Hasan Shukri", fillerAge.isEmpty() ? "" + (60 + i) : fillerAge});
    }
    return rows;
  }

  @Test
  void aPairSharingOneTokenAndANearAgeIsFoundByTokenAndAge() {
    Blocker.Candidates c = block(nameAndAge(), oneSharedTokenAndAge(""));
    assertThat(has(c, 0, 1)).isTrue();
    assertThat(c.perKey().get("token+age")[0]).isPositive();
    // The older keys alone miss it: token+initial is over its cap here.
    assertThat(c.perKey().get("token+initial")[1]).isPositive();
    // Ages far apart share no band: a and a Hasan Shukri of 60 or more are not compared.
    assertThat(has(c, 0, 2)).isFalse();

    // Without ages nothing joins the pair.
    List<String[]> noAges = new ArrayList<>();
    for (String[] r : oneSharedTokenAndAge("")) {
      noAges.add(new String[] {r[0], r[1], ""});
    }
    Blocker.Candidates none = block(nameAndAge(), noAges);
    assertThat(has(none, 0, 1)).isFalse();
    assertThat(none.perKey()).doesNotContainKey("token+age");
  }

  @Test
  void aTokenAndAgeBlockOverItsCapIsNotCompared() {
    // The 30 Hasan Shukri are 40 too: the block of Hasan and that age band is 32 records, over
    // maxBlockSize / 5 = 20, and is skipped; the pair is lost.
    Blocker.Candidates c = block(nameAndAge(), oneSharedTokenAndAge("40"));
    assertThat(has(c, 0, 1)).isFalse();
    assertThat(c.perKey().get("token+age")[1]).isPositive();
    assertThat(has(c, 0, 2)).isFalse();
  }

  @Test
  void aTokenHeldByTooManyRecordsGetsNoTokenAndAgeKey() {
    // 371 more holders of Hasan make 403, over 20 times the cap of 20. Their ages are far from 39
    // and 40, so the pair's own band would be a small block, but Hasan is too common to get the
    // key (and its token+initial block is still over its cap).
    List<String[]> rows = oneSharedTokenAndAge("");
    for (int i = 0; i < 371; i++) {
      rows.add(
          new String[] {"g" + i, "Hasan Khalil" + (char) ('a' + i % 26), "" + (1000 + 10 * i)});
    }
    Blocker.Candidates c = block(nameAndAge(), rows);
    assertThat(has(c, 0, 1)).isFalse();
    assertThat(c.perKey().get("token+initial")[1]).isPositive();
  }
}
