package org.sijill.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.PublicClaim;
import org.sijill.casefile.model.Source;

class DemoCaseTest {
  @TempDir Path data;

  @Test
  void theDemoCaseIsCompleteAndLabelledSynthetic() {
    try (CaseFile c = TestDatabases.openCase()) {
      assertThat(DemoCase.isLoaded(c)).isFalse();
      DemoCase.Summary s = DemoCase.load(c, DemoCase.DEFAULT_SEED);

      assertThat(DemoCase.isLoaded(c)).isTrue();
      assertThat(c.incidents().count()).isEqualTo(10);
      assertThat(c.incidents().all())
          .allSatisfy(
              i -> {
                assertThat(i.locationId()).isNotNull();
                assertThat(i.titleAr()).isNotBlank();
                assertThat(i.casualtiesLow()).isLessThanOrEqualTo(i.casualtiesHigh());
              });
      assertThat(s.recordsPerList()).hasSize(3);
      assertThat(s.recordsPerList().values()).allSatisfy(n -> assertThat(n).isBetween(150, 600));
      assertThat(c.victims().count())
          .isEqualTo(s.recordsPerList().values().stream().mapToInt(i -> i).sum());
      // Overlapping lists: fewer persons than records.
      assertThat(s.persons()).isLessThan((int) c.victims().count());
      assertThat(c.publicClaims().all())
          .extracting(PublicClaim::figureText)
          .contains("about 9,000", "at least 1,300");
      assertThat(c.sources().all())
          .extracting(Source::displayName)
          .allSatisfy(
              n ->
                  assertThat(n.contains("(synthetic)") || n.equals(DemoCase.MARKER_SOURCE))
                      .isTrue());
      // Both scripts are present, so the search across scripts has something to show.
      assertThat(c.victims().search("", 1, 2000).items())
          .anySatisfy(v -> assertThat(v.displayName()).containsPattern("\\p{IsArabic}"))
          .anySatisfy(v -> assertThat(v.displayName()).containsPattern("[A-Za-z]"));
      assertThat(c.victims().deathsPerDay()).isNotEmpty();
      // Graded from what the case holds: without evidence, no incident is confirmed.
      assertThat(c.incidents().all())
          .allSatisfy(
              i ->
                  assertThat(
                          c.claims()
                              .current(
                                  org.sijill.casefile.model.Enums.AssessmentTarget.INCIDENT, i.id())
                              .orElseThrow()
                              .grade())
                      .isIn("fair", "weak"));
    }
  }
}
