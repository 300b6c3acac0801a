package org.sijill.linkage.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a name into normalised tokens, in either script.
 *
 * <ul>
 *   <li>The article is optional: ال, al-, el-, "Al " and the assimilated forms (ash-, ad-, ar-…)
 *       are dropped, so الحسن = al-Hasan = Alhasan = Hasan.
 *   <li>"Servant of" compounds are one name: عبد الرحمن = عبدالرحمن = Abd al-Rahman = Abdul Rahman
 *       = Abdelrahman = Abdurrahman, all {@code abdrahman} / {@code عبدرحمن}.
 *   <li>Abu is never folded into Abd: they are different words (father of / servant of).
 *   <li>"Father of" compounds (a kunya, or a family name) are one name too: أبو علي = ابوعلي = Abu
 *       Ali = Abou Ali, {@code ابوعلي} / {@code abuali}; two people named Samir Abu Bilal and Bilal
 *       Abu Samir no longer hold the same tokens.
 * </ul>
 */
public final class NameTokens {
  private NameTokens() {}

  private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "il");
  private static final Set<String> SUN_ARTICLES =
      Set.of("as", "ash", "ad", "ar", "at", "az", "an", "ath", "adh", "es", "ed", "er", "en");
  private static final Set<String> ABD_FORMS =
      Set.of("abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdou", "abdil");
  private static final Set<String> ABU_FORMS = Set.of("ابو", "abu", "abou", "abo", "aboo");

  /**
   * Abu with a keying error, as a word before a name: اب and او (a letter dropped from ابو; neither
   * is a name, nor a word that precedes one in a name) and Latin ab + o/u (Aboou, Abuu).
   */
  static boolean isAbuTypo(String t) {
    // the regex اب|او|ab[ou]{1,3}, by hand: asked of every token
    if (t.equals("اب") || t.equals("او")) {
      return true;
    }
    if (t.length() < 3 || t.length() > 5 || !t.startsWith("ab")) {
      return false;
    }
    for (int i = 2; i < t.length(); i++) {
      if (t.charAt(i) != 'o' && t.charAt(i) != 'u') {
        return false;
      }
    }
    return true;
  }

  /** عبد with one letter dropped; none is a name, and before an ال word each is a typo of عبد. */
  private static final Set<String> ABD_DROPPED = Set.of("عب", "عد", "بد");

  private static final Pattern ABD_GLUED =
      Pattern.compile(
          "abd(?:oul|ul|el|al|ol|il|ur|er|ar|us|es|as|un|en|an|ud|ed|ad|ut|et|at|uz|ez|az|ou|u)?"
              + "([a-z]{3,})");

  /** Latin glued forms that look like al+name but are names in their own right. */
  private static final Set<String> NOT_ARTICLE =
      Set.of(
          "alwan", "alban", "almas", "alim", "alma", "elham", "elias", "elyas", "alaa", "alia",
          "aloush", "alloush");

  /**
   * Where words break: ASCII white space (what a regex's \s means in Java), the no-break space and
   * , ; / ( ) [ ] " . — tested by hand rather than split with a regex, which showed in the profile
   * of preparing a FEBRL run's name fields (docs/BENCHMARKS.md, session 13).
   */
  private static boolean isWordBreak(char c) {
    return switch (c) {
      case ' ',
          '\t',
          '\n',
          '\u000B',
          '\f',
          '\r',
          '\u00A0',
          ',',
          ';',
          '/',
          '(',
          ')',
          '[',
          ']',
          '"',
          '.' ->
          true;
      default -> false;
    };
  }

  /** The hyphens and the underscore that join the parts of a name (al-Hasan). */
  private static boolean isHyphen(char c) {
    return c == '-' || c == '‐' || c == '‑' || c == '–' || c == '—' || c == '_';
  }

  /** Adds the non-empty runs of {@code s} between word breaks, or between spaces only. */
  static void addRuns(String s, boolean spacesOnly, List<String> out) {
    int start = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (spacesOnly ? c == ' ' : isWordBreak(c)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      out.add(start == 0 ? s : s.substring(start));
    }
  }

  /**
   * {@code w} split at runs of hyphens as {@code Pattern.compile("[-‐‑–—_]+").split(w)} splits it:
   * an empty first part when {@code w} begins with a hyphen, no trailing empty parts.
   */
  static String[] splitHyphens(String w) {
    int n = w.length();
    int i = 0;
    while (i < n && !isHyphen(w.charAt(i))) {
      i++;
    }
    if (i == n) {
      return new String[] {w};
    }
    List<String> parts = new ArrayList<>(3);
    int start = 0;
    while (i < n) {
      if (isHyphen(w.charAt(i))) {
        parts.add(w.substring(start, i));
        while (i < n && isHyphen(w.charAt(i))) {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    parts.add(w.substring(start));
    int size = parts.size();
    while (size > 0 && parts.get(size - 1).isEmpty()) {
      size--;
    }
    return parts.subList(0, size).toArray(new String[0]);
  }

  /** The normalised tokens of a name; empty for a blank name. */
  static List<String> of(String name) {
    if (name == null || name.isBlank()) {
      return List.of();
    }
    List<String> raw = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    // Split into script-homogeneous words; keep track of hyphen-joined articles.
    String folded = ArabicText.normalise(name);
    List<String> words = new ArrayList<>();
    addRuns(folded, false, words);
    for (String w : words) {
      if (ArabicText.containsArabic(w)) {
        cur.setLength(0);
        for (int i = 0; i < w.length(); i++) {
          char c = w.charAt(i);
          if (ArabicText.isArabic(c) && Character.isLetterOrDigit(c)) {
            cur.append(c);
          }
        }
        if (cur.length() > 0) {
          raw.add(cur.toString());
        }
      } else {
        // A hyphenated article (ash-Shami) is an article whatever its assimilated form.
        String[] hy = splitHyphens(w);
        for (int h = 0; h < hy.length; h++) {
          String f = LatinText.fold(hy[h]).trim();
          if (f.isEmpty()) {
            continue;
          }
          boolean beforeHyphen = h < hy.length - 1;
          boolean hyphenArticle =
              beforeHyphen && (ARTICLES.contains(f) || SUN_ARTICLES.contains(f));
          if (hyphenArticle) {
            raw.add("al");
            continue;
          }
          if (beforeHyphen && !f.contains(" ")) {
            String moved = articleTypo(f);
            if (moved != null) {
              // alK-assem, asS-ayed, all-Hani: the article with the name's first letter typed
              // before the hyphen, or with its l doubled
              raw.add("al");
              hy[h + 1] = moved + hy[h + 1];
              continue;
            }
            if ((f.equals("a") || f.equals("e")) && LatinText.fold(hy[h + 1]).startsWith("l")) {
              // a-lKassem: the hyphen typed one letter early
              raw.add("al");
              hy[h + 1] = hy[h + 1].trim().substring(1);
              continue;
            }
          }
          addRuns(f, true, raw);
        }
      }
    }
    return joinCompounds(rejoinAbu(raw));
  }

  /**
   * The letter a Latin article token carries from the name after it when a keying error swapped the
   * hyphen with that letter (alk in alK-assem gives k, ass in asS-ayed gives s), "" for a doubled l
   * (all-Hani), or null when {@code f} is no such token. Only a consonant moves: ali, ala are names
   * or articles of names that begin with a vowel.
   */
  private static String articleTypo(String f) {
    if (f.length() != 3 || ARTICLES.contains(f) || SUN_ARTICLES.contains(f)) {
      return null;
    }
    String article = f.substring(0, 2);
    char c = f.charAt(2);
    if (isVowel(c) || !Character.isLetter(c)) {
      return null;
    }
    if (f.equals("all") || f.equals("ell")) {
      return "";
    }
    if (article.equals("al") || article.equals("el") || SUN_ARTICLES.contains(article)) {
      return String.valueOf(c);
    }
    return null;
  }

  /**
   * Abu with the space typed one letter off, a keying error Latin lists show (Ab uOmar for Abu
   * Omar, AbouR abie for Abou Rabie): "ab" before a word that begins with u, and an Abu form with
   * the next word's first consonant glued on, become Abu and the word, so that the kunya is joined
   * into one token as usual ({@link #forComparison}). Neither "ab" nor "abour" is a name.
   */
  private static List<String> rejoinAbu(List<String> raw) {
    List<String> out = null;
    for (int i = 0; i + 1 < raw.size(); i++) {
      String t = raw.get(i);
      String next = raw.get(i + 1);
      if (arabic(t) || arabic(next)) {
        continue;
      }
      String fixedT = null;
      String fixedNext = null;
      if (t.equals("ab") && next.length() >= 4 && next.charAt(0) == 'u') {
        fixedT = "abu";
        fixedNext = next.substring(1);
      } else if (t.length() >= 4
          && ABU_FORMS.contains(t.substring(0, t.length() - 1))
          && !isVowel(t.charAt(t.length() - 1))
          && t.charAt(t.length() - 1) != 'l' // Abul-Ala: Abu with the article, not a typo
          && next.length() >= 3
          && isVowel(next.charAt(0))) {
        fixedT = "abu";
        fixedNext = t.charAt(t.length() - 1) + next;
      }
      if (fixedT != null) {
        if (out == null) {
          out = new ArrayList<>(raw);
        }
        out.set(i, fixedT);
        out.set(i + 1, fixedNext);
        i++;
      }
    }
    return out == null ? raw : out;
  }

  /**
   * The tokens record linkage compares: as {@link #of}, with each "father of" compound (a kunya or
   * a family name) joined into one token, أبو علي = ابوعلي = Abu Ali = Abou Ali ({@code ابوعلي} /
   * {@code abuali}). Compared as separate tokens, Samir Muhammad Abu Bilal and Bilal Muhammad Abu
   * Samir hold the same tokens, in another order, and look like one name.
   */
  public static List<String> forComparison(String name) {
    List<String> toks = of(name);
    List<String> out = null;
    for (int i = 0; i < toks.size(); i++) {
      String t = toks.get(i);
      if (isAbu(t) && i + 1 < toks.size()) {
        String next = toks.get(i + 1);
        boolean arabic = arabic(t);
        if (arabic == arabic(next) && !isAbu(next)) {
          if (out == null) {
            out = new ArrayList<>(toks.subList(0, i));
          }
          out.add((arabic ? "ابو" : "abu") + next);
          i++;
          continue;
        }
      }
      if (out != null) {
        out.add(t);
      }
    }
    return out == null ? toks : out;
  }

  private static boolean isAbu(String t) {
    return ABU_FORMS.contains(t) || isAbuTypo(t);
  }

  private static List<String> joinCompounds(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String t = raw.get(i);
      // عب, عد or بد before an ال word: عبد with a letter dropped (عب الرحمن, عد الله), not a name
      boolean abdTypo =
          ABD_DROPPED.contains(t) && i + 1 < raw.size() && raw.get(i + 1).startsWith("ال");
      if (t.equals("عبد") || ABD_FORMS.contains(t) || abdTypo) {
        if (abdTypo) {
          t = "عبد";
        }
        int j = i + 1;
        while (j < raw.size() && ARTICLES.contains(raw.get(j))) {
          j++;
        }
        if (j < raw.size() && !isAbdLike(raw.get(j))) {
          String next = stripArticle(raw.get(j));
          boolean arabic = ArabicText.containsArabic(t);
          if (arabic == ArabicText.containsArabic(next)) {
            out.add(arabic ? "عبد" + next : abdGlued("abd" + next));
            i = j;
            continue;
          }
        }
        out.add(arabic(t) ? t : "abd");
        continue;
      }
      if (ARTICLES.contains(t)) {
        continue; // a free-standing article: "Al Hasan"
      }
      String s = stripArticle(t);
      if (s.startsWith("عبد") && s.length() > 3) {
        String rest = s.substring(3);
        out.add("عبد" + (rest.startsWith("ال") && rest.length() > 3 ? rest.substring(2) : rest));
      } else if (s.startsWith("abd") && !ABD_FORMS.contains(s)) {
        out.add(abdGlued(s));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isAbdLike(String t) {
    return t.equals("عبد") || ABD_FORMS.contains(t);
  }

  private static boolean arabic(String t) {
    return ArabicText.containsArabic(t);
  }

  private static String abdGlued(String s) {
    Matcher m = ABD_GLUED.matcher(s);
    if (m.matches()) {
      return "abd" + stripArticle(m.group(1));
    }
    return s;
  }

  /** Drops a leading article from one token (ال… ≥ 2 letters left; al…/el… see below). */
  static String stripArticle(String t) {
    if (t.startsWith("ال") && t.length() >= 4) {
      return t.substring(2);
    }
    if ((t.startsWith("al") || t.startsWith("el")) && !NOT_ARTICLE.contains(t)) {
      // al+consonant needs 3 letters after it (Alhasan), al+vowel 4 (Alomar, not Alali or Alawi)
      int need = isVowel(t.charAt(2 < t.length() ? 2 : 0)) ? 4 : 3;
      if (t.length() - 2 >= need) {
        return t.substring(2);
      }
    }
    return t;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
