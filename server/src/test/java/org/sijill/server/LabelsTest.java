package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sijill.server.Labels.Language;

/**
 * The two message files hold the same keys, every label has words (Arabic ones Arabic letters), and
 * every key a template or handler asks for is in both — so no page shows a key in brackets.
 */
class LabelsTest {
  /** {@code chrome.t("key")}, {@code t.get("key")} and {@code labels().get("key")}. */
  private static final Pattern USE =
      Pattern.compile("(?:\\bchrome\\.t|\\bt\\.get|labels\\(\\)\\.get)\\(\\s*\"([^\"]+)\"");

  /** A call whose key is not a plain string (it could name a key no file holds). */
  private static final Pattern COMPUTED =
      Pattern.compile("(?:\\bchrome\\.t|\\bt\\.get|labels\\(\\)\\.get)\\(\\s*[^\"\\s]");

  /** {@code chrome.word("vocabulary", code)} and {@code t.word(...)}: a stored code's word. */
  private static final Pattern WORD = Pattern.compile("\\bword\\(\\s*\"([^\"]+)\"");

  /** A word lookup whose vocabulary is not a plain string. */
  private static final Pattern COMPUTED_WORD =
      Pattern.compile("(?:\\bchrome\\.word|\\bt\\.word|labels\\(\\)\\.word)\\(\\s*[^\"\\s]");

  /** The classes that look labels up for others: they pass keys along. */
  private static final Set<String> DEFINES = Set.of("Chrome.java", "Labels.java", "Words.java");

  private static final Pattern ARABIC = Pattern.compile("[\\u0600-\\u06FF]");

  @Test
  void bothLanguagesHaveTheSameKeys() {
    Set<String> en = Labels.of(Language.EN).all().keySet();
    Set<String> ar = Labels.of(Language.AR).all().keySet();
    assertThat(en).isNotEmpty();
    assertThat(new TreeSet<>(ar)).as("keys of messages_ar").isEqualTo(new TreeSet<>(en));
  }

  @Test
  void everyLabelHasWordsAndTheArabicOnesAreArabic() {
    for (Language l : Language.values()) {
      Labels.of(l).all().forEach((k, v) -> assertThat(v).as(l + " " + k).isNotBlank());
    }
    Labels.of(Language.AR)
        .all()
        .forEach((k, v) -> assertThat(ARABIC.matcher(v).find()).as("ar " + k + "=" + v).isTrue());
  }

  @Test
  void everyKeyTheTemplatesAndHandlersUseIsInBothFilesAndNoneIsComputed() throws IOException {
    Map<String, String> used = uses();
    assertThat(used).as("keys used by src/main").isNotEmpty();
    for (Language l : Language.values()) {
      Set<String> missing = new TreeSet<>(used.keySet());
      missing.removeAll(Labels.of(l).all().keySet());
      assertThat(missing)
          .as("keys used (first use: %s) but missing from messages_%s", used, l.code())
          .isEmpty();
    }
  }

  @Test
  void everyKeyInTheFilesIsUsed() throws IOException {
    Set<String> unused = new TreeSet<>(Labels.of(Language.EN).all().keySet());
    unused.removeAll(uses().keySet());
    assertThat(unused).as("keys no template or handler uses").isEmpty();
  }

  @Test
  void everyStoredCodeHasItsWordAndPagesAskOnlyForKnownVocabularies() throws IOException {
    assertThat(Words.CODES).containsKeys("status", "judgement", "grade", "role", "precision");
    Set<String> vocabularies = new TreeSet<>();
    for (Path f : sources()) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertThat(COMPUTED_WORD.matcher(text).find())
          .as(f + " asks for a word of a computed vocabulary")
          .isFalse();
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        vocabularies.add(m.group(1));
      }
    }
    assertThat(vocabularies).as("vocabularies the pages ask for").isNotEmpty();
    assertThat(Words.CODES.keySet()).containsAll(vocabularies);
    assertThat(vocabularies).as("vocabularies no page shows").containsAll(Words.CODES.keySet());
    for (Language l : Language.values()) {
      Words.CODES.forEach(
          (vocabulary, codes) ->
              codes.forEach(
                  code ->
                      assertThat(Labels.of(l).all())
                          .as("messages_%s", l.code())
                          .containsKey(Words.key(vocabulary, code))));
    }
  }

  @Test
  void aStoredCodeReadsInTheReadersLanguageAndAnUnknownOneAsStored() {
    assertThat(Labels.of(Language.EN).word("status", "peer_review")).isEqualTo("peer review");
    assertThat(Labels.of(Language.AR).word("status", "finalised")).isEqualTo("نهائي");
    assertThat(Labels.of(Language.AR).word("judgement", "misattributed"))
        .isEqualTo("منسوبة خطأً (مُعاد تدويرها)");
    assertThat(Labels.of(Language.AR).word("status", "old_code")).isEqualTo("old code");
    assertThat(Labels.of(Language.AR).word("status", null)).isEmpty();
  }

  @Test
  void aMissingKeyShowsItselfInBrackets() {
    assertThat(Labels.of(Language.AR).get("no.such.key")).isEqualTo("[no.such.key]");
    assertThat(Labels.of(Language.AR).get("nav.evidence")).isEqualTo("الأدلة");
  }

  @Test
  void theSwitchLinkKeepsThePageQueryAndReplacesTheLanguage() {
    assertThat(new LanguageSwitch.Choice(Language.EN, "q=x&lang=en&page=2").otherHref())
        .isEqualTo("?q=x&page=2&lang=ar");
    assertThat(new LanguageSwitch.Choice(Language.AR, "").otherHref()).isEqualTo("?lang=en");
    assertThat(Language.of(" AR")).contains(Language.AR);
    assertThat(Language.of("fr")).isEmpty();
  }

  /** The templates and Java sources of src/main, but for the classes that define the lookups. */
  private static java.util.List<Path> sources() throws IOException {
    java.util.List<Path> out = new java.util.ArrayList<>();
    for (Path root : new Path[] {Path.of("src/main/jte"), Path.of("src/main/java")}) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> !DEFINES.contains(f.getFileName().toString()))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  /**
   * Each key used in src/main (templates and Java), with the file that first uses it; the word of
   * every code in {@link Words} counts as used (pages reach it through {@code word(...)}).
   */
  private static Map<String, String> uses() throws IOException {
    Map<String, String> out = new TreeMap<>();
    Words.CODES.forEach(
        (vocabulary, codes) ->
            codes.forEach(code -> out.put(Words.key(vocabulary, code), "Words.java")));
    for (Path f : sources()) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Matcher computed = COMPUTED.matcher(text);
      if (computed.find()) {
        int end = Math.min(text.length(), computed.end() + 40);
        throw new AssertionError(
            f + " asks for a label by a computed key: " + text.substring(computed.start(), end));
      }
      Matcher m = USE.matcher(text);
      while (m.find()) {
        out.putIfAbsent(m.group(1), f.getFileName().toString());
      }
    }
    return out;
  }
}
