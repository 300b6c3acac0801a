package org.sijill.linkage.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void tokensAreEqualByTheirValuesAndHashAsTheRecordTheyWere() {
    NameToken a = NameToken.of("basil");
    NameToken b = NameToken.of("basil");
    assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(NameToken.of("basel"));
    // a record's hash code: each component's in turn, times 31
    int h = 0;
    for (Object o :
        new Object[] {
          a.text(), a.canonical(), a.canonicalSkeletons(), a.skeleton(), a.vowelFolded()
        }) {
      h = h * 31 + java.util.Objects.hashCode(o);
    }
    assertThat(a.hashCode()).isEqualTo(h);
    // the arrays it carries give the similarities the strings give
    NameToken ar = NameToken.of(Names.normalise("باسل"));
    assertThat(a.similarity(ar)).isEqualTo(ar.similarity(a)).isGreaterThanOrEqualTo(NameToken.TYPO);
    NameToken x = NameToken.of("mitchell");
    NameToken y = NameToken.of("wilkinson");
    assertThat(x.canonical()).isNull();
    assertThat(y.canonical()).isNull();
    assertThat(x.similarity(y))
        .isEqualTo(
            Math.max(
                0.85 * JaroWinkler.similarity(x.skeleton(), y.skeleton()),
                0.95 * JaroWinkler.similarity("mitchell", "wilkinson")))
        .isBetween(0.3, 0.8);
  }

  @Test
  void arabicNormalisationFoldsLetterVariantsAndMarks() {
    assertThat(Names.normalise("أحمد")).isEqualTo(Names.normalise("احمد"));
    assertThat(Names.normalise("فاطمة")).isEqualTo("فاطمه");
    assertThat(Names.normalise("مُحَمَّد")).isEqualTo("محمد");
    assertThat(Names.normalise("مـحـمـد")).isEqualTo("محمد");
    assertThat(Names.normalise("مصطفى")).isEqualTo("مصطفي");
  }

  @Test
  void articleIsOptionalAndAbdCompoundsAreOneName() {
    assertThat(Names.normalise("الحسن")).isEqualTo(Names.normalise("حسن"));
    assertThat(Names.normalise("عبد الرحمن")).isEqualTo(Names.normalise("عبدالرحمن"));
    assertThat(Names.normalise("Abd al-Rahman"))
        .isEqualTo(Names.normalise("Abdul Rahman"))
        .isEqualTo(Names.normalise("Abdelrahman"))
        .isEqualTo(Names.normalise("Abdurrahman"))
        .isEqualTo(Names.normalise("abd-al-rahman"))
        .isEqualTo("abdrahman");
    assertThat(Names.normalise("al-Hasan"))
        .isEqualTo(Names.normalise("Alhasan"))
        .isEqualTo("hasan");
    assertThat(Names.normalise("Al Hasan")).isEqualTo("hasan");
    assertThat(Names.normalise("Ash-Shami")).isEqualTo("shami");
    // a name that begins like a glued article keeps it: Aloush is علوش, not al-Oush
    assertThat(Names.searchKeys("Aloush"))
        .isEqualTo(Names.searchKeys("علوش"))
        .isEqualTo(Names.searchKeys("Alloush"));
  }

  @Test
  void aSeparatorTypedOneLetterOffIsRepaired() {
    // the hyphen or space swapped with the next letter: the article or Abu keeps its form
    assertThat(Names.normalise("Mohamad alK-assem")).isEqualTo("mohamad kassem");
    assertThat(Names.normalise("Jana a-lDarwish")).isEqualTo("jana darwish");
    assertThat(Names.normalise("asS-ayed")).isEqualTo("sayed");
    assertThat(Names.normalise("ALL-HANI RANA")).isEqualTo("hani rana");
    assertThat(NameTokens.forComparison("Ghasan Ab uOmar")).containsExactly("ghasan", "abuomar");
    assertThat(NameTokens.forComparison("Abdul Rahman AbouR abie"))
        .containsExactly("abdrahman", "aburabie");
    // عبد with its last letter dropped before an ال word is still a servant-of compound
    assertThat(Names.normalise("عب الرحمن عمران")).isEqualTo(Names.normalise("عبد الرحمن عمران"));
    assertThat(Names.normalise("حسين عد الله")).isEqualTo(Names.normalise("حسين عبد الله"));
    // what is not such a typo is left alone
    assertThat(Names.normalise("Ali al-Hasan")).isEqualTo("ali hasan");
    assertThat(NameTokens.forComparison("Abul-Ala Hasan")).doesNotContain("abulala");
    assertThat(NameTokens.forComparison("Abu Omar")).containsExactly("abuomar");
  }

  @Test
  void abuIsNeverFoldedIntoAbd() {
    assertThat(Names.normalise("Abu Bakr")).isEqualTo("abu bakr");
    assertThat(Names.searchKeys("Abu Bakr")).doesNotContain("bd");
    assertThat(Names.similarity("Abu Bakr", "Abd Bakr")).isLessThan(0.9);
  }

  @Test
  void latinNormalisationDropsCaseDiacriticsAndAynMarks() {
    assertThat(Names.normalise("Saʿīd")).isEqualTo("said");
    assertThat(Names.normalise("Sa'id")).isEqualTo("said");
    assertThat(Names.normalise("  HÜSEYİN ")).isEqualTo("huseyin");
  }

  @Test
  void searchKeysMatchAcrossScriptsAndSpellings() {
    for (String q : List.of("Mohammed", "محمد", "Muhammad", "Mohamad", "MOHAMED", "مُحَمَّد")) {
      assertThat(Names.searchKeys(q)).as(q).containsExactly("mhmd");
    }
    assertThat(Names.searchKeys("عبد الرحمن الحسن")).containsExactly("bdrhmn", "hsn");
    assertThat(Names.searchKeys("Abdul Rahman al-Hassan")).containsExactly("bdrhmn", "hsn");
    assertThat(Names.searchKeys("جبلة")).isEqualTo(Names.searchKeys("Jableh"));
    assertThat(Names.searchKeys("Jebleh")).isEqualTo(Names.searchKeys("Jablah"));
    assertThat(Names.searchKeys("")).isEmpty();
    assertThat(Names.searchKeys("آية")).isEqualTo(Names.searchKeys("Aya"));
  }

  @Test
  void crossScriptNamesAreSimilarAndDifferentNamesAreNot() {
    assertThat(Names.similarity("محمد أحمد الحسن", "Mohammed Ahmad al-Hasan")).isGreaterThan(0.88);
    assertThat(Names.similarity("Muhammad Ahmed Alhassan", "Mohamad Ahmad Hasan"))
        .isGreaterThan(0.88);
    assertThat(Names.similarity("فاطمة علي", "Fatima Ali")).isGreaterThan(0.88);
    // Same skeleton, different names: the lexicon knows Mahmoud is not Muhammad.
    assertThat(Names.similarity("Mahmoud", "Mohammed")).isLessThan(0.6);
    assertThat(Names.similarity("محمود", "Mohammed")).isLessThan(0.6);
    assertThat(Names.similarity("Hussein", "Hassan")).isLessThan(0.6);
  }

  @Test
  void tokenOrderAndAMissingTokenAreTolerated() {
    assertThat(Names.similarity("al-Hasan Mohammed Ahmad", "Mohammed Ahmad al-Hasan"))
        .isEqualTo(1.0);
    assertThat(Names.similarity("Mohammed al-Hasan", "Mohammed Ahmad al-Hasan")).isEqualTo(1.0);
    assertThat(Names.similarity("Mohammed Ahmad al-Hasan", "Mohammad Ahmad al-Hasaan"))
        .isGreaterThan(0.88);
  }

  @Test
  void aDroppedConsonantIsATypoNotAnotherName() {
    // أمد is أحمد with its ح dropped; the skeletons md and hmd are one edit apart
    assertThat(Names.similarity("أمد", "Ahmed")).isGreaterThanOrEqualTo(NameToken.TYPO);
    assertThat(Names.similarity("Mazen", "azen")).isGreaterThanOrEqualTo(NameToken.TYPO);
    // two names the lexicon knows stay apart even one consonant apart
    assertThat(Names.similarity("Samir", "Omar")).isLessThan(0.6);
  }

  @Test
  void romanisationIsReadable() {
    assertThat(Names.romanise("محمد الحسن")).isEqualTo("mhmd hsn");
    assertThat(Names.romanise("سعيد")).isEqualTo("s'id");
  }

  /**
   * The skeleton alone (no lexicon) agrees for most attested Arabic/Latin spelling pairs of
   * Wikidata person names (a bundled resource; see name-variants-LICENSE-CC0.txt).
   */
  @Test
  void skeletonAgreesOnMostAttestedSpellings() throws Exception {
    int pairs = 0;
    int agree = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                NameLexicon.class.getResourceAsStream("name-variants.tsv"),
                StandardCharsets.UTF_8))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        long count = Long.parseLong(f[3]);
        List<String> a = NameTokens.of(f[1]);
        List<String> l = NameTokens.of(f[2]);
        if (a.size() != 1 || l.size() != 1) {
          continue;
        }
        pairs += count;
        if (Skeleton.of(a.get(0)).equals(Skeleton.of(l.get(0)))) {
          agree += count;
        }
      }
    }
    assertThat(pairs).isGreaterThan(20_000);
    assertThat((double) agree / pairs).isGreaterThan(0.75);
  }

  @Test
  void aLetterRomanisedTwoWaysHasAVariantSkeleton() {
    assertThat(Skeleton.of("osman")).isNotEqualTo(Skeleton.of("عثمان"));
    assertThat(Skeleton.variants("عثمان")).contains(Skeleton.of("osman"));
    assertThat(Skeleton.variants("منذر")).contains(Skeleton.of("munzer"));
    assertThat(Skeleton.variants("ramadhan")).contains(Skeleton.of("رمضان"));
    assertThat(Skeleton.variants("kadhim")).containsAnyElementsOf(Skeleton.variants("كاظم"));
    assertThat(Skeleton.variants("adham")).contains(Skeleton.of("ادهم"));
    // no such letter, or a variant equal to the skeleton: nothing
    assertThat(Skeleton.variants("hasan")).isEmpty();
    assertThat(Skeleton.variants("حسن")).isEmpty();
    assertThat(Skeleton.variants("ظ")).doesNotContain(Skeleton.of("ظ"));
  }
}
