package org.sijill.bench.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.MultipleSystemsEstimation;
import org.sijill.estimate.Report;

/**
 * {@code simulate REPLICATES SEED [SCENARIOS]}: coverage and bias of each method's 95% interval on
 * synthetic populations of known size.
 */
final class CoverageSimulation {
  private CoverageSimulation() {}

  /**
   * The simulation study. {@code only} picks scenarios by 1-based number ({@code "2,6,7"}; empty:
   * all). Each scenario draws from its own generator (split from SEED in scenario order), so a
   * scenario's tables do not depend on which others run.
   */
  static void run(int replicates, long seed, String only) {
    SplittableRandom root = new SplittableRandom(seed);
    java.util.Set<Integer> picked = new java.util.TreeSet<>();
    for (String x : only.split(",")) {
      if (!x.isBlank()) {
        picked.add(Integer.parseInt(x.trim()));
      }
    }
    // LCMCR with the user's K (0: min(2^t - 1, 15)) but a shorter chain than the user default
    // (100,000 + 20,000 x 50): on 20 paired replicates of the two-group scenario the default length
    // moved medians by 0.04% of N and 97.5% quantiles by 0.2% (docs/estimation.md).
    EstimationOptions options =
        EstimationOptions.defaults(seed).withLcmcr(0, 20_000, 10_000, 10, 2);
    int recommendedCovered = 0;
    int recommendedRuns = 0;
    int ordinaryCovered = 0;
    int ordinaryRuns = 0;
    System.out.println(
        "| scenario | N | method | coverage of 95% interval | mean relative bias | median"
            + " interval width / N | replicates |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<Populations> all = Populations.scenarios();
    for (int sc = 0; sc < all.size(); sc++) {
      Populations pop = all.get(sc);
      SplittableRandom rng = root.split();
      if (!picked.isEmpty() && !picked.contains(sc + 1)) {
        continue;
      }
      Map<String, double[]> stats = new LinkedHashMap<>(); // covered, bias sum, width list size
      Map<String, List<Double>> widths = new LinkedHashMap<>();
      Map<String, Integer> verdicts = new java.util.TreeMap<>();
      for (int r = 0; r < replicates; r++) {
        CaptureTable t = pop.draw(rng);
        Report rep = MultipleSystemsEstimation.estimate(t, options, m -> {});
        dump(pop, sc + 1, r, t, rep);
        Map<String, Interval> byKey = new LinkedHashMap<>();
        for (Estimate e : rep.estimates()) {
          byKey.putIfAbsent(key(e), Interval.of(e));
        }
        if (rep.standardModels() != null) {
          for (Estimate s : rep.standardModels()) {
            if (s.model().equals("Mt") || s.model().equals("Mth Chao (LB)")) {
              byKey.put("standard " + s.model(), Interval.of(s));
            }
          }
        }
        if (rep.recommended() != null) {
          Estimate rec = rep.recommended();
          byKey.put("recommended", Interval.of(rec));
          Map<String, Object> d = rec.details() == null ? Map.of() : rec.details();
          // the recommended method's own interval, before the rule widened it
          byKey.put(
              "recommended, own interval",
              d.containsKey("ownUpper")
                  ? new Interval(
                      rec.total(), (Double) d.get("ownLower"), (Double) d.get("ownUpper"))
                  : Interval.of(rec));
        }
        String verdict = rep.details() == null ? "?" : String.valueOf(rep.details().get("verdict"));
        verdicts.merge(verdict, 1, Integer::sum);
        if (rep.spread() != null && rep.spread().lower() != null && rep.spread().upper() != null) {
          // the envelope of the credible estimates' intervals (RESULT.json spread.lower/upper)
          byKey.put(
              "spread envelope",
              new Interval(
                  rep.recommended() == null ? rep.spread().lowest() : rep.recommended().total(),
                  rep.spread().lower(),
                  rep.spread().upper()));
        }
        for (Map.Entry<String, Interval> e : byKey.entrySet()) {
          Interval est = e.getValue();
          double[] s = stats.computeIfAbsent(e.getKey(), k -> new double[3]);
          boolean covered =
              est.lower() != null
                  && est.upper() != null
                  && est.lower() <= pop.size()
                  && pop.size() <= est.upper();
          s[0] += covered ? 1 : 0;
          s[1] += (est.total() - pop.size()) / pop.size();
          s[2] += 1;
          if (est.lower() != null && est.upper() != null) {
            widths
                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add((est.upper() - est.lower()) / pop.size());
          }
        }
        double[] sofar = stats.getOrDefault("recommended", new double[3]);
        double[] own = stats.getOrDefault("recommended, own interval", new double[3]);
        System.err.printf(
            "%s: replicate %d of %d; recommended covers %d of %d (own interval %d); %s%n",
            pop.name(), r + 1, replicates, (int) sofar[0], (int) sofar[2], (int) own[0], verdicts);
      }
      double[] rec = stats.get("recommended");
      if (rec != null) {
        recommendedCovered += (int) rec[0];
        recommendedRuns += (int) rec[2];
        if (!pop.name().startsWith("hard")) {
          ordinaryCovered += (int) rec[0];
          ordinaryRuns += (int) rec[2];
        }
      }
      for (Map.Entry<String, double[]> e : stats.entrySet()) {
        double[] s = e.getValue();
        List<Double> w = widths.getOrDefault(e.getKey(), List.of());
        w.sort(Double::compare);
        System.out.printf(
            Locale.ROOT,
            "| %s | %,d | %s | %.1f%% | %+.1f%% | %s | %d |%n",
            pop.name(),
            pop.size(),
            e.getKey(),
            100 * s[0] / s[2],
            100 * s[1] / s[2],
            w.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", w.get(w.size() / 2)),
            (int) s[2]);
      }
      System.out.printf(
          Locale.ROOT,
          "verdicts (%s): %s; refused replicates count in no coverage%n",
          pop.name(),
          verdicts);
    }
    System.out.println();
    System.out.println(pooled("recommended, ordinary scenarios", ordinaryCovered, ordinaryRuns));
    System.out.println(pooled("recommended, all scenarios", recommendedCovered, recommendedRuns));
  }

  /**
   * With {@code -Dsijill.simulate.dump=FILE}, appends one JSON line per replicate (scenario, N, the
   * capture table's counts and the whole report) so that a rule can be evaluated on the same
   * replicates afterwards without rerunning the study.
   */
  private static void dump(
      Populations pop, int scenario, int replicate, CaptureTable t, Report rep) {
    String file = System.getProperty("sijill.simulate.dump");
    if (file == null || file.isBlank()) {
      return;
    }
    long[] counts = new long[1 << t.listCount()];
    for (int p = 1; p < counts.length; p++) {
      counts[p] = t.count(p);
    }
    String line =
        "{\"scenario\":"
            + scenario
            + ",\"replicate\":"
            + replicate
            + ",\"N\":"
            + pop.size()
            + ",\"counts\":"
            + java.util.Arrays.toString(counts)
            + ",\"report\":"
            + org.sijill.estimate.ReportJson.toJson(rep).replace("\n", "")
            + "}\n";
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(file),
          line,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String pooled(String what, int covered, int runs) {
    double p = (double) covered / runs;
    return String.format(
        Locale.ROOT,
        "%s: coverage %.1f%% (standard error %.1f points), %d of %d replicates",
        what,
        100 * p,
        100 * Math.sqrt(p * (1 - p) / runs),
        covered,
        runs);
  }

  /** A total and its interval, whatever gave them (an estimate, or the spread's envelope). */
  private record Interval(double total, Double lower, Double upper) {
    static Interval of(Estimate e) {
      return new Interval(e.total(), e.lower(), e.upper());
    }
  }

  private static String key(Estimate e) {
    if (e.method() != EstimationOptions.Method.LOGLINEAR) {
      return e.method().key();
    }
    String sel = e.selection() == null ? "" : e.selection();
    if (sel.startsWith("lowest BIC")) {
      return "loglinear BIC-best";
    }
    if (sel.startsWith("lowest AIC")) {
      return "loglinear AIC-best";
    }
    if (sel.startsWith("SparseMSE")) {
      return "loglinear SparseMSE";
    }
    return "loglinear " + e.model();
  }
}
