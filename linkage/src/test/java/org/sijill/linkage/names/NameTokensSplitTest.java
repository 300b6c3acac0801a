package org.sijill.linkage.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written splits of {@link NameTokens} give what the regex splits they replaced gave, on
 * awkward input: Arabic, mixed scripts, every kind of hyphen and break, runs of them at either end,
 * white space a regex's \s does not cover (the ideographic space), and empty strings.
 */
class NameTokensSplitTest {
  private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\u00A0,;/()\\[\\]\"\\.]+");
  private static final Pattern HYPHENS = Pattern.compile("[-‐‑–—_]+");
  private static final Pattern SPACES = Pattern.compile(" +");
  private static final Pattern ABU_TYPO = Pattern.compile("اب|او|ab[ou]{1,3}");

  /** Characters the splits treat specially, and some they must not. */
  private static final String ALPHABET =
      "ab ouAl\t\n\u000B\f\r\u00A0,;/()[]\".-‐‑–—_\u2012\u3000\u2009'’ابوعدلحسن\u064E\u0640é1٣";

  private static final List<String> AWKWARD =
      List.of(
          "",
          " ",
          "-",
          "--",
          "_-_",
          "a-",
          "-a",
          "a--b",
          "--a--b--",
          "al-Hasan",
          "ash‐Shami – al—Din",
          "عبد الرحمن",
          "أبو علي,Abu Ali",
          "  Muhammad\u00A0\t(al-Hasan)  ",
          "محمد-Ahmad_الحسن",
          "[x]/y;z.\"w\"",
          "Abou\u3000Ali",
          "a\u2012b",
          "ab",
          "abu",
          "aboou",
          "abuuu",
          "abuuuu",
          "abx",
          "اب",
          "او",
          "ابو");

  @Test
  void wordsHyphensAndSpacesSplitAsTheRegexesDid() {
    List<String> inputs = new ArrayList<>(AWKWARD);
    SplittableRandom rnd = new SplittableRandom(19);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(12);
      for (int i = 0; i < len; i++) {
        b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
      inputs.add(b.toString());
    }
    int hyphenated = 0;
    for (String s : inputs) {
      assertThat(words(s, false)).as("words of [%s]", s).isEqualTo(regexRuns(WORD_BREAK, s));
      assertThat(words(s, true)).as("spaces of [%s]", s).isEqualTo(regexRuns(SPACES, s));
      assertThat(NameTokens.splitHyphens(s)).as("hyphens of [%s]", s).isEqualTo(HYPHENS.split(s));
      assertThat(NameTokens.isAbuTypo(s))
          .as("abu typo [%s]", s)
          .isEqualTo(ABU_TYPO.matcher(s).matches());
      if (HYPHENS.split(s).length > 1) {
        hyphenated++;
      }
    }
    // the random strings exercise the splits, not only the empty cases
    assertThat(hyphenated).isGreaterThan(1000);
    assertThat(NameTokens.splitHyphens("-a-")).containsExactly("", "a");
    assertThat(NameTokens.splitHyphens("--")).isEmpty();
    assertThat(NameTokens.isAbuTypo("aboou")).isTrue();
  }

  private static List<String> words(String s, boolean spacesOnly) {
    List<String> out = new ArrayList<>();
    NameTokens.addRuns(s, spacesOnly, out);
    return out;
  }

  private static List<String> regexRuns(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    for (String part : p.split(s)) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }
}
