package org.sijill.bench.linkage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/**
 * End-to-end linkage benchmarks: FEBRL4 (link), FEBRL1-3 (dedupe), synthetic Arabic/Latin lists and
 * the scaling run. Prints one result line per run. Usage:
 *
 * <pre>
 * java -cp bench/target/sijill-bench.jar org.sijill.bench.linkage.LinkageBench febrl4 DIR
 * ... febrl3 DIR | febrl DIR dataset1.csv | synthetic N SEED | scale N [N ...]
 * </pre>
 */
public final class LinkageBench {
  private static final Pattern FEBRL_ID = Pattern.compile("^rec-(\\d+)-");

  private LinkageBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: febrl4 DIR | febrl3 DIR | febrl DIR FILE | synthetic N SEED | scale N...");
      System.exit(2);
    }
    switch (args[0]) {
      case "febrl4" ->
          febrl(
              "FEBRL4 link",
              Mode.LINK,
              Path.of(args[1], "dataset4a.csv"),
              Path.of(args[1], "dataset4b.csv"));
      case "febrl3" -> febrl("FEBRL3 dedupe", Mode.DEDUPE, Path.of(args[1], "dataset3.csv"));
      case "febrl" -> febrl(args[2] + " dedupe", Mode.DEDUPE, Path.of(args[1], args[2]));
      case "synthetic" ->
          synthetic(
              Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42, true);
      case "scale" -> {
        for (int i = 1; i < args.length; i++) {
          synthetic(Integer.parseInt(args[i]), 7, false);
        }
      }
      default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
    }
  }

  /**
   * Optional overrides for tuning runs: -Dthreshold=0.3 -Dtf=false -DmutualBest=true
   * -DmutualBestFloor=0.1 -DmutualBestMargin=2 -Dhouseholds=false.
   */
  static Settings tuned(Settings s) {
    return new Settings(
        s.id(),
        s.fields(),
        Double.valueOf(System.getProperty("threshold", String.valueOf(s.threshold()))),
        s.reviewLow(),
        s.reviewHigh(),
        s.maxBlockSize(),
        s.window(),
        s.lshBands(),
        s.lshRows(),
        s.emIterations(),
        s.seed(),
        s.pairsMinProbability(),
        Boolean.valueOf(System.getProperty("tf", String.valueOf(s.termFrequency()))),
        Boolean.valueOf(System.getProperty("mutualBest", String.valueOf(s.mutualBest()))),
        Double.valueOf(System.getProperty("mutualBestFloor", String.valueOf(s.mutualBestFloor()))),
        Double.valueOf(
            System.getProperty("mutualBestMargin", String.valueOf(s.mutualBestMargin()))),
        Boolean.valueOf(System.getProperty("households", String.valueOf(s.households()))));
  }

  private static void febrl(String label, Mode mode, Path... files) throws Exception {
    Settings s = tuned(TestLists.FEBRL);
    RunMeter.start();
    long t0 = System.nanoTime();
    List<Source> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(Source.read(f, Linker.columns(s), null));
    }
    LinkResult r =
        new Linker(s, mode).link(sources, List.of(), List.of(), m -> RunMeter.log(t0, m));
    double wall = (System.nanoTime() - t0) / 1e9;
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      Matcher m = FEBRL_ID.matcher(r.recordId(i));
      truth.add(m.find() ? m.group(1) : r.recordId(i));
    }
    RunMeter.report(label, r, PairMetrics.of(r, truth, mode == Mode.LINK), wall);
    if (Boolean.getBoolean("fingerprint")) {
      Fingerprint.print(r);
    }
  }

  /** Synthetic lists of one seed as sources, with the person id of every record in input order. */
  record Lists(GeneratedLists generated, List<Source> sources, List<String> truth) {}

  static Lists lists(int records, long seed, Settings s) {
    // Three lists with capture 0.5/0.4/0.3 and 3% duplicates give ~1.23 records per person.
    int population = (int) Math.round(records / 1.236);
    // -Dscenario=country: deaths over 2011-2024 in forty towns instead of one week in four
    GeneratedLists g =
        VictimListGenerator.generate(
            "country".equals(System.getProperty("scenario"))
                ? GeneratorConfig.countrywide(seed, population)
                : GeneratorConfig.example(seed, population));
    return new Lists(g, TestLists.sources(g, s), TestLists.truth(g));
  }

  /** Every same-person pair of the lists, as must-link labels. */
  private static List<Decision> allTruePairs(Lists l) {
    Map<String, List<Integer>> byPerson = new java.util.LinkedHashMap<>();
    for (int i = 0; i < l.truth().size(); i++) {
      byPerson.computeIfAbsent(l.truth().get(i), k -> new ArrayList<>()).add(i);
    }
    List<Decision> out = new ArrayList<>();
    for (List<Integer> g : byPerson.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          int a = g.get(x);
          int b = g.get(y);
          out.add(
              new Decision(
                  srcOf(l.sources(), a),
                  idOf(l.sources(), a),
                  srcOf(l.sources(), b),
                  idOf(l.sources(), b),
                  Decision.Verdict.SAME,
                  "truth"));
        }
      }
    }
    return out;
  }

  /**
   * {@code -Dtrain=SEED}: m from every true pair of the lists of another seed (labelled training,
   * the ceiling of this model form); λ and u still by EM on the lists being linked.
   */
  private static void synthetic(int records, long seed, boolean details) throws Exception {
    Settings s = tuned(TestLists.VICTIMS);
    Lists lists = lists(records, seed, s);
    GeneratedLists g = lists.generated();
    List<Source> sources = lists.sources();
    List<String> truth = lists.truth();
    int population = (int) Math.round(records / 1.236);
    if (details) {
      Path dir = Path.of("bench/results/linkage-synthetic-" + population);
      Files.createDirectories(dir);
      g.writeCsv(dir);
    }
    Linker linker = new Linker(s, Mode.LINK_AND_DEDUPE);
    String train = System.getProperty("train");
    if (train != null) {
      long trainSeed = Long.parseLong(train);
      if (trainSeed == seed) {
        throw new IllegalArgumentException("-Dtrain must name another seed than the one linked");
      }
      Lists t = lists(records, trainSeed, s);
      LinkResult trained =
          linker.link(
              t.sources(), List.of(), allTruePairs(t), m -> RunMeter.log(System.nanoTime(), m));
      linker = linker.withMatchModelOf(trained);
      System.out.printf(Locale.ROOT, "m trained on every true pair of seed %d%n", trainSeed);
    }
    System.gc();
    RunMeter.start();
    long t0 = System.nanoTime();
    LinkResult r = linker.link(sources, List.of(), List.of(), m -> RunMeter.log(t0, m));
    double wall = (System.nanoTime() - t0) / 1e9;
    RunMeter.report(
        String.format(Locale.ROOT, "synthetic %,d records (seed %d)", r.size(), seed),
        r,
        PairMetrics.of(r, truth, false),
        wall);
    if (details) {
      System.out.print(r.modelSummary());
    }
    if (Boolean.getBoolean("fingerprint")) {
      Fingerprint.print(r);
    }
    String review = System.getProperty("review");
    if (review != null) {
      ReviewRounds.run(linker, r, lists, review);
    }
    String oracle = System.getProperty("oracle");
    if (oracle != null) {
      VectorOracle.run(linker, r, truth, records, s, oracle);
    }
    String misses = System.getProperty("misses");
    if (misses != null) {
      MissedPairs.write(r, sources, truth, misses.equals("1") ? null : Path.of(misses));
    }
  }

  private static String srcOf(List<Source> sources, int k) {
    for (Source s : sources) {
      if (k < s.size()) {
        return s.name();
      }
      k -= s.size();
    }
    throw new IllegalArgumentException();
  }

  private static String idOf(List<Source> sources, int k) {
    for (Source s : sources) {
      if (k < s.size()) {
        return s.rows().get(k)[0];
      }
      k -= s.size();
    }
    throw new IllegalArgumentException();
  }
}
