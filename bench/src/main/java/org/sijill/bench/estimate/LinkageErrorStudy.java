package org.sijill.bench.estimate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.LinkageReplicates;
import org.sijill.estimate.LinkageUncertainty;
import org.sijill.estimate.MultipleSystemsEstimation;
import org.sijill.estimate.Report;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.ListSpec;
import org.sijill.linkage.synthetic.Script;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/**
 * End to end with linkage error (issue 15): the project's generator writes four lists of a
 * synthetic population of known size (names in Arabic and Latin script, 3% duplicates within a
 * list, 10% of optional fields blank), {@code sijill link}'s linker links them with default
 * settings, and the capture table of its clusters is estimated twice: as the run left it (the plain
 * estimate), and combined over replicates of the linkage drawn from the run's contested pairs. Each
 * simulation prints one line; the summary gives the coverage of each recommended 95% interval, its
 * median width and the median width growth the linkage's uncertainty brings.
 */
final class LinkageErrorStudy {
  private LinkageErrorStudy() {}

  static GeneratorConfig config(long seed, int population) {
    return new GeneratorConfig(
        seed,
        population,
        List.of(
            new ListSpec("list-a", 0.45, Script.ARABIC),
            new ListSpec("list-b", 0.35, Script.LATIN),
            new ListSpec("list-c", 0.3, Script.MIXED),
            new ListSpec("list-d", 0.4, Script.ARABIC)),
        GeneratorConfig.countryPlaces(),
        LocalDate.of(2012, 1, 1),
        LocalDate.of(2013, 12, 31),
        0.0);
  }

  /**
   * One simulation's lists linked as the study links them (the linkage benchmark's victim-list
   * settings): the run, each record's person and list, and the run's contested pairs with the
   * probability the replicates draw them with.
   */
  record Linked(
      LinkResult result, int[] cluster, String[] list, List<LinkageReplicates.Pair> contested) {}

  static Linked link(GeneratedLists g) {
    return link(g, List.of());
  }

  /** As {@link #link(GeneratedLists)}, honouring review decisions. */
  static Linked link(GeneratedLists g, List<Decision> decisions) {
    Settings s = TestLists.VICTIMS;
    List<Source> sources = TestLists.sources(g, s);
    LinkResult r = new Linker(s, Mode.LINK_AND_DEDUPE).link(sources, decisions, List.of(), m -> {});
    int[] cluster = new int[r.size()];
    String[] list = new String[r.size()];
    for (int i = 0; i < r.size(); i++) {
      cluster[i] = r.cluster(i);
      list[i] = r.source(i);
    }
    List<LinkageReplicates.Pair> contested = new ArrayList<>();
    for (int k : r.reviewPairs()) {
      contested.add(new LinkageReplicates.Pair(r.left(k), r.right(k), r.drawProbability(k)));
    }
    return new Linked(r, cluster, list, contested);
  }

  /**
   * A simulated reviewer (the truth) decides the first {@code decided} pairs of a run's review
   * list, in the desk's order; the case is linked again honouring them, and the undecided contested
   * pairs of that second run are drawn with probabilities calibrated on the decisions, as the
   * case's estimate does ({@link LinkageReplicates.Calibration}).
   */
  record Reviewed(Linked linked, LinkageReplicates.Calibration calibration, int decisions) {}

  static Reviewed review(GeneratedLists g, List<String> truth, Linked first, int decided) {
    LinkResult r = first.result();
    List<Integer> order = r.reviewPairs();
    List<Decision> decisions = new ArrayList<>();
    List<LinkageReplicates.Reviewed> reviewed = new ArrayList<>();
    for (int i = 0; i < Math.min(decided, order.size()); i++) {
      int k = order.get(i);
      int a = r.left(k);
      int b = r.right(k);
      boolean same = truth.get(a).equals(truth.get(b));
      decisions.add(
          new Decision(
              r.source(a),
              r.recordId(a),
              r.source(b),
              r.recordId(b),
              same ? Decision.Verdict.SAME : Decision.Verdict.DIFFERENT,
              "simulated reviewer"));
      reviewed.add(
          new LinkageReplicates.Reviewed(
              r.drawProbability(k), first.cluster()[a] == first.cluster()[b], same));
    }
    if (decisions.isEmpty()) {
      return new Reviewed(first, LinkageReplicates.Calibration.NONE, 0);
    }
    Linked second = link(g, decisions);
    // -Dcalibrate=false: the decisions bind the second run, the undecided pairs keep the model's
    // probabilities (to tell the review's part from the calibration's)
    LinkageReplicates.Calibration c =
        Boolean.parseBoolean(System.getProperty("calibrate", "true"))
            ? LinkageReplicates.Calibration.fit(reviewed)
            : LinkageReplicates.Calibration.NONE;
    Linked calibrated =
        new Linked(
            second.result(),
            second.cluster(),
            second.list(),
            c.apply(second.cluster(), second.contested()));
    return new Reviewed(calibrated, c, decisions.size());
  }

  static void run(int sims, long seed, int population, int replicates, int first) {
    // -Dreview=K: a simulated reviewer decides the first K contested pairs of each run first
    int decide = Integer.getInteger("review", 0);
    EstimationOptions base =
        EstimationOptions.defaults(seed)
            .withLcmcr(0, 20_000, 10_000, 10, 2)
            .withLinkageReplicates(replicates);
    int plainCovered = 0;
    int combinedCovered = 0;
    int done = 0;
    List<Double> growth = new ArrayList<>();
    List<Double> plainWidth = new ArrayList<>();
    List<Double> combinedWidth = new ArrayList<>();
    List<Double> plainBias = new ArrayList<>();
    List<Double> combinedBias = new ArrayList<>();
    List<Double> documentedBias = new ArrayList<>();
    List<Double> share = new ArrayList<>();
    System.out.printf(
        Locale.ROOT,
        "linkage study: %d simulations from number %d, population %d on 4 lists, %d linkage"
            + " replicates, seed %d; LCMCR 2 chains of 20,000 burn-in and 10,000 draws thinned by"
            + " 10; %s%n",
        sims,
        first,
        population,
        replicates,
        seed,
        decide == 0
            ? "no review decisions"
            : "a simulated reviewer decides the first "
                + decide
                + " contested pairs of each run, the case is linked again honouring them and the"
                + " undecided pairs are drawn calibrated on them");
    long t0 = System.nanoTime();
    for (int sim = first; sim < first + sims; sim++) {
      GeneratedLists g = VictimListGenerator.generate(config(seed * 1000 + sim, population));
      List<String> truth = TestLists.truth(g);
      Reviewed reviewed = review(g, truth, link(g), decide);
      Linked linked = reviewed.linked();
      int[] cluster = linked.cluster();
      String[] list = linked.list();
      List<LinkageReplicates.Pair> contested = linked.contested();
      CaptureData plain = data(cluster, list);
      long truthDocumented = truth.stream().distinct().count();
      EstimationOptions o = base.withSeed(seed * 7919 + sim);
      Report p = MultipleSystemsEstimation.estimate(plain, o.withLinkageReplicates(0), m -> {});
      List<CaptureData> reps = new ArrayList<>();
      for (int[] label :
          LinkageReplicates.draw(cluster, numbers(list), contested, replicates, o.seed())) {
        reps.add(data(label, list));
      }
      // as a case's estimate does: probabilities no decision calibrated are unchecked
      Report c =
          LinkageUncertainty.estimate(
              plain,
              reps,
              o,
              reviewed.calibration().mergedReviewed() + reviewed.calibration().apartReviewed() > 0
                  ? LinkageUncertainty.Draw.CHECKED
                  : LinkageUncertainty.Draw.UNCHECKED,
              m -> {});
      Estimate pe = p.recommended();
      Estimate ce = c.recommended();
      int n = g.populationSize();
      if (pe == null || ce == null || pe.lower() == null || ce.lower() == null) {
        System.out.printf(Locale.ROOT, "sim %d: no recommended interval%n", sim);
        continue;
      }
      done++;
      boolean pc = pe.lower() <= n && n <= pe.upper();
      boolean cc = ce.lower() <= n && n <= ce.upper();
      plainCovered += pc ? 1 : 0;
      combinedCovered += cc ? 1 : 0;
      double pw = pe.upper() - pe.lower();
      double cw = ce.upper() - ce.lower();
      growth.add(cw / pw - 1);
      plainWidth.add(pw / n);
      combinedWidth.add(cw / n);
      plainBias.add(pe.total() / n - 1);
      combinedBias.add(ce.total() / n - 1);
      documentedBias.add((double) plain.total().documented() / truthDocumented - 1);
      Object sh = ce.details() == null ? null : ce.details().get("linkageShareOfWidth");
      if (sh instanceof Number x) {
        share.add(x.doubleValue());
      }
      String own = "";
      if (ce.details() != null
          && ce.details().get("combinedLower") instanceof Number lo
          && ce.details().get("combinedUpper") instanceof Number hi) {
        // the replicates' own interval, before it was widened to take in the run's
        own =
            String.format(
                Locale.ROOT,
                "; replicates' own [%.0f, %.0f] %s",
                lo.doubleValue(),
                hi.doubleValue(),
                lo.doubleValue() <= n && n <= hi.doubleValue() ? "covers" : "misses");
      }
      System.out.printf(
          Locale.ROOT,
          "sim %d: N %d, documented %d (run %d, %+.1f%%), %d contested pairs; plain %s %.0f [%.0f,"
              + " %.0f] %s; combined %.0f [%.0f, %.0f] %s; %.0fs%s%s%n",
          sim,
          n,
          truthDocumented,
          plain.total().documented(),
          100 * documentedBias.get(documentedBias.size() - 1),
          contested.size(),
          pe.method().key(),
          pe.total(),
          pe.lower(),
          pe.upper(),
          pc ? "covers" : "misses",
          ce.total(),
          ce.lower(),
          ce.upper(),
          cc ? "covers" : "misses",
          (System.nanoTime() - t0) / 1e9,
          reviewed.decisions() == 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; %d decided, shift merged %+.2f (%d), apart %+.2f (%d)",
                  reviewed.decisions(),
                  reviewed.calibration().mergedShift(),
                  reviewed.calibration().mergedReviewed(),
                  reviewed.calibration().apartShift(),
                  reviewed.calibration().apartReviewed()),
          own);
    }
    System.out.printf(
        Locale.ROOT,
        "plain (run's clustering taken as certain): coverage %.1f%% (%d of %d, SE %.1f), median"
            + " bias %+.1f%%, median width/N %.3f%n",
        100.0 * plainCovered / done,
        plainCovered,
        done,
        100 * Math.sqrt(plainCovered / (double) done * (1 - plainCovered / (double) done) / done),
        100 * median(plainBias),
        median(plainWidth));
    System.out.printf(
        Locale.ROOT,
        "combined over %d linkage replicates: coverage %.1f%% (%d of %d, SE %.1f), median bias"
            + " %+.1f%%, median width/N %.3f; median width growth %+.1f%%, median linkage share"
            + " of width %.0f%%; documented count off by %+.1f%% (median)%n",
        replicates,
        100.0 * combinedCovered / done,
        combinedCovered,
        done,
        100
            * Math.sqrt(
                combinedCovered / (double) done * (1 - combinedCovered / (double) done) / done),
        100 * median(combinedBias),
        median(combinedWidth),
        100 * median(growth),
        100 * (share.isEmpty() ? Double.NaN : median(share)),
        100 * median(documentedBias));
  }

  /**
   * What the linkage's uncertainty costs: one simulated case, linked, estimated with the defaults
   * users get (every method, LCMCR 2 chains of 100,000 burn-in and 20,000 draws thinned by 50) once
   * as the run left it and once over {@code replicates} replicates; wall clock and the process's
   * CPU time of each (CPU time is what a shared machine distorts least).
   */
  static void overhead(long seed, int population, int replicates) {
    Linked linked = link(VictimListGenerator.generate(config(seed, population)));
    int[] cluster = linked.cluster();
    String[] list = linked.list();
    List<LinkageReplicates.Pair> contested = linked.contested();
    CaptureData plain = data(cluster, list);
    EstimationOptions o = EstimationOptions.defaults(seed).withLinkageReplicates(replicates);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Report p = MultipleSystemsEstimation.estimate(plain, o.withLinkageReplicates(0), m -> {});
    long c1 = os.getProcessCpuTime();
    long t1 = System.nanoTime();
    List<CaptureData> reps = new ArrayList<>();
    for (int[] label :
        LinkageReplicates.draw(cluster, numbers(list), contested, replicates, seed)) {
      reps.add(data(label, list));
    }
    Report c =
        LinkageUncertainty.estimate(plain, reps, o, LinkageUncertainty.Draw.UNCHECKED, m -> {});
    long c2 = os.getProcessCpuTime();
    long t2 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "one estimate with the defaults, %d documented on 4 lists, %d contested pairs, %d cores:"
            + " plain %.1f s wall, %.1f CPU-s -> %s; with %d linkage replicates %.1f s wall, %.1f"
            + " CPU-s -> %s; ratio %.2f (wall), %.2f (CPU)%n",
        plain.total().documented(),
        contested.size(),
        Runtime.getRuntime().availableProcessors(),
        (t1 - t0) / 1e9,
        (c1 - c0) / 1e9,
        brief(p.recommended()),
        replicates,
        (t2 - t1) / 1e9,
        (c2 - c1) / 1e9,
        brief(c.recommended()),
        (double) (t2 - t1) / (t1 - t0),
        (double) (c2 - c1) / (c1 - c0));
  }

  private static final java.util.regex.Pattern LINE =
      java.util.regex.Pattern.compile(
          "sim (\\d+): N (\\d+), documented \\d+ \\(run \\d+, ([+-]?[\\d.]+)%\\), \\d+ contested"
              + " pairs; plain \\S+ ([\\d.]+) \\[([\\d.]+), ([\\d.]+)\\] (covers|misses);"
              + " combined ([\\d.]+) \\[([\\d.]+), ([\\d.]+)\\] (covers|misses);.*");

  /**
   * The summary of {@link #run} from the per-simulation lines of one or more outputs (chunks
   * started with different FIRST numbers, or a run stopped before its end); a simulation printed
   * twice counts once.
   */
  static void summarize(List<Path> files) throws java.io.IOException {
    java.util.TreeMap<Integer, java.util.regex.Matcher> sims = new java.util.TreeMap<>();
    for (Path f : files) {
      for (String l : java.nio.file.Files.readAllLines(f)) {
        java.util.regex.Matcher m = LINE.matcher(l.trim());
        if (m.matches()) {
          sims.putIfAbsent(Integer.parseInt(m.group(1)), m);
        }
      }
    }
    int plainCovered = 0;
    int combinedCovered = 0;
    int widened = 0;
    int ownCovered = 0;
    List<Double> plainWidth = new ArrayList<>();
    List<Double> combinedWidth = new ArrayList<>();
    List<Double> plainBias = new ArrayList<>();
    List<Double> combinedBias = new ArrayList<>();
    List<Double> growth = new ArrayList<>();
    List<Double> documented = new ArrayList<>();
    for (java.util.regex.Matcher m : sims.values()) {
      java.util.regex.Matcher w = OWN.matcher(m.group(0));
      if (w.find()) {
        widened++;
        ownCovered += w.group(1).equals("covers") ? 1 : 0;
      } else {
        ownCovered += m.group(11).equals("covers") ? 1 : 0;
      }
      double n = Double.parseDouble(m.group(2));
      double pw = Double.parseDouble(m.group(6)) - Double.parseDouble(m.group(5));
      double cw = Double.parseDouble(m.group(10)) - Double.parseDouble(m.group(9));
      plainCovered += m.group(7).equals("covers") ? 1 : 0;
      combinedCovered += m.group(11).equals("covers") ? 1 : 0;
      plainWidth.add(pw / n);
      combinedWidth.add(cw / n);
      plainBias.add(Double.parseDouble(m.group(4)) / n - 1);
      combinedBias.add(Double.parseDouble(m.group(8)) / n - 1);
      growth.add(cw / pw - 1);
      documented.add(Double.parseDouble(m.group(3)) / 100);
    }
    int done = sims.size();
    if (done == 0) {
      System.out.println("no simulation lines found");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%d simulations (numbers %d to %d)%nplain (run's clustering taken as certain): coverage"
            + " %.1f%% (%d of %d), median bias %+.1f%%, median width/N %.3f%ncombined over the"
            + " linkage replicates: coverage %.1f%% (%d of %d), median bias %+.1f%%, median"
            + " width/N %.3f; median width growth %+.1f%% (%+.0f%% to %+.0f%%); documented count"
            + " off by %+.1f%% (median)%n",
        done,
        sims.firstKey(),
        sims.lastKey(),
        100.0 * plainCovered / done,
        plainCovered,
        done,
        100 * median(plainBias),
        median(plainWidth),
        100.0 * combinedCovered / done,
        combinedCovered,
        done,
        100 * median(combinedBias),
        median(combinedWidth),
        100 * median(growth),
        100 * growth.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        100 * growth.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
        100 * median(documented));
    if (widened > 0) {
      System.out.printf(
          Locale.ROOT,
          "widened to take in the run's own interval (unchecked probabilities) in %d of %d; the"
              + " replicates' own interval covers %.1f%% (%d of %d)%n",
          widened,
          done,
          100.0 * ownCovered / done,
          ownCovered,
          done);
    }
  }

  private static final java.util.regex.Pattern OWN =
      java.util.regex.Pattern.compile("replicates' own \\[[\\d.]+, [\\d.]+\\] (covers|misses)");

  private static String brief(Estimate e) {
    return e == null
        ? "none"
        : String.format(
            Locale.ROOT, "%s %.0f [%.0f, %.0f]", e.method().key(), e.total(), e.lower(), e.upper());
  }

  /** Each record's list as a number (lists numbered in order of first appearance). */
  static int[] numbers(String[] list) {
    Map<String, Integer> no = new HashMap<>();
    int[] out = new int[list.length];
    for (int i = 0; i < list.length; i++) {
      out[i] = no.computeIfAbsent(list[i], k -> no.size());
    }
    return out;
  }

  static CaptureData data(int[] label, String[] list) {
    Map<Integer, Set<String>> persons = new HashMap<>();
    for (int i = 0; i < label.length; i++) {
      persons.computeIfAbsent(label[i], k -> new TreeSet<>()).add(list[i]);
    }
    return CaptureData.ofPersons(new ArrayList<>(persons.values()), null);
  }

  private static double median(List<Double> x) {
    if (x.isEmpty()) {
      return Double.NaN;
    }
    double[] a = x.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
