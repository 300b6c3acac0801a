package org.sijill.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The words of the pages in one language: {@code messages_LANG.properties} next to this class, read
 * as UTF-8 (so the Arabic file holds Arabic letters, not {@code \\u} escapes). Templates reach them
 * through {@link Chrome#t}; {@code LabelsTest} fails the build when a key is missing from either
 * file or a template asks for a key that no file holds, so at run time a missing key is a bug that
 * shows itself as the key in brackets rather than breaking a page.
 */
final class Labels {
  /** The languages of the interface. English is the default for anyone who has not chosen. */
  enum Language {
    EN("en", "ltr"),
    AR("ar", "rtl");

    private final String code;
    private final String dir;

    Language(String code, String dir) {
      this.code = code;
      this.dir = dir;
    }

    /** The ISO 639-1 code, as in {@code <html lang>} and {@code ?lang=}. */
    String code() {
      return code;
    }

    /** {@code ltr} or {@code rtl}, as in {@code <html dir>}. */
    String dir() {
      return dir;
    }

    /** The language of a {@code ?lang=} value or cookie; empty for anything else. */
    static Optional<Language> of(String code) {
      if (code == null) {
        return Optional.empty();
      }
      String c = code.strip().toLowerCase(Locale.ROOT);
      for (Language l : values()) {
        if (l.code.equals(c)) {
          return Optional.of(l);
        }
      }
      return Optional.empty();
    }
  }

  private static final Map<Language, Labels> ALL = loadAll();

  private final Language language;
  private final Map<String, String> messages;

  private Labels(Language language, Map<String, String> messages) {
    this.language = language;
    this.messages = messages;
  }

  static Labels of(Language language) {
    return ALL.get(language);
  }

  Language language() {
    return language;
  }

  /** The label for {@code key}; {@code [key]} when the file lacks it (LabelsTest forbids that). */
  String get(String key) {
    String value = messages.get(key);
    return value != null ? value : "[" + key + "]";
  }

  /**
   * The label of {@code key} with {@code {0}}, {@code {1}}, … replaced by the arguments, for a
   * sentence whose number or name sits in a different place in each language. The result is text:
   * the template escapes it, arguments included.
   */
  String get(String key, Object... args) {
    String out = get(key);
    for (int i = 0; i < args.length; i++) {
      out = out.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return out;
  }

  /**
   * The word for a stored code of one of the {@link Words} vocabularies ({@code word("status",
   * "peer_review")} → "peer review" / "مراجعة الأقران"); a code the vocabulary does not list shows
   * as stored, underscores as spaces, so a value written by an older version still reads.
   */
  String word(String vocabulary, String code) {
    if (code == null) {
      return "";
    }
    String value = messages.get(Words.key(vocabulary, code));
    return value != null ? value : Text.words(code);
  }

  /** Every key and label of this language, sorted by key. */
  Map<String, String> all() {
    return messages;
  }

  private static Map<Language, Labels> loadAll() {
    Map<Language, Labels> out = new java.util.EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      out.put(l, new Labels(l, read("messages_" + l.code() + ".properties")));
    }
    return Collections.unmodifiableMap(out);
  }

  static Map<String, String> read(String resource) {
    try (InputStream in = Labels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource + " next to " + Labels.class);
      }
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      Map<String, String> m = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
      return Collections.unmodifiableMap(m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
