package org.sijill.linkage.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Name helpers shared by linkage and search: normalisation of Arabic-script and Latin names and
 * script-independent search keys.
 *
 * <p>Example: {@code searchKeys("محمد الحسن")}, {@code searchKeys("Mohammed al-Hassan")} and {@code
 * searchKeys("Muhammad Alhasan")} all contain {@code mhmd} and {@code hsn}, so a search that
 * matches any query key against stored record keys finds the record in either script.
 */
public final class Names {
  private Names() {}

  /**
   * Starts loading the lexicon of attested spellings ({@link NameLexicon}, about 5,000 lines each
   * tokenised twice) on a daemon thread and returns at once. Why: a linkage run needs it only when
   * it prepares its name fields, and on a list of a few thousand records the load was a twentieth
   * of the run, spent while both cores waited for it; started before the files are read, it loads
   * on the other core meanwhile. Whoever needs the lexicon first waits for the load to finish (the
   * JVM initialises a class once); a thread that dies with the process costs nothing.
   */
  public static void loadLexiconInBackground() {
    Thread t = new Thread(NameLexicon::instance, "sijill-name-lexicon");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The normalised form of a name: tokens separated by one space, Arabic tokens folded (أ إ آ → ا,
   * ة → ه, ى → ي, no tashkeel or tatweel), Latin tokens lower-case without diacritics or
   * apostrophes, the article removed (الحسن → حسن, al-Hasan → hasan) and "servant of" compounds
   * joined (عبد الرحمن → عبدرحمن, Abdul Rahman → abdrahman). Token order is kept. Blank → "".
   */
  public static String normalise(String name) {
    return String.join(" ", NameTokens.of(name));
  }

  /**
   * Keys for finding a record whatever the script or spelling: the consonant skeleton of each name
   * token (محمد, Mohammed, Muhammad, Mohamad → {@code mhmd}). A record and a query match when they
   * share a key; rank by the number of shared keys. Keys are lower-case ASCII (or digits).
   */
  public static Set<String> searchKeys(String text) {
    Set<String> keys = new LinkedHashSet<>();
    for (String t : NameTokens.of(text)) {
      String s = Skeleton.of(t);
      if (!s.isEmpty()) {
        keys.add(s);
      }
    }
    return keys;
  }

  /** The consonant skeleton of each token, in order (see {@link #searchKeys}). */
  public static List<String> skeletons(String name) {
    List<String> out = new ArrayList<>();
    for (String t : NameTokens.of(name)) {
      out.add(Skeleton.of(t));
    }
    return out;
  }

  /** A readable Latin rendering of a name: Arabic tokens romanised, Latin tokens normalised. */
  public static String romanise(String name) {
    List<String> out = new ArrayList<>();
    for (String t : NameTokens.of(name)) {
      out.add(ArabicText.containsArabic(t) ? ArabicText.romanise(t) : t);
    }
    return String.join(" ", out);
  }

  /**
   * Similarity of two names in [0, 1], tolerant of script, spelling, token order and a missing
   * token: the mean token similarity over the best one-to-one alignment of the shorter name's
   * tokens. 0 when either is blank.
   */
  public static double similarity(String a, String b) {
    return NameComparison.of(prepare(a), prepare(b)).mean();
  }

  static List<NameToken> prepare(String name) {
    List<String> toks = NameTokens.of(name);
    List<NameToken> out = new ArrayList<>(toks.size());
    for (String t : toks) {
      out.add(NameToken.of(t));
    }
    return out;
  }
}
