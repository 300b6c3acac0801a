package org.sijill.linkage;

/**
 * One normalised token of a name with what comparison needs.
 *
 * @param text the normalised token (Arabic script or lower-case ASCII)
 * @param canonical its normalised Arabic form when the lexicon knows it, else null
 * @param skeleton its consonant skeleton ({@link Skeleton})
 */
record NameToken(String text, String canonical, String skeleton) {

  static NameToken of(String normalisedToken) {
    return new NameToken(
        normalisedToken,
        NameLexicon.instance().canonical(normalisedToken),
        Skeleton.of(normalisedToken));
  }

  /**
   * Similarity in [0, 1]: 1 for the same name (same text, or both spellings attested for one Arabic
   * name); 0.9 for an equal skeleton when at most one side is known to the lexicon (a cross-script
   * or unattested spelling); otherwise Jaro-Winkler, capped low when the lexicon knows both tokens
   * as different names (Mahmoud vs Muhammad).
   */
  double similarity(NameToken o) {
    if (text.equals(o.text)) {
      return 1.0;
    }
    boolean bothKnown = canonical != null && o.canonical != null;
    if (bothKnown && canonical.equals(o.canonical)) {
      return 1.0;
    }
    if (bothKnown) {
      return Math.min(0.5, JaroWinkler.similarity(skeleton, o.skeleton));
    }
    if (skeleton.equals(o.skeleton) && !skeleton.isEmpty()) {
      return 0.9;
    }
    double s = 0.85 * JaroWinkler.similarity(skeleton, o.skeleton);
    if (ArabicText.containsArabic(text) == ArabicText.containsArabic(o.text)) {
      s = Math.max(s, 0.95 * JaroWinkler.similarity(text, o.text));
    }
    return s;
  }
}
