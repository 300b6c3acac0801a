package org.sijill.linkage.names;

/**
 * The consonant skeleton of one name token, identical for its Arabic and its Latin spellings: محمد,
 * Mohammed, Muhammad and Mohamad all give {@code mhmd}.
 *
 * <p>Why a skeleton: Arabic script writes consonants and long vowels but not short vowels, and
 * romanisations disagree mostly about vowels (Mohammed/Muhammad), doubling (Hassan/Hasan), the
 * marks for ʿayn and hamza, and the letter chosen for one Arabic consonant (q/k for ق, dj/j/g for
 * ج, ch/sh for ش, th/dh for ذ and ث). The skeleton keeps one class letter per Arabic consonant,
 * drops vowels, ʿayn and hamza, drops و and ي (w/y) except at the start of the token because they
 * are as often long vowels as consonants, collapses doubled classes, and drops a final h (ة, the
 * Levantine -eh).
 *
 * <p>It is deliberately coarse: حسن and حسين share {@code hsn}. Comparison resolves such collisions
 * with the attested-spelling lexicon ({@link NameLexicon}); blocking and search rely on the
 * coarseness.
 */
final class Skeleton {
  private Skeleton() {}

  /**
   * Skeleton of a normalised token in either script (mixed tokens are handled letter by letter).
   */
  static String of(String token) {
    StringBuilder raw = new StringBuilder(token.length());
    int n = token.length();
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (ArabicText.isArabic(c)) {
        char k = arabicClass(c);
        if (k != 0) {
          raw.append(k);
        } else {
          raw.append('.');
        }
        continue;
      }
      char next = i + 1 < n ? token.charAt(i + 1) : 0;
      switch (c) {
        case 'k' -> {
          if (next == 'h') {
            raw.append('x');
            i++;
          } else {
            raw.append('k');
          }
        }
        case 'g' -> {
          if (next == 'h') {
            raw.append('g');
            i++;
          } else {
            raw.append('j');
          }
        }
        case 's' -> {
          if (next == 'h') {
            raw.append('c');
            i++;
          } else {
            raw.append('s');
          }
        }
        case 'c' -> {
          if (next == 'h') {
            raw.append('c');
            i++;
          } else if (next == 'k') {
            raw.append('k');
            i++;
          } else {
            raw.append('k');
          }
        }
        case 't' -> {
          if (next == 'h') {
            i++;
          }
          raw.append('t');
        }
        case 'd' -> {
          if (next == 'h') {
            i++;
            raw.append('t'); // dh and th both stand for ذ (Munther, Mundher)
          } else if (next == 'j') {
            i++;
            raw.append('j');
          } else {
            raw.append('d');
          }
        }
        case 'p' -> {
          if (next == 'h') {
            i++;
            raw.append('f');
          } else {
            raw.append('b');
          }
        }
        case 'q' -> raw.append('k');
        case 'v' -> raw.append('f');
        case 'x' -> raw.append("ks");
        case 'b', 'f', 'h', 'j', 'l', 'm', 'n', 'r', 'z', 'w', 'y' -> raw.append(c);
        case 'a', 'e', 'i', 'o', 'u' -> raw.append('.');
        default -> {
          if (Character.isDigit(c)) {
            raw.append(c);
          }
        }
      }
    }
    return finish(raw);
  }

  /**
   * The token's other skeletons for blocking, where one Arabic letter is romanised two ways that
   * {@link #of} cannot both follow: ث read as s (Osman, Haysam for عثمان, هيثم), ذ as z (Munzer for
   * منذر), ظ as d (Kadhim, Mahfoud for كاظم, محفوظ); in Latin, dh as d (Ramadhan, Kadhim for رمضان,
   * كاظم) and as d then h (Adham for أدهم). Empty when the token has none of these letters, or the
   * variants give the skeleton itself.
   */
  static java.util.List<String> variants(String token) {
    java.util.List<String> out = new java.util.ArrayList<>(2);
    if (token.indexOf('ث') >= 0 || token.indexOf('ذ') >= 0 || token.indexOf('ظ') >= 0) {
      add(out, token, of(token.replace('ث', 'س').replace('ذ', 'ز').replace('ظ', 'د')));
    } else if (token.contains("dh")) {
      add(out, token, of(token.replace("dh", "d")));
      add(out, token, of(token.replace("dh", "dah"))); // a vowel between: two letters
    }
    return out;
  }

  private static void add(java.util.List<String> out, String token, String variant) {
    if (!variant.isEmpty() && !variant.equals(of(token)) && !out.contains(variant)) {
      out.add(variant);
    }
  }

  private static char arabicClass(char c) {
    return switch (c) {
      case 'ب', 'پ' -> 'b';
      case 'ت', 'ث', 'ط', 'ذ' -> 't';
      case 'ج', 'گ' -> 'j';
      case 'ح', 'ه', 'ة' -> 'h';
      case 'خ' -> 'x';
      case 'د', 'ض' -> 'd';
      case 'ر' -> 'r';
      case 'ز', 'ظ' -> 'z';
      case 'س', 'ص' -> 's';
      case 'ش', 'چ' -> 'c';
      case 'غ' -> 'g';
      case 'ف', 'ڤ' -> 'f';
      case 'ق', 'ك' -> 'k';
      case 'ل' -> 'l';
      case 'م' -> 'm';
      case 'ن' -> 'n';
      case 'و' -> 'w';
      case 'ي', 'ى' -> 'y';
      default -> 0; // ا ع ء and marks: vowels or glottal sounds
    };
  }

  /** Drops vowels and medial w/y, collapses doubles, drops a final h. */
  private static String finish(CharSequence raw) {
    StringBuilder out = new StringBuilder(raw.length());
    StringBuilder withGlides = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '.') {
        continue;
      }
      appendCollapsed(withGlides, c);
      if ((c == 'w' || c == 'y') && i > 0) {
        continue;
      }
      appendCollapsed(out, c);
    }
    StringBuilder chosen = hasConsonant(out) ? out : withGlides;
    if (chosen == out && out.length() == 1 && out.charAt(0) == 'h' && withGlides.length() > 1) {
      chosen = withGlides; // آية: the ي is the only consonant once the final ة goes (Aya)
    }
    int len = chosen.length();
    if (len > 1 && chosen.charAt(len - 1) == 'h') {
      chosen.setLength(len - 1);
    }
    return chosen.toString();
  }

  private static boolean hasConsonant(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != 'w' && c != 'y') {
        return true;
      }
    }
    return false;
  }

  private static void appendCollapsed(StringBuilder b, char c) {
    if (b.length() == 0 || b.charAt(b.length() - 1) != c) {
      b.append(c);
    }
  }
}
