package org.sijill.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.linkage.testing.TestLists.FEBRL;
import static org.sijill.linkage.testing.TestLists.VICTIMS;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * Spark ({@code local[2]}) and the single-machine engine give the same answer: the same clusters
 * and the same scored pairs, byte for byte, on the generated one-week and countrywide lists (about
 * 10k records each) and on FEBRL4 (link) and FEBRL3 (dedupe).
 */
class SameAnswerTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SharedSpark.get();
  }

  @TempDir Path tmp;

  @Test
  void generatedOneWeekLists() throws IOException {
    sameAnswer(VICTIMS, Mode.LINK_AND_DEDUPE, generated(GeneratorConfig.example(7, 8000)), true);
  }

  @Test
  void generatedCountrywideLists() throws IOException {
    sameAnswer(
        VICTIMS, Mode.LINK_AND_DEDUPE, generated(GeneratorConfig.countrywide(7, 8000)), true);
  }

  /**
   * With m fitted on a set of date windows, as on lists past 100k records: the executors count the
   * vectors of the pairs inside the windows and find which random pairs there are candidates.
   */
  @Test
  void generatedCountrywideListsFittedOnDateWindows() throws IOException {
    sameAnswer(
        VICTIMS,
        Mode.LINK_AND_DEDUPE,
        generated(GeneratorConfig.countrywide(11, 8000)),
        true,
        3000);
  }

  @Test
  void febrl4() throws Exception {
    sameAnswer(FEBRL, Mode.LINK, List.of(febrl("dataset4a"), febrl("dataset4b")), true);
  }

  /**
   * Here the executors prepare the records from the broadcast rows instead of the driver's copy.
   */
  @Test
  void febrl3PreparedOnExecutors() throws Exception {
    sameAnswer(FEBRL, Mode.DEDUPE, List.of(febrl("dataset3")), false);
  }

  private void sameAnswer(Settings s, Mode mode, List<Source> in, boolean reuse)
      throws IOException {
    sameAnswer(s, mode, in, reuse, 50_000);
  }

  /**
   * The Spark engine keeps the candidate pairs on the executors and brings back only those that can
   * matter, so its result holds fewer pairs; everything written must be the same.
   */
  private void sameAnswer(Settings s, Mode mode, List<Source> in, boolean reuse, int dense)
      throws IOException {
    assertThat(in.stream().mapToInt(Source::size).sum()).isGreaterThanOrEqualTo(5000);
    List<String> lines = new ArrayList<>();
    LinkResult single =
        new Linker(s, mode).denseRecords(dense).link(in, List.of(), List.of(), lines::add);
    LinkResult onSpark;
    try (SparkPairWork work = new SparkPairWork(spark, 6, reuse, m -> {}, false)) {
      onSpark =
          new Linker(s, mode).denseRecords(dense).link(in, List.of(), List.of(), m -> {}, work);
      assertThat(work.stats().distinctPairs).isEqualTo(single.pairCount());
      assertThat(work.stats().emittedPairs).isGreaterThanOrEqualTo(single.pairCount());
    }
    assertThat(onSpark.pairCount()).isLessThan(single.pairCount());
    assertThat(lines.stream().anyMatch(l -> l.startsWith("m fitted on the")))
        .isEqualTo(dense < 50_000);
    assertThat(review(onSpark)).isEqualTo(review(single));
    assertThat(single.clusterCount()).isLessThan(single.size()); // something was linked
    assertThat(perKey(onSpark)).isEqualTo(perKey(single));
    assertThat(onSpark.modelSummary()).isEqualTo(single.modelSummary());
    assertThat(written(onSpark, true)).isEqualTo(written(single, true));
    assertThat(written(onSpark, false)).isEqualTo(written(single, false));
  }

  private static java.util.Map<String, List<Long>> perKey(LinkResult r) {
    java.util.Map<String, List<Long>> m = new java.util.LinkedHashMap<>();
    r.pairsPerBlockingKey()
        .forEach((k, v) -> m.put(k, java.util.Arrays.stream(v).boxed().toList()));
    assertThat(m).isNotEmpty();
    return m;
  }

  private List<String> review(LinkResult r) throws IOException {
    Path f = Files.createTempFile(tmp, "review", ".csv");
    r.writeReview(f);
    return Files.readAllLines(f); // FEBRL4's has none but the header: its classes are far apart
  }

  private List<String> written(LinkResult r, boolean clusters) throws IOException {
    Path f = Files.createTempFile(tmp, clusters ? "clusters" : "pairs", ".csv");
    if (clusters) {
      r.writeClusters(f);
    } else {
      r.writePairs(f);
    }
    List<String> lines = Files.readAllLines(f);
    assertThat(lines).hasSizeGreaterThan(1000);
    return lines;
  }

  private List<Source> generated(GeneratorConfig config) throws IOException {
    GeneratedLists g = VictimListGenerator.generate(config);
    List<Source> out = new ArrayList<>();
    for (Path f : g.writeCsv(tmp.resolve("in"))) {
      out.add(Source.read(f, Linker.columns(VICTIMS), null));
    }
    return out;
  }

  private Source febrl(String name) throws URISyntaxException {
    Path f = Path.of(getClass().getResource("/febrl/" + name + ".csv").toURI());
    return Source.read(f, Linker.columns(FEBRL), null);
  }
}
