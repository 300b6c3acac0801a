package org.sijill.linkage.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Latin-script folding: lower case, diacritics removed (ü → u, ā → a, ḥ → h), apostrophes and the
 * marks used for ʿayn and hamza dropped, hyphens and punctuation turned into spaces.
 */
public final class LatinText {
  private LatinText() {}

  public static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        continue;
      }
      if (isApostrophe(c)) {
        continue;
      }
      if (c == 'ß') {
        b.append("ss");
      } else if (c == 'ı') {
        b.append('i');
      } else if (Character.isLetterOrDigit(c)) {
        b.append(c);
      } else {
        b.append(' ');
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == '‘' || c == 'ʿ' || c == 'ʾ' || c == 'ʼ' || c == 'ʻ'
        || c == '`' || c == '´' || c == '′';
  }
}
