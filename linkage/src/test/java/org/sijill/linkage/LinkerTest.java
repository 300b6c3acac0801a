package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.linkage.testing.TestLists.FEBRL;
import static org.sijill.linkage.testing.TestLists.VICTIMS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.synthetic.GeneratedList;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.SyntheticRow;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

class LinkerTest {

  /** The generated lists as sources with the columns of {@link TestLists#VICTIMS}. */
  static List<Source> sources(GeneratedLists g) {
    return TestLists.sources(g, VICTIMS);
  }

  /** As {@link #sources(GeneratedLists)}, with extra rows appended to the named lists. */
  static List<Source> sources(GeneratedLists g, Map<String, String[][]> extra) {
    return TestLists.sources(g, VICTIMS, extra);
  }

  /** {@link #VICTIMS} with EM's relatives class turned off. */
  static final Settings VICTIMS_TWO_CLASSES =
      new Settings(
          VICTIMS.id(),
          VICTIMS.fields(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          false);

  /** Hard cases, added to synthetic lists so that the model has a population to learn from. */
  static final String[][] HARD_A = {
    // id, full_name, mother, sex, age, date, place
    {"hard-1", "مُحَمَّد أحمد الحسن", "", "M", "34", "2025-03-07", "جبلة"},
    {"hard-2", "خالد عمر القباني", "سلمى", "M", "25", "2025-03-08", "بانياس"},
    {"hard-3", "محمود عمر القباني", "سلمى", "M", "31", "2025-03-08", "بانياس"},
    {"hard-4", "عبد الرحمن يوسف الطرابلسي", "", "M", "52", "2025-03-09", "جبلة"},
  };

  static final String[][] HARD_B = {
    {"hard-1", "Mohammed Ahmad al-Hasan", "", "M", "35", "2025-03-07", "Jableh"},
    {"hard-2", "Khaled Omar al-Qabbani", "Salma", "M", "25", "2025-03-08", "Baniyas"},
    {"hard-3", "Mahmoud Omar al-Qabbani", "Salma", "M", "31", "2025-03-08", "Baniyas"},
    {"hard-4", "al-Tarabulsi Abdul Rahman", "", "M", "52", "2025-03-09", "Jebleh"},
  };

  @Test
  void crossScriptReorderedAndBrothersOnSyntheticLists() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(11, 1500));
    List<Source> sources = sources(g, Map.of("list-a", HARD_A, "list-b", HARD_B));
    LinkResult r =
        new Linker(VICTIMS, Mode.LINK_AND_DEDUPE).link(sources, List.of(), List.of(), m -> {});
    Map<String, Integer> cluster = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      cluster.put(r.source(i) + "/" + r.recordId(i), r.cluster(i));
    }
    // Cross-script with tashkeel, one year of age apart.
    assertThat(cluster.get("list-a/hard-1")).isEqualTo(cluster.get("list-b/hard-1"));
    // Reordered, "Abdul Rahman" split differently, father's name missing.
    assertThat(cluster.get("list-a/hard-4")).isEqualTo(cluster.get("list-b/hard-4"));
    // Brothers: same father, mother, family, date and place; they stay two people.
    assertThat(cluster.get("list-a/hard-2")).isEqualTo(cluster.get("list-b/hard-2"));
    assertThat(cluster.get("list-a/hard-3")).isEqualTo(cluster.get("list-b/hard-3"));
    assertThat(cluster.get("list-a/hard-2")).isNotEqualTo(cluster.get("list-a/hard-3"));
  }

  @Test
  void brothersKilledTogetherStayApartWhenTheDayIsRare() {
    // Over thirteen years a shared day of death is strong evidence (1 day in ~5,000), and brothers
    // share it with their father's name, family name, mother and town. Only the given names tell
    // them apart; that must not be outvoted.
    String[][] a = {
      {"hard-2", "خالد عمر القباني", "سلمى", "M", "25", "2016-05-04", "حمص"},
      {"hard-3", "محمود عمر القباني", "سلمى", "M", "31", "2016-05-04", "حمص"},
    };
    String[][] b = {
      {"hard-2", "Khaled Omar al-Qabbani", "Salma", "M", "25", "2016-05-04", "Homs"},
      {"hard-3", "Mahmoud Omar al-Qabbani", "Salma", "M", "31", "2016-05-04", "Homs"},
    };
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.countrywide(11, 1500));
    LinkResult r =
        new Linker(VICTIMS, Mode.LINK_AND_DEDUPE)
            .link(sources(g, Map.of("list-a", a, "list-b", b)), List.of(), List.of(), m -> {});
    Map<String, Integer> cluster = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      cluster.put(r.source(i) + "/" + r.recordId(i), r.cluster(i));
    }
    assertThat(cluster.get("list-a/hard-2")).isEqualTo(cluster.get("list-b/hard-2"));
    assertThat(cluster.get("list-a/hard-3")).isEqualTo(cluster.get("list-b/hard-3"));
    assertThat(cluster.get("list-a/hard-2")).isNotEqualTo(cluster.get("list-a/hard-3"));
  }

  @Test
  void emStopsOnceTheLikelihoodIsFlat() {
    // On victim lists EM used to run into its cap (then 200 steps) and report "not converged" on
    // every run, while λ crept along a flat ridge without changing a decision.
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(1, 8000));
    LinkResult r =
        new Linker(VICTIMS_TWO_CLASSES, Mode.LINK_AND_DEDUPE)
            .link(sources(g), List.of(), List.of(), m -> {});
    assertThat(emSteps(r)).isLessThan(200);
    assertThat(r.modelSummary()).doesNotContain("not converged");
    // with the relatives class EM is slower, but settles well within the default cap
    LinkResult three =
        new Linker(VICTIMS, Mode.LINK_AND_DEDUPE).link(sources(g), List.of(), List.of(), m -> {});
    assertThat(three.modelSummary()).contains("relatives (pairs of one household)");
    assertThat(emSteps(three)).isLessThan(VICTIMS.emIterations());
    assertThat(three.modelSummary()).doesNotContain("not converged");
  }

  @Test
  void aRelativesClassKeepsHouseholdsApartWhereTheDayIsEvidence() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.countrywide(5, 3000));
    Map<String, String> person = new HashMap<>();
    for (GeneratedList l : g.lists()) {
      for (SyntheticRow row : l.rows()) {
        person.put(l.name() + "/" + row.get("record_id"), row.personId());
      }
    }
    long withoutRelatives =
        falsePairs(new Linker(VICTIMS_TWO_CLASSES, Mode.LINK_AND_DEDUPE), g, person);
    long withRelatives = falsePairs(new Linker(VICTIMS, Mode.LINK_AND_DEDUPE), g, person);
    // brothers and sisters killed on one day no longer merge: far fewer pairs of two people
    assertThat(withRelatives).isLessThan(withoutRelatives / 2);
  }

  @Test
  void onLargeListsMIsFittedOnRecordsOfSomeDateWindows() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.countrywide(5, 3000));
    Map<String, String> person = new HashMap<>();
    for (GeneratedList l : g.lists()) {
      for (SyntheticRow row : l.rows()) {
        person.put(l.name() + "/" + row.get("record_id"), row.personId());
      }
    }
    List<String> progress = new ArrayList<>();
    LinkResult windows =
        new Linker(VICTIMS, Mode.LINK_AND_DEDUPE)
            .denseRecords(1000)
            .link(sources(g), List.of(), List.of(), progress::add);
    assertThat(progress).anyMatch(l -> l.startsWith("m fitted on the 1,"));
    LinkResult all =
        new Linker(VICTIMS, Mode.LINK_AND_DEDUPE).link(sources(g), List.of(), List.of(), m -> {});
    // m from about a quarter of the records, λ, u and h from all: as good as m from all
    double f1 = pairF1(all, person);
    assertThat(f1).isGreaterThan(0.95);
    assertThat(pairF1(windows, person)).isGreaterThan(f1 - 0.01);
  }

  /** Pairwise F1 of the clusters against the true persons. */
  private static double pairF1(LinkResult r, Map<String, String> person) {
    Map<Integer, Map<String, Integer>> byCluster = new HashMap<>();
    Map<String, Integer> byPerson = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      String p = person.get(r.source(i) + "/" + r.recordId(i));
      byCluster.computeIfAbsent(r.cluster(i), k -> new HashMap<>()).merge(p, 1, Integer::sum);
      byPerson.merge(p, 1, Integer::sum);
    }
    long same = 0;
    long linked = 0;
    for (Map<String, Integer> c : byCluster.values()) {
      int size = 0;
      for (int k : c.values()) {
        same += (long) k * (k - 1) / 2;
        size += k;
      }
      linked += (long) size * (size - 1) / 2;
    }
    long truePairs = 0;
    for (int k : byPerson.values()) {
      truePairs += (long) k * (k - 1) / 2;
    }
    double precision = (double) same / linked;
    double recall = (double) same / truePairs;
    return 2 * precision * recall / (precision + recall);
  }

  /** Pairs of records of two different people that the linker put in one cluster. */
  private static long falsePairs(Linker linker, GeneratedLists g, Map<String, String> person) {
    LinkResult r = linker.link(sources(g), List.of(), List.of(), m -> {});
    Map<Integer, List<String>> members = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      members
          .computeIfAbsent(r.cluster(i), k -> new ArrayList<>())
          .add(person.get(r.source(i) + "/" + r.recordId(i)));
    }
    long wrong = 0;
    for (List<String> m : members.values()) {
      for (int x = 0; x < m.size(); x++) {
        for (int y = x + 1; y < m.size(); y++) {
          wrong += m.get(x).equals(m.get(y)) ? 0 : 1;
        }
      }
    }
    return wrong;
  }

  private static int emSteps(LinkResult r) {
    java.util.regex.Matcher it =
        java.util.regex.Pattern.compile("EM iterations (\\d+)").matcher(r.modelSummary());
    assertThat(it.find()).isTrue();
    return Integer.parseInt(it.group(1));
  }

  @Test
  void reviewShowsTheMostContestedPairsFirst() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(2, 3000));
    LinkResult r =
        new Linker(VICTIMS, Mode.LINK_AND_DEDUPE).link(sources(g), List.of(), List.of(), m -> {});
    List<Integer> review = r.reviewPairs();
    assertThat(review).isNotEmpty();
    Map<Integer, Set<String>> lists = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      lists.computeIfAbsent(r.cluster(i), c -> new HashSet<>()).add(r.source(i));
    }
    double[] wrong = new double[review.size()];
    double bestSharedApart = 0;
    boolean disjointFirst = false;
    for (int i = 0; i < wrong.length; i++) {
      int k = review.get(i);
      int ca = r.cluster(r.left(k));
      int cb = r.cluster(r.right(k));
      // how strongly the pair's own probability disagrees with the clustering; a pair left apart
      // between clusters of disjoint lists at ten times its odds
      double p = r.probability(k);
      if (ca == cb) {
        wrong[i] = 1 - p;
      } else if (Collections.disjoint(lists.get(ca), lists.get(cb))) {
        double odds = 10 * p / (1 - p);
        wrong[i] = odds / (1 + odds);
        disjointFirst |= p < bestSharedApart;
      } else {
        wrong[i] = p;
        bestSharedApart = Math.max(bestSharedApart, p);
      }
    }
    // a likely match the clustering left apart (or the reverse) comes before a coin toss it
    // followed
    assertThat(wrong[0]).isGreaterThan(0.9);
    for (int i = 1; i < wrong.length; i++) {
      assertThat(wrong[i]).isLessThanOrEqualTo(wrong[i - 1] + 1e-9);
    }
    // a less likely pair between clusters of disjoint lists comes before a likelier one between
    // clusters that already share a list
    assertThat(disjointFirst).isTrue();
  }

  @Test
  void decisionsOverrideTheModel() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(3, 400));
    List<Source> sources = sources(g, Map.of("list-a", HARD_A, "list-b", HARD_B));
    List<Decision> d =
        List.of(
            new Decision(
                "list-a", "hard-1", "list-b", "hard-1", Decision.Verdict.DIFFERENT, "test"),
            new Decision("list-a", "hard-2", "list-a", "hard-4", Decision.Verdict.SAME, "test"));
    LinkResult r = new Linker(VICTIMS, Mode.LINK_AND_DEDUPE).link(sources, d, List.of(), m -> {});
    Map<String, Integer> cluster = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      cluster.put(r.source(i) + "/" + r.recordId(i), r.cluster(i));
    }
    assertThat(cluster.get("list-a/hard-1")).isNotEqualTo(cluster.get("list-b/hard-1"));
    assertThat(cluster.get("list-a/hard-2")).isEqualTo(cluster.get("list-a/hard-4"));
  }

  /** FEBRL data set 1 (1,000 records, 500 true duplicate pairs): a fast end-to-end check. */
  @Test
  void febrl1DedupeFindsTheDuplicates() throws Exception {
    LinkResult r = febrl1(List.of());
    assertFindsTheDuplicates(r);
  }

  /** The same with m trained from 50 labelled pairs instead of EM. */
  @Test
  void febrl1WithLabelledTraining() throws Exception {
    LinkResult unlabelled = febrl1(List.of());
    List<Decision> labels = fiftyTruePairs(unlabelled);
    assertThat(labels).hasSize(50);
    assertFindsTheDuplicates(febrl1(labels));
  }

  /** The first 50 true duplicate pairs of FEBRL1, in record order, as must-link labels. */
  private static List<Decision> fiftyTruePairs(LinkResult r) {
    List<Decision> labels = new ArrayList<>();
    Map<String, String> firstOf = new HashMap<>();
    for (int i = 0; i < r.size() && labels.size() < 50; i++) {
      String id = r.recordId(i);
      String other = firstOf.putIfAbsent(entity(id), id);
      if (other != null) {
        labels.add(new Decision("dataset1", other, "dataset1", id, Decision.Verdict.SAME, "truth"));
      }
    }
    return labels;
  }

  /** m trained on labelled pairs of one run carries over to another; only λ and u are re-fitted. */
  @Test
  void matchModelOfAnEarlierRunIsKept() throws Exception {
    LinkResult unlabelled = febrl1(List.of());
    List<Decision> labels = fiftyTruePairs(unlabelled);
    LinkResult trained = febrl1(labels);
    Source src = Source.read(febrl1File(), Linker.columns(FEBRL), null);
    LinkResult r =
        new Linker(FEBRL, Mode.DEDUPE)
            .withMatchModelOf(trained)
            .link(List.of(src), List.of(), List.of(), m -> {});
    assertThat(r.matchShares()).isDeepEqualTo(trained.matchShares());
    assertThat(java.util.Arrays.deepEquals(r.matchShares(), unlabelled.matchShares())).isFalse();
    assertFindsTheDuplicates(r);
    Linker other = new Linker(VICTIMS, Mode.DEDUPE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.withMatchModelOf(trained))
        .isInstanceOf(LinkageException.class)
        .hasMessageContaining("trained model compared");
  }

  private Path febrl1File() throws Exception {
    return Path.of(getClass().getResource("/febrl/dataset1.csv").toURI());
  }

  private LinkResult febrl1(List<Decision> training) throws Exception {
    Source src = Source.read(febrl1File(), Linker.columns(FEBRL), null);
    return new Linker(FEBRL, Mode.DEDUPE).link(List.of(src), List.of(), training, m -> {});
  }

  private static void assertFindsTheDuplicates(LinkResult r) {
    long truePairs = 0;
    long predicted = 0;
    long correct = 0;
    Map<Integer, List<String>> byCluster = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byCluster.computeIfAbsent(r.cluster(i), k -> new ArrayList<>()).add(entity(r.recordId(i)));
    }
    Map<String, Integer> perEntity = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      perEntity.merge(entity(r.recordId(i)), 1, Integer::sum);
    }
    for (int n : perEntity.values()) {
      truePairs += (long) n * (n - 1) / 2;
    }
    for (List<String> members : byCluster.values()) {
      predicted += (long) members.size() * (members.size() - 1) / 2;
      Map<String, Integer> c = new HashMap<>();
      members.forEach(e -> c.merge(e, 1, Integer::sum));
      for (int n : c.values()) {
        correct += (long) n * (n - 1) / 2;
      }
    }
    assertThat(truePairs).isEqualTo(500);
    double precision = (double) correct / predicted;
    double recall = (double) correct / truePairs;
    assertThat(precision).isGreaterThan(0.99);
    assertThat(recall).isGreaterThan(0.99);
    assertThat(r.clusterCount()).isBetween(495, 505);
  }

  private static String entity(String recId) {
    return recId.replaceAll("^rec-(\\d+)-.*$", "$1");
  }
}
