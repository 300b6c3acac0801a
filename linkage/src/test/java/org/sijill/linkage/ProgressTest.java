package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/** A run tells its progress from inside its long stages, and telling it changes nothing. */
class ProgressTest {

  private static final Pattern COUNT = Pattern.compile("^(.+): ([0-9,]+)(?: of ([0-9,]+))?$");

  @Test
  void longStagesReportIncreasingCountsWithoutChangingTheResult() {
    List<Source> sources =
        TestLists.sources(
            VictimListGenerator.generate(GeneratorConfig.example(5, 2500)), TestLists.VICTIMS);
    int records = sources.stream().mapToInt(s -> s.rows().size()).sum();
    assertThat(records).isGreaterThan(2000);

    List<String> every = new ArrayList<>();
    LinkResult reported =
        new Linker(TestLists.VICTIMS, Mode.LINK_AND_DEDUPE)
            .progressEvery(Duration.ZERO)
            .link(sources, List.of(), List.of(), every::add);
    List<String> throttled = new ArrayList<>();
    LinkResult quiet =
        new Linker(TestLists.VICTIMS, Mode.LINK_AND_DEDUPE)
            .progressEvery(Duration.ofHours(1))
            .link(sources, List.of(), List.of(), throttled::add);

    // each stage's counts rise, and comparing and scoring end at all the candidate pairs
    for (String stage :
        List.of(
            "blocking: keys blocked",
            "comparing candidate pairs",
            "fitting the model: EM iteration",
            "scoring candidate pairs")) {
      List<Long> counts = new ArrayList<>();
      long total = -1;
      for (String line : every) {
        Matcher m = COUNT.matcher(line);
        if (m.matches() && m.group(1).equals(stage)) {
          counts.add(Long.parseLong(m.group(2).replace(",", "")));
          total = m.group(3) == null ? -1 : Long.parseLong(m.group(3).replace(",", ""));
        }
      }
      assertThat(counts)
          .as(stage)
          .hasSizeGreaterThanOrEqualTo(2)
          .isSorted()
          .doesNotHaveDuplicates();
      if (!stage.startsWith("blocking") && !stage.startsWith("fitting")) {
        assertThat(counts.get(counts.size() - 1)).as(stage).isEqualTo(reported.pairCount());
        assertThat(total).as(stage).isEqualTo(reported.pairCount());
      }
    }
    // an hour between reports: only the stage lines, none from inside a stage
    assertThat(throttled).noneMatch(l -> COUNT.matcher(l).matches());
    // each step's line gives the time since the start and the step's own time, which add up
    List<String> steps =
        List.of(
            "prepared ",
            " candidate pairs (",
            "compared the candidate pairs",
            "compared the random pairs",
            "model: ",
            "scored and clustered");
    Pattern times = Pattern.compile(".*\\(at ([0-9.]+) s, step ([0-9.]+) s\\)$");
    double sum = 0;
    double at = 0;
    for (String step : steps) {
      String line =
          throttled.stream()
              .filter(l -> l.contains(step))
              .findFirst()
              .orElseThrow(() -> new AssertionError(step));
      Matcher m = times.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      assertThat(Double.parseDouble(m.group(1))).as(line).isGreaterThanOrEqualTo(at);
      at = Double.parseDouble(m.group(1));
      sum += Double.parseDouble(m.group(2));
    }
    assertThat(sum).isCloseTo(at, org.assertj.core.api.Assertions.within(0.05));
    assertThat(every.size()).isGreaterThan(throttled.size() + 8);

    // the same run either way
    assertThat(quiet.pairCount()).isEqualTo(reported.pairCount());
    for (int p = 0; p < reported.pairCount(); p++) {
      assertThat(quiet.left(p)).isEqualTo(reported.left(p));
      assertThat(quiet.right(p)).isEqualTo(reported.right(p));
      assertThat(quiet.probability(p)).isEqualTo(reported.probability(p));
    }
    for (int i = 0; i < reported.size(); i++) {
      assertThat(quiet.cluster(i)).isEqualTo(reported.cluster(i));
    }
  }
}
