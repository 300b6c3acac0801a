package org.sijill.linkage.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.clustering.Clusterer;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.names.NameComparison;
import org.sijill.linkage.names.NameToken;
import org.sijill.linkage.names.NameTokens;

class ComparatorTest {

  private static Records records(String... values) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(new String[] {String.valueOf(i), values[i]});
    }
    Source s = Source.of("s", List.of("id", "v"), rows);
    return new Records(List.of(s), Settings.of("id", List.of(new FieldSpec("v", Kind.TEXT))));
  }

  private static int[] levels(FieldComparator c, String... values) {
    Records r = records(values);
    c.prepare(r, 0);
    int[] out = new int[values.length - 1];
    for (int i = 1; i < values.length; i++) {
      out[i - 1] = c.level(0, i);
    }
    return out;
  }

  @Test
  void datesAreGradedAndPartialDatesAgreeWithTheDaysTheyContain() {
    assertThat(
            levels(
                new DateComparator(null),
                "2025-03-07",
                "2025-03-07",
                "2025-03-08",
                "2025-03",
                "2025-03-12",
                "2025-04-01",
                "2024-11-20",
                "2024-03-07",
                ""))
        // the last date is a year away but one keying error apart: level 4, as a typo
        .containsExactly(5, 4, 2, 3, 1, 0, 4, FieldComparator.MISSING);
  }

  @Test
  void unreadableDatesCompareByTheirDigitsAndMissingOnesAreMissing() {
    DateComparator c = new DateComparator(null);
    assertThat(
            levels(
                c,
                "around 2025-03",
                "around 2025-03",
                "around 2025-04",
                "unknown",
                "2025-03-07",
                ""))
        .containsExactly(5, 4, FieldComparator.MISSING, 0, FieldComparator.MISSING);
    int day = (int) java.time.LocalDate.parse("2025-03-07").toEpochDay();
    assertThat(c.span(4)).containsExactly(day, day);
    assertThat(c.day(4)).isEqualTo(day);
    assertThat(c.span(0)).isNull();
    assertThat(c.day(0)).isEqualTo(Integer.MIN_VALUE);
    assertThat(c.span(3)).isNull();
    assertThat(c.span(5)).isNull();
    c.prepare(records("2025-03", "2025"), 0);
    assertThat(c.span(0))
        .containsExactly(
            (int) java.time.LocalDate.parse("2025-03-01").toEpochDay(),
            (int) java.time.LocalDate.parse("2025-03-31").toEpochDay());
    assertThat(c.day(0)).isEqualTo(Integer.MIN_VALUE);
    assertThat(c.level(0, 1)).isEqualTo(2);
  }

  @Test
  void aDateKeyingErrorIsCloseButANearbyDateIsNotATypo() {
    assertThat(levels(new DateComparator("yyyyMMdd"), "19651013", "19561013", "19651023"))
        .containsExactly(4, 1);
  }

  @Test
  void numbersAreGradedByDifferenceAndMissingIsMissing() {
    assertThat(levels(new NumberComparator(), "34", "34", "35", "36", "40", "", "n/a"))
        .containsExactly(3, 2, 1, 0, FieldComparator.MISSING, FieldComparator.MISSING);
    assertThat(levels(new NumberComparator(), "٣٤", "34")).containsExactly(3);
  }

  @Test
  void textAndExact() {
    assertThat(
            levels(
                new TextComparator(),
                "light street",
                "Light Street",
                "light setreet",
                "lihgt street",
                "x"))
        .containsExactly(3, 2, 2, 0);
    assertThat(levels(new ExactComparator(), "M", "m", "F", "")).containsExactly(1, 0, -1);
  }

  @Test
  void namesAreGraded() {
    assertThat(
            levels(
                new NameComparator(),
                "محمد أحمد الحسن",
                "Mohammed Ahmad al-Hasan",
                "al-Hasan Mohammed",
                "Mahmoud Ahmad al-Hasan",
                "Omar Khaled",
                ""))
        // every token is attested in both scripts: the same name; Mahmoud vs Muhammad with the
        // same father and family is a brother, not a spelling: level 0 (relatives)
        .containsExactly(6, 5, 0, 1, FieldComparator.MISSING);
  }

  @Test
  void aFatherIsNotHisSonWithTheGivenNameDropped() {
    assertThat(
            levels(
                new NameComparator(),
                "Hasan Khaled Mustafa al-Nader",
                "Khaled Mustafa al-Nader",
                "Hasan Mustafa al-Nader",
                "حسن خالد مصطفى النادر"))
        .containsExactly(0, 5, 6);
  }

  @Test
  void givenNamesMustAlignInOneOfTheTwoWritingOrders() {
    assertThat(
            levels(
                new NameComparator(),
                "Salih Hussain Rakkawi",
                "Hussain Salih Rakkawi",
                "Rakkawi Salih Hussain",
                "Salih Rakkawi"))
        // given and father swapped: relatives; family name first, or no father: one person
        .containsExactly(0, 6, 5);
  }

  @Test
  void aKunyaIsOneName() {
    assertThat(NameTokens.forComparison("Ahmad Abou Ali")).containsExactly("ahmad", "abuali");
    assertThat(NameTokens.forComparison("أحمد ابو علي")).containsExactly("احمد", "ابوعلي");
    int[] l =
        levels(
            new NameComparator(),
            "Samir Muhammad Abu Bilal",
            "Bilal Muhammad Abu Samir",
            "سمير محمد أبو بلال");
    assertThat(l[0]).isLessThan(4); // the same four words, but Abu Samir is not Abu Bilal
    assertThat(l[1]).isGreaterThanOrEqualTo(5); // one name in two scripts
  }

  @Test
  void aVowelVariantOfAnAttestedSpellingIsTheSameName() {
    // the lexicon attests Basil only for باسيل and باسل only as Basel/Bassel; Basil is باسل's
    // spelling with e written i, not another name
    NameToken basil = NameToken.of("basil");
    NameToken basel = NameToken.of("باسل");
    assertThat(basil.conflicts(basel)).isFalse();
    assertThat(basil.similarity(basel)).isGreaterThanOrEqualTo(NameComparison.STRONG);
    assertThat(
            levels(
                new NameComparator(),
                "باسل عمر أبو حازم",
                "Basil Omar Abou Hazem",
                "Basil Fady Hasson"))
        // one name in two scripts (Basil is a spelling, not attested: level 5, not 6); and the
        // same given name with other fathers: the mark of relatives
        .containsExactly(5, 0);
    // names the lexicon tells apart stay apart: Mahmoud is not محمد, Hussein is not حسن
    assertThat(NameToken.of("mahmoud").conflicts(NameToken.of("محمد"))).isTrue();
    assertThat(NameToken.of("hussein").conflicts(NameToken.of("حسن"))).isTrue();
    assertThat(NameToken.of("hasan").conflicts(NameToken.of("حسين"))).isTrue();
  }

  @Test
  void aConsonantDroppedInTheArabicListIsATypoNotAnotherName() {
    // نيل (a real word) is نبيل with its ب dropped; راي is رامي without its م: against the Latin
    // spelling of the intended name that is a keying error, as a dropped letter is within a script
    NameToken nabil = NameToken.of("nabil");
    NameToken nil = NameToken.of("نيل");
    assertThat(nil.conflicts(nabil)).isFalse();
    assertThat(nil.similarity(nabil)).isEqualTo(NameToken.TYPO);
    assertThat(NameToken.of("راي").similarity(NameToken.of("rami"))).isEqualTo(NameToken.TYPO);
    // a typo level (4), not the mark of relatives (0); a different given name still is
    assertThat(
            levels(
                new NameComparator(),
                "ماهر نيل بركات",
                "Mahir Nabil Barakat",
                "Mahir Khaled Barakat"))
        .containsExactly(4, 0);
    // two names told apart only by a long vowel stay apart (حسن / Hussein: see above), and a name
    // two letters off is no typo
    assertThat(NameToken.of("حسن").conflicts(NameToken.of("hussein"))).isTrue();
    // one letter changed is how many names differ (هادي / Hani, that is هاني): not a typo
    assertThat(NameToken.of("هادي").conflicts(NameToken.of("hani"))).isTrue();
    assertThat(NameToken.of("نبيل").similarity(NameToken.of("nizar"))).isLessThan(NameToken.TYPO);
  }

  @Test
  void aLetterDroppedFromAKnownNameLeavingNoNameAgreesStrongly() {
    // ممد is محمد without its ح, امد is Ahmad's أحمد without its ح: no name, so not another
    // person's name as a typo between two names can be; strong (level 5), not the typo level
    assertThat(NameToken.of("ممد").similarity(NameToken.of("محمد")))
        .isGreaterThanOrEqualTo(NameComparison.STRONG);
    assertThat(NameToken.of("امد").similarity(NameToken.of("ahmad")))
        .isGreaterThanOrEqualTo(NameComparison.STRONG);
    assertThat(levels(new NameComparator(), "ممد رضوان الغسان", "محمد رضوان الغسان"))
        .containsExactly(5);
  }

  @Test
  void twoLettersSwappedInTheLatinListLeavingNoNameAgreeStrongly() {
    // Kahled is Khaled (attested for خالد) with a and h swapped, Sahdi is Shadi (شادي) with h and
    // a: the swap breaks the kh and sh digraphs, so the skeletons differ by more than one letter
    assertThat(NameToken.of("kahled").similarity(NameToken.of("خالد")))
        .isGreaterThanOrEqualTo(NameComparison.STRONG);
    assertThat(NameToken.of("sahdi").similarity(NameToken.of("شادي")))
        .isGreaterThanOrEqualTo(NameComparison.STRONG);
    assertThat(levels(new NameComparator(), "خالد شادي", "Kahled Sahdi")).containsExactly(5);
    // a different name is no swap of it
    assertThat(NameToken.of("khalil").similarity(NameToken.of("خالد")))
        .isLessThan(NameComparison.STRONG);
  }

  @Test
  void arabicTokensWithSkeletonsOneApartButTextsFurtherAreNoTypo() {
    // وفء and وائل: skeletons wf / wl, one consonant apart, but the texts two letters apart; a
    // keying error in Arabic script changes the text by one letter
    assertThat(NameToken.of("وفء").similarity(NameToken.of("وائل"))).isLessThan(NameToken.TYPO);
    assertThat(levels(new NameComparator(), "وفء عمران", "وائل عمران")).containsExactly(1);
    // one letter off as written still is (امد for أحمد)
    assertThat(NameToken.of("امد").similarity(NameToken.of("امجد")))
        .isGreaterThanOrEqualTo(NameToken.TYPO);
  }

  @Test
  void aLetterDroppedInTheLatinListIsATypoToo() {
    // Haim is Hazim (attested for حازم) without its z, Hay is Hany (هاني) without its n: names the
    // lexicon knows, so they conflicted with the Arabic token and the pair read as relatives
    NameToken hazim = NameToken.of("حازم");
    assertThat(NameToken.of("haim").conflicts(hazim)).isFalse();
    assertThat(NameToken.of("haim").similarity(hazim)).isEqualTo(NameToken.TYPO);
    assertThat(NameToken.of("hay").similarity(NameToken.of("هاني"))).isEqualTo(NameToken.TYPO);
    assertThat(
            levels(
                new NameComparator(),
                "الياسر محمد حازم",
                "Mohammed Haim al-Yaser",
                "Mohammed Khaled al-Yaser"))
        .containsExactly(4, 0);
    // a Latin token one letter longer, or one letter changed, is still another name
    assertThat(NameToken.of("hasan").conflicts(NameToken.of("حسين"))).isTrue();
    assertThat(NameToken.of("hussein").conflicts(NameToken.of("حسن"))).isTrue();
    assertThat(NameToken.of("hani").conflicts(NameToken.of("هادي"))).isTrue();
  }

  @Test
  void aRepeatedNameMayAlignEitherWay() {
    // Ahmad Ahmad (given name = father's name) written family first on one list: the greedy
    // alignment pairs the two Ahmads crosswise, which must not read as given names out of order
    assertThat(
            levels(
                new NameComparator(),
                "أبو مصطفى أحمد احمد",
                "أحمد أحمد هيثم أبو مصطفى",
                "أحمد أحمد ابو مصطفى"))
        .containsExactly(5, 6);
    assertThat(levels(new NameComparator(), "محمد محمد المحمود", "Mahmoud Mohammed Mohammed"))
        .containsExactly(6);
    // still relatives when the given names differ: Salih Hussain vs Hussain Salih
    assertThat(levels(new NameComparator(), "Salih Hussain Rakkawi", "Hussain Salih Rakkawi"))
        .containsExactly(0);
  }

  @Test
  void aRepeatedNameLeftOverStillAlignsWithTheGivenName() {
    // Mohamad (a spelling the lexicon does not know: 0.9) and Mohammed (known: 1.0 with Mohammad)
    // in one name: the alignment gives Mohammad to Mohammed, leaving the given name Mohamad over;
    // that is one person with a grandfather's name, not given names out of order
    assertThat(
            levels(
                new NameComparator(),
                "Mohamad Hassan Mohammed Abu Issa",
                "Mohammad Hasan Abu Issa",
                "Hasan Mohammad Abu Issa"))
        .containsExactly(5, 0);
  }

  @Test
  void abuWithAKeyingErrorIsStillAKunya() {
    assertThat(NameTokens.forComparison("حسن أب علاء")).containsExactly("حسن", "ابوعلاء");
    assertThat(NameTokens.forComparison("فادي او شادي")).containsExactly("فادي", "ابوشادي");
    assertThat(NameTokens.forComparison("Aboou Hazem Hassan"))
        .containsExactly("abuhazem", "hassan");
    // a lone أب at the end is left alone
    assertThat(NameTokens.forComparison("حسن أب")).containsExactly("حسن", "اب");
    assertThat(levels(new NameComparator(), "حسن مصطفي ابو حازم", "Aboou Hazem Hassan Mustafa"))
        .containsExactly(5); // read as "Hazem Hassan Mustafa" it was level 0 (out of order)
  }

  @Test
  void aNameWithATypoHasALevelOfItsOwn() {
    // Uar is Omar with a letter mistyped: every token agrees, one only up to a keying error;
    // weaker evidence than a spelling variant (level 5), stronger than "similar on average" (level
    // 3). أمد, أحمد with its ح dropped, is no name at all: strong, as a spelling variant
    assertThat(
            levels(
                new NameComparator(),
                "Uar Mahmoud al-Homsi",
                "Omar Mahmoud al-Homsi",
                "عمر محمود الحمصي",
                "Uar Mahmoud al-Homsi"))
        .containsExactly(4, 4, 6);
    assertThat(
            levels(
                new NameComparator(),
                "أمد محمود الحمصي",
                "Ahmad Mahmoud al-Homsi",
                "احمد الحمصي",
                "أمد محمود الحمصي"))
        .containsExactly(5, 5, 6);
  }

  @Test
  void clusteringDoesNotChainThroughOneWeakLink() {
    // 0-1 strong, 2-3 strong, 1-2 weakly positive; but 0-2, 0-3, 1-3 clearly negative.
    long[] pairs = {
      Linker.key(0, 1),
      Linker.key(0, 2),
      Linker.key(0, 3),
      Linker.key(1, 2),
      Linker.key(1, 3),
      Linker.key(2, 3)
    };
    float[] w = {8f, -6f, -6f, 1f, -6f, 8f};
    int[] c = Clusterer.cluster(4, pairs, w, new int[] {0, 1, 0, 1}, false);
    assertThat(c[0]).isEqualTo(c[1]);
    assertThat(c[2]).isEqualTo(c[3]);
    assertThat(c[0]).isNotEqualTo(c[2]);
  }

  @Test
  void linkModeNeverMergesTwoRecordsOfOneSource() {
    long[] pairs = {Linker.key(0, 1), Linker.key(0, 2), Linker.key(1, 2)};
    float[] w = {5f, 5f, 5f};
    int[] c = Clusterer.cluster(3, pairs, w, new int[] {0, 1, 0}, true);
    assertThat(c[0]).isNotEqualTo(c[2]);
    assertThat(c[1]).isIn(c[0], c[2]);
  }

  @Test
  void pairsNeverComparedInsideAComponentAreListedForScoring() {
    // 0-1 and 1-2 likely links, 0-2 never compared; 3-4 a lone pair; 5 alone.
    long[] pairs = {Linker.key(0, 1), Linker.key(1, 2), Linker.key(3, 4)};
    float[] w = {4f, 4f, 6f};
    long[] missing = Clusterer.uncomparedWithinComponents(6, pairs, w, 40);
    assertThat(missing).containsExactly(Linker.key(0, 2));
    assertThat(Clusterer.uncomparedWithinComponents(6, pairs, w, 2)).isEmpty();
    // Scored, the missing pair keeps 0 and 2 apart: 1 joins one of them, not both.
    long[] all = {Linker.key(0, 1), Linker.key(1, 2), Linker.key(3, 4), Linker.key(0, 2)};
    int[] c = Clusterer.cluster(6, all, new float[] {4f, 4f, 6f, -20f}, new int[6], false);
    assertThat(c[0]).isNotEqualTo(c[2]);
    assertThat(c[1]).isIn(c[0], c[2]);
    // Left out (neutral), the two merge through 1.
    int[] chained = Clusterer.cluster(6, pairs, w, new int[6], false);
    assertThat(chained[0]).isEqualTo(chained[2]);
  }
}
