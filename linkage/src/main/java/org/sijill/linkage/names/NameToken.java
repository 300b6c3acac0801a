package org.sijill.linkage.names;

import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One normalised token of a name with what comparison needs.
 *
 * <p>A class rather than a record because it also carries what every comparison would otherwise
 * recompute: the token's and its skeleton's characters as arrays (Jaro-Winkler and the one-edit
 * test on arrays give the same values as on strings, without {@code String.charAt} per character: a
 * short run compiles with C1 only, which calls it), whether it is Arabic, and its hash code. Random
 * pairs for EM compare about 200,000 pairs of tokens that differ, each computing both similarities
 * (issue 19). Equality and the hash code are those of the record it was: the five values below.
 */
public final class NameToken {
  private final String text;
  private final Set<String> canonical;
  private final Set<String> canonicalSkeletons;
  private final String skeleton;
  private final String vowelFolded;
  private final char[] textChars;
  private final char[] skeletonChars;
  private final boolean arabic;
  private final int hash;

  /**
   * One bit per canonical form (its hash code mod 64), 0 when the lexicon does not know the token:
   * two tokens whose bits do not meet have disjoint forms, known without the sets. Why: first-time
   * similarities and conflicts test the forms of millions of token pairs at a million records, and
   * the set test was a twentieth of the run.
   */
  private final long canonicalBits;

  /**
   * @param text the normalised token (Arabic script or lower-case ASCII)
   * @param canonical the normalised Arabic names it can stand for when the lexicon knows it, else
   *     null
   * @param canonicalSkeletons the skeletons of those Arabic names (null when unknown)
   * @param skeleton its consonant skeleton ({@link Skeleton})
   * @param vowelFolded for a Latin token, its text with vowels folded ({@link
   *     NameLexicon#foldVowels}), computed once since conflicts are checked for every candidate
   *     pair; null for Arabic
   */
  public NameToken(
      String text,
      Set<String> canonical,
      Set<String> canonicalSkeletons,
      String skeleton,
      String vowelFolded) {
    this.text = text;
    this.canonical = canonical;
    this.canonicalSkeletons = canonicalSkeletons;
    this.skeleton = skeleton;
    this.vowelFolded = vowelFolded;
    this.textChars = text.toCharArray();
    this.skeletonChars = skeleton.toCharArray();
    this.arabic = ArabicText.containsArabic(text);
    long bits = 0;
    if (canonical != null) {
      for (String f : canonical) {
        bits |= 1L << (f.hashCode() & 63);
      }
    }
    this.canonicalBits = bits;
    // as a record combines its components' hash codes, so that hash-ordered collections of tokens
    // iterate in the order they did
    int h = 0;
    for (Object o : new Object[] {text, canonical, canonicalSkeletons, skeleton, vowelFolded}) {
      h = h * 31 + Objects.hashCode(o);
    }
    this.hash = h;
  }

  public static NameToken of(String normalisedToken) {
    Set<String> forms = NameLexicon.instance().arabicForms(normalisedToken);
    Set<String> skels = null;
    if (forms != null) {
      skels = new HashSet<>();
      for (String f : forms) {
        skels.add(Skeleton.of(f));
      }
      skels = Set.copyOf(skels);
    }
    String folded =
        ArabicText.containsArabic(normalisedToken) ? null : NameLexicon.foldVowels(normalisedToken);
    return new NameToken(normalisedToken, forms, skels, Skeleton.of(normalisedToken), folded);
  }

  public String text() {
    return text;
  }

  public Set<String> canonical() {
    return canonical;
  }

  public Set<String> canonicalSkeletons() {
    return canonicalSkeletons;
  }

  public String skeleton() {
    return skeleton;
  }

  /**
   * Other skeletons of this token for blocking only, where a letter is romanised in ways the
   * skeleton cannot all follow (ث as s, ذ as z, ظ as d; Latin dh as d); computed on each call.
   */
  public java.util.List<String> variantSkeletons() {
    return Skeleton.variants(text);
  }

  public String vowelFolded() {
    return vowelFolded;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || o instanceof NameToken t
            && hash == t.hash
            && text.equals(t.text)
            && Objects.equals(canonical, t.canonical)
            && Objects.equals(canonicalSkeletons, t.canonicalSkeletons)
            && skeleton.equals(t.skeleton)
            && Objects.equals(vowelFolded, t.vowelFolded);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "NameToken[text="
        + text
        + ", canonical="
        + canonical
        + ", canonicalSkeletons="
        + canonicalSkeletons
        + ", skeleton="
        + skeleton
        + ", vowelFolded="
        + vowelFolded
        + "]";
  }

  /**
   * Similarity in [0, 1]: 1 for the same name (same text, or spellings attested for one Arabic
   * name); at most 0.5 for two names the lexicon knows apart, even of the same consonant shape
   * (Mahmoud vs Muhammad, Hussein vs Hassan); 0.9 for an equal skeleton otherwise (a cross-script
   * or unattested spelling); otherwise a scaled Jaro-Winkler (typos).
   */
  /**
   * Similarity of skeletons one edit apart when the lexicon does not know both tokens: below {@link
   * NameComparison#STRONG}, so a name with a typo lands in its own comparison level.
   */
  public static final double TYPO = 0.86;

  public double similarity(NameToken o) {
    if (text.equals(o.text)) {
      return 1.0;
    }
    boolean bothKnown = canonical != null && o.canonical != null;
    if (bothKnown && !disjointForms(o)) {
      return 1.0;
    }
    if (bothKnown && conflicts(o)) {
      return Math.min(0.5, JaroWinkler.similarity(skeletonChars, o.skeletonChars));
    }
    boolean crossTypo = crossScriptTypo(o);
    if (crossTypo && bothKnown && !vowelVariant(o)) {
      // نيل for Nabil, راي for Rami: a letter dropped from a spelling the lexicon attests for the
      // Latin name; the typo level, though the Arabic token is itself a known word
      return TYPO;
    }
    if (skeleton.equals(o.skeleton) && !skeleton.isEmpty()) {
      return 0.9;
    }
    double s = 0.85 * JaroWinkler.similarity(skeletonChars, o.skeletonChars);
    if (arabic == o.arabic) {
      s = Math.max(s, 0.95 * JaroWinkler.similarity(textChars, o.textChars));
    }
    if (crossTypo // عاء for Alaa
        || !bothKnown
            && skeleton.length() + o.skeleton.length() >= 3
            && EditDistance.withinOne(skeletonChars, o.skeletonChars)
            && (!arabic || !o.arabic || EditDistance.withinOne(textChars, o.textChars))) {
      // one consonant dropped, doubled or mistyped (أمد for أحمد, Uar for Omar): Jaro-Winkler is
      // near zero on such short skeletons, yet a keying error is far likelier than another name.
      // Two Arabic tokens must also be one edit apart as written: a keying error changes the text
      // by one letter, and skeletons one apart with texts further apart are two names (وفء /
      // وائل; on synthetic seed 1, 1 same-person pair among 2,000 such candidate pairs)
      s = Math.max(s, TYPO);
    }
    if (s < 0.9 && latinSwapped(o)) {
      // Kahled for خالد (attested Khaled): two letters swapped broke the kh and the skeleton; the
      // error left no name, so it agrees as strongly as a letter dropped that leaves none
      s = 0.9;
    }
    if (letterDropped(o)) {
      // ممد for محمد, امد against Ahmad: the keying error left no name, so it cannot be another
      // person's name, as a typo between two names can (Samir / Samar); a spelling variant's
      // similarity puts it with the strong agreements (level 5) instead of the typo level
      s = Math.max(s, 0.9);
    }
    return s;
  }

  /**
   * A letter dropped from a known name, leaving no name: one token unknown to the lexicon, the
   * other known, and the unknown one is the known one's text (same script) or one of its attested
   * Arabic forms (an Arabic token against a Latin one) with one letter left out (ممد for محمد, امد
   * against Ahmad).
   */
  boolean letterDropped(NameToken o) {
    if ((canonical == null) == (o.canonical == null)) {
      return false;
    }
    NameToken unknown = canonical == null ? this : o;
    NameToken known = canonical == null ? o : this;
    if (unknown.text.length() < 2) {
      return false;
    }
    if (unknown.arabic == known.arabic) {
      return known.text.length() == unknown.text.length() + 1
          && EditDistance.withinOne(unknown.textChars, known.textChars);
    }
    if (!unknown.arabic) {
      return false;
    }
    for (String form : known.canonical) {
      if (form.length() == unknown.text.length() + 1
          && EditDistance.withinOne(unknown.text, form)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Known to be different names: the Arabic names each can stand for are disjoint, yet some share a
   * skeleton, so the skeleton alone would have confused them. Typos and unattested spellings of the
   * same name do not conflict, nor does a Latin spelling that is a vowel variant of an attested
   * spelling of the Arabic name (Basil for باسل, attested as Basel; see {@link
   * NameLexicon#vowelVariant}).
   */
  public boolean conflicts(NameToken o) {
    if (canonical == null || o.canonical == null || !disjointForms(o)) {
      return false;
    }
    if (arabic == o.arabic) {
      // one keying error away: a typo that happens to be another name
      return JaroWinkler.similarity(textChars, o.textChars) < 0.9;
    }
    // one keying error, as within one script; or Basil for باسل
    return !crossScriptTypo(o) && !vowelVariant(o);
  }

  /** Whether both tokens' canonical forms are known and share none (both must be known). */
  private boolean disjointForms(NameToken o) {
    return (canonicalBits & o.canonicalBits) == 0 || Collections.disjoint(canonical, o.canonical);
  }

  /**
   * Basil for باسل: the Latin token is a vowel variant of an attested spelling of the Arabic one,
   * though attested only for باسيل. Cross-script tokens only.
   */
  private boolean vowelVariant(NameToken o) {
    NameLexicon lex = NameLexicon.instance();
    return arabic ? lex.vowelVariant(text, o.vowelFolded) : lex.vowelVariant(o.text, vowelFolded);
  }

  /**
   * One token Arabic, the other Latin, and the Arabic text is an Arabic form the lexicon gives for
   * the Latin token with one letter dropped: a typo in the Arabic list (نيل for نبيل against Nabil,
   * راي for رامي against Rami), not another name; or the Latin token is an attested spelling of the
   * Arabic one with a letter dropped or two neighbouring letters swapped (Sahdi for Shadi). Not one
   * letter changed: that turns many names into others (هادي / هاني), and at 100k records counting
   * those as typos cost more than it gained.
   */
  boolean crossScriptTypo(NameToken o) {
    if (arabic == o.arabic) {
      return false;
    }
    NameToken ar = arabic ? this : o;
    NameToken lat = arabic ? o : this;
    if (lat.canonical == null || ar.text.length() < 3) {
      return false;
    }
    if (ar.canonical != null && ar.skeleton.equals(lat.skeleton)) {
      return false; // حسن against Hussein: two names that differ only in a long vowel
    }
    for (String form : lat.canonical) {
      if (form.length() == ar.text.length() + 1 && EditDistance.withinOne(ar.text, form)) {
        return true;
      }
    }
    // the same keying error in the Latin list: Haim against حازم (attested Hazim, Hazem), Hay
    // against هاني (Hany); the Latin token happens to be a name too, or it would not conflict
    return ar.canonical != null
        && lat.vowelFolded.length() >= 3
        && (NameLexicon.instance().droppedFromAttested(ar.text, lat.vowelFolded)
            || NameLexicon.instance().swappedFromAttested(ar.text, lat.vowelFolded));
  }

  /**
   * A Latin token unknown to the lexicon that is an attested spelling of the known Arabic token
   * with two neighbouring letters swapped (Kahled for خالد, Bsahar for بشار): the keying error left
   * no name, as {@link #letterDropped} reads a dropped letter.
   */
  boolean latinSwapped(NameToken o) {
    if (arabic == o.arabic) {
      return false;
    }
    NameToken ar = arabic ? this : o;
    NameToken lat = arabic ? o : this;
    return lat.canonical == null
        && ar.canonical != null
        && lat.vowelFolded.length() >= 3
        && NameLexicon.instance().swappedFromAttested(ar.text, lat.vowelFolded);
  }
}
