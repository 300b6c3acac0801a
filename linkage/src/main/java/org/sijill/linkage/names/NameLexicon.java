package org.sijill.linkage.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attested Latin spellings of Arabic-script name tokens, from Wikidata person labels (CC0; see
 * name-variants-LICENSE-CC0.txt next to the data file). It tells comparison what the skeleton
 * cannot: Mahmoud is محمود and not محمد, Hussein is حسين and not حسن, although their skeletons
 * coincide.
 *
 * <p>Both sides are normalised exactly as {@link NameTokens} normalises input, so a lookup is a
 * plain map access. Immutable after loading; one shared instance.
 */
final class NameLexicon {
  private static final NameLexicon INSTANCE = load();

  private final Map<String, Set<String>> latinToArabic;
  private final Set<String> arabicKnown;
  private final Map<String, Set<String>> arabicToFoldedLatin;

  /**
   * The same as {@link #arabicToFoldedLatin}, as arrays: {@link #droppedFromAttested} reads every
   * form of a name (dozens for the common ones) for first-time token pairs, and walking the
   * immutable sets' tables was a twentieth of a million-record run.
   */
  private final Map<String, String[]> foldedLatinArrays;

  private NameLexicon(
      Map<String, Set<String>> latinToArabic,
      Set<String> arabicKnown,
      Map<String, Set<String>> arabicToFoldedLatin) {
    this.latinToArabic = latinToArabic;
    this.arabicKnown = arabicKnown;
    this.arabicToFoldedLatin = arabicToFoldedLatin;
    Map<String, String[]> arrays = new HashMap<>();
    arabicToFoldedLatin.forEach((k, v) -> arrays.put(k, v.toArray(new String[0])));
    this.foldedLatinArrays = Map.copyOf(arrays);
  }

  static NameLexicon instance() {
    return INSTANCE;
  }

  /**
   * The normalised Arabic names a normalised token can stand for, when the lexicon knows it: an
   * Arabic token with attested spellings stands for itself; a Latin spelling for every Arabic token
   * it is attested for (Basil: باسل and بازل). Null when unknown.
   */
  Set<String> arabicForms(String token) {
    if (ArabicText.containsArabic(token)) {
      return arabicKnown.contains(token) ? Set.of(token) : null;
    }
    return latinToArabic.get(token);
  }

  /**
   * Whether a Latin token (given {@link #foldVowels folded}) is a vowel variant of an attested
   * spelling of an Arabic token: equal once e/i and o/u are merged and doubled letters single
   * (Basil for باسل, attested as Basel and Bassel). Latin letters e/i and o/u both render kasra/ي
   * and damma/و, so such a spelling is an unattested rendering of that name, not evidence of
   * another name, even when the lexicon attests it for a different one (Basil for باسيل).
   */
  boolean vowelVariant(String arabic, String foldedLatin) {
    Set<String> folded = arabicToFoldedLatin.get(arabic);
    return folded != null && folded.contains(foldedLatin);
  }

  /**
   * Whether a Latin token (given {@link #foldVowels folded}) is an attested spelling of an Arabic
   * token with one letter dropped (haim from hazim, attested for حازم): a keying error in the Latin
   * list, as {@code NameToken#crossScriptTypo} reads one in the Arabic list.
   */
  boolean droppedFromAttested(String arabic, String foldedLatin) {
    String[] folded = foldedLatinArrays.get(arabic);
    if (folded == null) {
      return false;
    }
    for (String f : folded) {
      if (f.length() == foldedLatin.length() + 1 && EditDistance.withinOne(foldedLatin, f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a Latin token (given {@link #foldVowels folded}) is an attested spelling of an Arabic
   * token with two neighbouring letters swapped (kahlid from khalid, attested for خالد; bsahar from
   * bashar): a keying error that breaks a digraph (kh, sh) and with it the skeleton.
   */
  boolean swappedFromAttested(String arabic, String foldedLatin) {
    String[] folded = foldedLatinArrays.get(arabic);
    if (folded == null) {
      return false;
    }
    for (String f : folded) {
      if (f.length() == foldedLatin.length() && oneSwap(f, foldedLatin)) {
        return true;
      }
    }
    return false;
  }

  /** Equal but for two neighbouring letters swapped (same length given). */
  private static boolean oneSwap(String a, String b) {
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i + 1 < a.length()
        && a.charAt(i) == b.charAt(i + 1)
        && a.charAt(i + 1) == b.charAt(i)
        && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
  }

  /** e→i, o→u, then runs of one letter to one: basel, bassel, basil → basil. */
  static String foldVowels(String latin) {
    StringBuilder b = new StringBuilder(latin.length());
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      c = c == 'e' ? 'i' : c == 'o' ? 'u' : c;
      if (b.length() == 0 || b.charAt(b.length() - 1) != c) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static NameLexicon load() {
    Map<String, Set<String>> forms = new HashMap<>();
    Set<String> arabic = new HashSet<>();
    Map<String, Set<String>> folded = new HashMap<>();
    try (InputStream in = NameLexicon.class.getResourceAsStream("name-variants.tsv")) {
      if (in == null) {
        throw new IllegalStateException("name-variants.tsv missing from the linkage jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine(); // header
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        if (f.length < 4) {
          continue;
        }
        List<String> ar = NameTokens.of(f[1]);
        List<String> la = NameTokens.of(f[2]);
        if (ar.size() != 1 || la.size() != 1) {
          continue;
        }
        String a = ar.get(0);
        arabic.add(a);
        forms.computeIfAbsent(la.get(0), k -> new HashSet<>()).add(a);
        folded.computeIfAbsent(a, k -> new HashSet<>()).add(foldVowels(la.get(0)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    forms.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    Map<String, Set<String>> frozenFolded = new HashMap<>();
    folded.forEach((k, v) -> frozenFolded.put(k, Set.copyOf(v)));
    return new NameLexicon(Map.copyOf(frozen), Set.copyOf(arabic), Map.copyOf(frozenFolded));
  }
}
