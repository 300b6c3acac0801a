package org.sijill.server;

/**
 * What every page shows around its content: the title, which section of the navigation is current,
 * whether the case is the synthetic demo (then every page says so), and the language the reader
 * chose (labels, {@code <html lang dir>}, and the link that switches language).
 */
record Chrome(
    String title, String section, boolean demo, Assets assets, LanguageSwitch.Choice language) {

  /** The label of {@code key} in the reader's language (keys: messages_en.properties). */
  String t(String key) {
    return labels().get(key);
  }

  /** The label of {@code key} with {@code {0}}, {@code {1}}, … filled in (see {@link Labels}). */
  String t(String key, Object... args) {
    return labels().get(key, args);
  }

  /**
   * A refusal's detail in the reader's language: for Arabic, an Arabic sentence before the detail,
   * which stays as the workflow wrote it (English, the words the API answers with too); for
   * English, the detail alone.
   */
  String refusalLead() {
    return language.language() == Labels.Language.AR ? labels().get("problem.detail.lead") : "";
  }

  /** The page's title in the reader's language, for {@code <title>} (see {@link PageTitles}). */
  String shownTitle() {
    return PageTitles.of(labels(), title);
  }

  /** The reader's word for a stored code (see {@link Labels#word}). */
  String word(String vocabulary, String code) {
    return labels().word(vocabulary, code);
  }

  /** The reader's labels, for the templates a page includes. */
  Labels labels() {
    return Labels.of(language.language());
  }

  /** {@code en} or {@code ar}, for {@code <html lang>}. */
  String lang() {
    return language.language().code();
  }

  /** {@code ltr} or {@code rtl}, for {@code <html dir>}. */
  String dir() {
    return language.language().dir();
  }
}
