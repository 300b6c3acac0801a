package org.sijill.linkage.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Settings;

class AgreementTest {
  private static final Settings SETTINGS =
      Settings.of(
          "record_id",
          List.of(
              new FieldSpec("full_name", Kind.NAME),
              new FieldSpec("sex", Kind.EXACT),
              new FieldSpec("age", Kind.NUMBER),
              new FieldSpec("date_of_death", Kind.DATE, "yyyy-MM-dd")));

  @Test
  void theSameValuesAgreeAtTheTopLevelAndAMissingValueIsMissing() {
    Map<String, String> a =
        Map.of("full_name", "Synthetic Person One", "sex", "M", "date_of_death", "2025-03-07");
    List<Agreement.Level> same = Agreement.of(SETTINGS, a, a);
    assertThat(same)
        .extracting(Agreement.Level::column)
        .containsExactly("full_name", "sex", "age", "date_of_death");
    Agreement.Level name = same.get(0);
    assertThat(name.level()).isEqualTo(FieldComparator.of(SETTINGS.fields().get(0)).levels() - 1);
    assertThat(same.get(2).level()).isEqualTo(-1);
    assertThat(same.get(2).label()).isEqualTo("missing");
  }

  @Test
  void differentValuesAgreeLower() {
    Map<String, String> a = Map.of("full_name", "Synthetic Person One", "sex", "M");
    Map<String, String> b = Map.of("full_name", "Invented Other Name", "sex", "F");
    List<Agreement.Level> levels = Agreement.of(SETTINGS, a, b);
    assertThat(levels.get(0).level())
        .isLessThan(FieldComparator.of(SETTINGS.fields().get(0)).levels() - 2);
    assertThat(levels.get(1).level()).isZero();
  }
}
