package org.sijill.linkage.names;

/**
 * Light normalisation and romanisation of Arabic script.
 *
 * <p>Normalisation removes tashkeel, Quranic marks and tatweel and folds the letters that writers
 * use interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي), so that أحمد = احمد and فاطمة =
 * فاطمه. It does not touch the article or the "عبد" compounds: {@link NameTokens} does that,
 * because it needs the neighbouring tokens.
 */
public final class ArabicText {
  private ArabicText() {}

  /** True for a letter of the Arabic block (U+0600–U+06FF, presentation forms excluded). */
  static boolean isArabic(char c) {
    return c >= '\u0600' && c <= '\u06FF';
  }

  public static boolean containsArabic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isArabic(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isMark(char c) {
    return (c >= '\u0610' && c <= '\u061A')
        || (c >= '\u064B' && c <= '\u065F')
        || c == '\u0670'
        || (c >= '\u06D6' && c <= '\u06ED')
        || c == '\u0640';
  }

  /** Folds one token (or a whole string): marks removed, letter variants unified. */
  public static String normalise(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isMark(c)) {
        continue;
      }
      b.append(fold(c));
    }
    return b.toString();
  }

  public static char fold(char c) {
    return switch (c) {
      case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
      case 'ى', 'ئ', 'ی' -> 'ي';
      case 'ة' -> 'ه';
      case 'ؤ' -> 'و';
      case 'ک' -> 'ك';
      case '٠' -> '0';
      case '١' -> '1';
      case '٢' -> '2';
      case '٣' -> '3';
      case '٤' -> '4';
      case '٥' -> '5';
      case '٦' -> '6';
      case '٧' -> '7';
      case '٨' -> '8';
      case '٩' -> '9';
      default -> c;
    };
  }

  /**
   * A readable romanisation of a normalised Arabic token: consonants as in common English usage, ا
   * و ي as long vowels (or w/y at the start of a word), short vowels absent because Arabic script
   * does not write them. Good for display and for a search box; comparison uses {@link Skeleton}.
   */
  static String romanise(String token) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean first = i == 0;
      String r =
          switch (c) {
            case 'ا' -> "a";
            case 'ب' -> "b";
            case 'ت' -> "t";
            case 'ث' -> "th";
            case 'ج' -> "j";
            case 'ح' -> "h";
            case 'خ' -> "kh";
            case 'د' -> "d";
            case 'ذ' -> "dh";
            case 'ر' -> "r";
            case 'ز' -> "z";
            case 'س' -> "s";
            case 'ش' -> "sh";
            case 'ص' -> "s";
            case 'ض' -> "d";
            case 'ط' -> "t";
            case 'ظ' -> "z";
            case 'ع', 'ء' -> first ? "" : "'";
            case 'غ' -> "gh";
            case 'ف', 'ڤ' -> "f";
            case 'ق' -> "q";
            case 'ك' -> "k";
            case 'ل' -> "l";
            case 'م' -> "m";
            case 'ن' -> "n";
            case 'ه' -> (i == token.length() - 1 && i > 0) ? "a" : "h";
            case 'و' -> first ? "w" : "u";
            case 'ي' -> first ? "y" : "i";
            case 'پ' -> "p";
            case 'چ' -> "ch";
            case 'گ' -> "g";
            default -> Character.isLetterOrDigit(c) ? String.valueOf(c) : "";
          };
      b.append(r);
    }
    return b.toString();
  }
}
