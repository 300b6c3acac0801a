package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void datesAreShownNoMorePreciselyThanKnown() {
    LocalDate d = LocalDate.of(2025, 3, 1);
    assertThat(Text.date(d, "day")).isEqualTo("1 March 2025");
    assertThat(Text.date(d, "month")).isEqualTo("March 2025");
    assertThat(Text.date(d, "year")).isEqualTo("2025");
    assertThat(Text.date(null, "day")).isEqualTo("unknown");
  }

  @Test
  void casualtiesShowTheBestFigureWithItsRange() {
    assertThat(Text.casualties(12, 10, 1500)).isEqualTo("12 (10–1,500)");
    assertThat(Text.casualties(null, 10, null)).isEqualTo("at least 10");
    assertThat(Text.casualties(null, null, 40)).isEqualTo("up to 40");
    assertThat(Text.casualties(7, null, null)).isEqualTo("7");
    assertThat(Text.casualties(null, null, null)).isEqualTo("unknown");
  }

  @Test
  void arabicScriptIsRecognisedForLangAttributes() {
    assertThat(Text.lang("محمد الحسن")).isEqualTo("ar");
    assertThat(Text.lang("Jableh جبلة")).isEqualTo("ar");
    assertThat(Text.lang("Mohammed al-Hassan")).isNull();
    assertThat(Text.lang(null)).isNull();
  }

  @Test
  void sourceLinksAreOnlyWebAddresses() {
    SourceView s =
        new SourceView(
            1, "media", null, "Agency", "public", "javascript:alert(1)", false, false, "Agency");
    assertThat(s.link()).isNull();
    SourceView t =
        new SourceView(
            2, "media", null, "Agency", "public", "https://x.example/", false, false, "Agency");
    assertThat(t.link()).isEqualTo("https://x.example/");
  }

  @Test
  void datesAndCasualtiesReadInArabicOnAnArabicPage() {
    Labels ar = Labels.of(Labels.Language.AR);
    Labels en = Labels.of(Labels.Language.EN);
    java.time.LocalDate d = java.time.LocalDate.of(2025, 3, 6);
    assertThat(Text.date(d, "day", ar)).isEqualTo("6 مارس 2025");
    assertThat(Text.date(d, "month", ar)).isEqualTo("مارس 2025");
    assertThat(Text.date(d, "day", en)).isEqualTo("6 March 2025");
    assertThat(Text.date(null, "day", ar)).isEqualTo("غير معروف");
    assertThat(Text.casualties(null, 10, null, ar)).isEqualTo("10 على الأقل");
    assertThat(Text.casualties(null, null, 40, ar)).isEqualTo("حتى 40");
    assertThat(Text.casualties(12, 10, 1500, ar)).isEqualTo("12 (10–1,500)");
    assertThat(Text.casualties(null, 10, null, en)).isEqualTo("at least 10");
  }
}
