package org.sijill.bench.linkage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
    resetPeaks();
    cpuAtStart = cpuNanos();
    long t0 = System.nanoTime();
    List<Source> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(Source.read(f, Linker.columns(s), null));
    }
    LinkResult r = new Linker(s, mode).link(sources, List.of(), List.of(), m -> log(t0, m));
    double wall = (System.nanoTime() - t0) / 1e9;
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      Matcher m = FEBRL_ID.matcher(r.recordId(i));
      truth.add(m.find() ? m.group(1) : r.recordId(i));
    }
    report(label, r, PairMetrics.of(r, truth, mode == Mode.LINK), wall);
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
          linker.link(t.sources(), List.of(), allTruePairs(t), m -> log(System.nanoTime(), m));
      linker = linker.withMatchModelOf(trained);
      System.out.printf(Locale.ROOT, "m trained on every true pair of seed %d%n", trainSeed);
    }
    System.gc();
    resetPeaks();
    cpuAtStart = cpuNanos();
    long t0 = System.nanoTime();
    LinkResult r = linker.link(sources, List.of(), List.of(), m -> log(t0, m));
    double wall = (System.nanoTime() - t0) / 1e9;
    report(
        String.format(Locale.ROOT, "synthetic %,d records (seed %d)", r.size(), seed),
        r,
        PairMetrics.of(r, truth, false),
        wall);
    if (details) {
      System.out.print(r.modelSummary());
    }
    String review = System.getProperty("review");
    if (review != null) {
      review(linker, r, lists, review);
    }
    String oracle = System.getProperty("oracle");
    if (oracle != null) {
      oracle(linker, r, truth, records, s, oracle);
    }
    String misses = System.getProperty("misses");
    if (misses != null) {
      writeMisses(r, sources, truth, misses.equals("1") ? null : Path.of(misses));
    }
  }

  /**
   * {@code -Doracle=SEED[,SEED...]}: how far pairwise decisions could go with the comparison
   * vectors this model sees. Links the lists of the named seeds, counts for every distinct vector
   * (the field levels, and the levels with the model's log-odds rounded to a whole number, which
   * carries the term-frequency factors) how often its candidate pairs are the same person, and
   * classifies the candidate pairs of the lists linked here by that labelled table (p ≥ 0.5; the
   * model's own probability where a vector was seen fewer than 5 times). Prints pairwise precision,
   * recall and F1 over all true pairs (those blocking never compared count as missed) for the model
   * and for the two tables: a supervised ceiling for any classifier of these vectors, before
   * clustering.
   */
  private static void oracle(
      Linker linker, LinkResult r, List<String> truth, int records, Settings s, String seeds)
      throws Exception {
    Map<String, long[]> byLevels = new java.util.HashMap<>();
    Map<String, long[]> byLevelsAndOdds = new java.util.HashMap<>();
    for (String seedText : seeds.split(",")) {
      Lists t = lists(records, Long.parseLong(seedText.trim()), s);
      LinkResult tr = linker.link(t.sources(), List.of(), List.of(), m -> {});
      for (int k = 0; k < tr.pairCount(); k++) {
        int a = tr.left(k);
        int b = tr.right(k);
        int same = t.truth().get(a).equals(t.truth().get(b)) ? 1 : 0;
        String lv = java.util.Arrays.toString(tr.levels(a, b));
        byLevels.computeIfAbsent(lv, x -> new long[2])[0] += same;
        byLevels.get(lv)[1]++;
        String lo = lv + oddsBucket(tr.probability(k));
        byLevelsAndOdds.computeIfAbsent(lo, x -> new long[2])[0] += same;
        byLevelsAndOdds.get(lo)[1]++;
      }
    }
    long truePairs = 0;
    Map<String, Integer> perPerson = new java.util.HashMap<>();
    for (String id : truth) {
      perPerson.merge(id, 1, Integer::sum);
    }
    for (int c : perPerson.values()) {
      truePairs += (long) c * (c - 1) / 2;
    }
    long[][] tally = new long[3][2]; // per classifier: predicted, correct
    for (int k = 0; k < r.pairCount(); k++) {
      int a = r.left(k);
      int b = r.right(k);
      boolean same = truth.get(a).equals(truth.get(b));
      double p = r.probability(k);
      String lv = java.util.Arrays.toString(r.levels(a, b));
      double[] ps = {p, lookup(byLevels, lv, p), lookup(byLevelsAndOdds, lv + oddsBucket(p), p)};
      for (int c = 0; c < 3; c++) {
        if (ps[c] >= 0.5) {
          tally[c][0]++;
          tally[c][1] += same ? 1 : 0;
        }
      }
    }
    String[] names = {"model (EM)", "table of levels", "table of levels + log-odds"};
    for (int c = 0; c < 3; c++) {
      double prec = tally[c][0] == 0 ? 1 : (double) tally[c][1] / tally[c][0];
      double rec = (double) tally[c][1] / truePairs;
      System.out.printf(
          Locale.ROOT,
          "pairwise, trained on seed(s) %s: %-27s P=%.4f R=%.4f F1=%.4f%n",
          seeds,
          names[c],
          prec,
          rec,
          2 * prec * rec / (prec + rec));
    }
  }

  /**
   * {@code -Dreview=PAIRS,ROUNDS}: a reviewer working through the review file. Each round takes the
   * first PAIRS pairs of the current review list (most contested first), decides them as the truth
   * says, and links again with every decision so far ({@code --decisions}); prints the metrics
   * after each round. Measures how many human decisions the remaining errors cost.
   */
  private static void review(Linker linker, LinkResult first, Lists lists, String spec) {
    String[] parts = spec.split(",");
    int perRound = Integer.parseInt(parts[0].trim());
    int rounds = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 1;
    List<String> truth = lists.truth();
    List<Decision> decisions = new ArrayList<>();
    LinkResult r = first;
    for (int round = 1; round <= rounds; round++) {
      List<Integer> todo = r.reviewPairs();
      int take = Math.min(perRound, todo.size());
      for (int k : todo.subList(0, take)) {
        int a = r.left(k);
        int b = r.right(k);
        decisions.add(
            new Decision(
                r.source(a),
                r.recordId(a),
                r.source(b),
                r.recordId(b),
                truth.get(a).equals(truth.get(b))
                    ? Decision.Verdict.SAME
                    : Decision.Verdict.DIFFERENT,
                "review"));
      }
      long t0 = System.nanoTime();
      r = linker.link(lists.sources(), decisions, List.of(), m -> {});
      double wall = (System.nanoTime() - t0) / 1e9;
      PairMetrics m = PairMetrics.of(r, truth, false);
      System.out.printf(
          Locale.ROOT,
          "review round %d: %d decisions (%d left in the review list before it) P=%.4f R=%.4f"
              + " F1=%.4f clusters=%d persons=%d (%.1f s)%n",
          round,
          decisions.size(),
          todo.size(),
          m.precision(),
          m.recall(),
          m.f1(),
          m.clusters(),
          m.persons(),
          wall);
    }
  }

  private static String oddsBucket(double p) {
    double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    return "@" + Math.round(Math.log(q / (1 - q)));
  }

  private static double lookup(Map<String, long[]> table, String key, double fallback) {
    long[] c = table.get(key);
    return c == null || c[1] < 5 ? fallback : (double) c[0] / c[1];
  }

  /**
   * Every missed pair (same person, different clusters) and false pair (different persons, one
   * cluster), with the probability if the pair was scored ("-" when blocking never compared it) and
   * the field levels. {@code -Dmisses=1} prints the first 40; {@code -Dmisses=FILE} writes all as
   * tab-separated lines: kind, probability, levels, person ids, then both rows.
   */
  private static void writeMisses(LinkResult r, List<Source> sources, List<String> truth, Path file)
      throws IOException {
    Map<Long, Double> prob = new java.util.HashMap<>();
    for (int k = 0; k < r.pairCount(); k++) {
      prob.put(((long) r.left(k) << 32) | r.right(k), r.probability(k));
    }
    List<String> out = new ArrayList<>();
    Map<String, List<Integer>> byPerson = new java.util.HashMap<>();
    Map<Integer, List<Integer>> byCluster = new java.util.HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      byPerson.computeIfAbsent(truth.get(i), k -> new ArrayList<>()).add(i);
      byCluster.computeIfAbsent(r.cluster(i), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : byPerson.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          if (r.cluster(g.get(x)) != r.cluster(g.get(y))) {
            out.add(missLine("MISSED", r, sources, truth, prob, g.get(x), g.get(y), file));
          }
        }
      }
    }
    for (List<Integer> g : byCluster.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          if (!truth.get(g.get(x)).equals(truth.get(g.get(y)))) {
            out.add(missLine("FALSE", r, sources, truth, prob, g.get(x), g.get(y), file));
          }
        }
      }
    }
    if (file != null) {
      Files.write(file, out);
      System.out.printf(Locale.ROOT, "wrote %d missed/false pairs to %s%n", out.size(), file);
    } else {
      out.stream().limit(40).forEach(System.out::println);
    }
  }

  private static String missLine(
      String kind,
      LinkResult r,
      List<Source> sources,
      List<String> truth,
      Map<Long, Double> prob,
      int a,
      int b,
      Path file) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    Double p = prob.get(((long) lo << 32) | hi);
    String ps = p == null ? "-" : String.format(Locale.ROOT, "%.3f", p);
    String lv = java.util.Arrays.toString(r.levels(lo, hi)).replace(" ", "");
    String ra = String.join(" | ", rowOf(sources, lo));
    String rb = String.join(" | ", rowOf(sources, hi));
    if (file == null) {
      return String.format(Locale.ROOT, "%s p=%s %s%n  %s%n  %s", kind, ps, lv, ra, rb);
    }
    return String.join("\t", kind, ps, lv, truth.get(lo), truth.get(hi), ra, rb);
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

  private static String[] rowOf(List<Source> sources, int k) {
    for (Source s : sources) {
      if (k < s.size()) {
        return s.rows().get(k);
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

  private static void report(String label, LinkResult r, PairMetrics m, double wall) {
    System.out.printf(
        Locale.ROOT,
        "%s: records=%d candidates=%d blocking-recall=%.4f P=%.4f R=%.4f F1=%.4f"
            + " clusters=%d persons=%d wall=%.1fs cpu=%.1fs peak-heap=%dMB%n",
        label,
        r.size(),
        m.candidatePairs(),
        m.blockingRecall(),
        m.precision(),
        m.recall(),
        m.f1(),
        m.clusters(),
        m.persons(),
        wall,
        (cpuNanos() - cpuAtStart) / 1e9,
        peakHeapMb());
    int width = r.pairsPerBlockingKey().keySet().stream().mapToInt(String::length).max().orElse(1);
    for (Map.Entry<String, long[]> e : r.pairsPerBlockingKey().entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "  key %-" + width + "s pairs %,d (skipped in oversized blocks %,d)%n",
          e.getKey(),
          e.getValue()[0],
          e.getValue()[1]);
    }
  }

  private static long cpuAtStart;

  /**
   * CPU time of this process (all threads): the machine may be shared, so wall time alone misleads.
   */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static void log(long t0, String message) {
    System.err.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, message);
  }

  private static void resetPeaks() {
    watchGcs();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    HEAP_BEFORE_GC.set(0);
  }

  /** Largest heap in use (all heap pools at one instant) seen just before a collection. */
  private static final java.util.concurrent.atomic.AtomicLong HEAP_BEFORE_GC =
      new java.util.concurrent.atomic.AtomicLong();

  private static boolean watching;

  /**
   * Why: the sum of each pool's own peak overstates the heap's peak (the young generation peaks
   * just before a collection empties it, the old generation later), so the figure reported is the
   * largest total over all heap pools taken at the same instant, just before a collection, when the
   * heap is fullest.
   */
  private static synchronized void watchGcs() {
    if (watching) {
      return;
    }
    watching = true;
    java.util.Set<String> heapPools = new java.util.HashSet<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof javax.management.NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, handback) -> {
              if (!com.sun.management.GarbageCollectionNotificationInfo
                  .GARBAGE_COLLECTION_NOTIFICATION
                  .equals(n.getType())) {
                return;
              }
              var info =
                  com.sun.management.GarbageCollectionNotificationInfo.from(
                      (javax.management.openmbean.CompositeData) n.getUserData());
              long used = 0;
              for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                  used += e.getValue().getUsed();
                }
              }
              HEAP_BEFORE_GC.accumulateAndGet(used, Math::max);
            },
            null,
            null);
      }
    }
  }

  /** Peak heap in MiB: the fullest the heap was at one instant (see {@link #watchGcs}). */
  private static long peakHeapMb() {
    long now = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        now += p.getUsage().getUsed();
      }
    }
    return Math.max(HEAP_BEFORE_GC.get(), now) / (1024 * 1024);
  }
}
