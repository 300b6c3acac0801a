package org.sijill.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.sijill.estimate.internal.Recommendation;
import org.sijill.estimate.internal.ReplicatePooling;

/**
 * Estimates that carry the linkage's uncertainty. A capture table built from one clustering of the
 * records treats every link as certain, but a missed link looks like a person seen by one list
 * only, the very cell capture–recapture extrapolates from. The caller draws {@code m} replicates of
 * the linkage (other clusterings the pairs' match probabilities allow); each is estimated with
 * every method, and the replicates are combined as multiple imputations are:
 *
 * <ul>
 *   <li>Bayesian methods (LCMCR, dga): the replicates' posterior draws are pooled in equal numbers
 *       (a mixture of the posteriors), and the median and 2.5%/97.5% quantiles are taken of the
 *       pool. LCMCR counts only when the chains of every replicate agree (R-hat at most 1.1).
 *   <li>Log-linear estimates: Rubin's rules on log N. The replicates' mean log N is the point; the
 *       within-replicate variance is taken from each interval's lower and upper half-width on the
 *       log scale (so an asymmetric profile interval stays asymmetric), the between-replicate
 *       variance from the spread of log N; bounds use Student's t with Rubin's degrees of freedom.
 * </ul>
 *
 * <p>Each combined estimate reports, in {@code details}, the same estimate on the run's own
 * clustering ({@code plainTotal}, {@code plainLower}, {@code plainUpper}), {@code widthGrowth}
 * (combined width over plain width, minus one; negative when the run's clustering inflated the
 * count and with it the width), {@code replicateWidth} (the mean width of the replicates' own
 * intervals) and {@code linkageShareOfWidth} (one minus that over the combined width: the part of
 * the interval that disagreement between the linkage replicates adds).
 */
public final class LinkageUncertainty {
  private static final List<String> BAYESIAN = List.of("lcmcr", "dga");

  private LinkageUncertainty() {}

  /** What the probabilities the replicates were drawn with rest on. */
  public enum Draw {
    /**
     * Probabilities the caller has reason to trust, such as those calibrated on reviewers'
     * decisions about the run's pairs: the combined interval is recommended as it is.
     */
    CHECKED,
    /**
     * The linkage model's own match probabilities, which no decision has checked. In the project's
     * simulations (docs/estimation.md, "End to end with linkage error") such replicates split pairs
     * the run merged and join pairs it left apart more often than the truth does, and their
     * combined interval sits a little high, so the recommended interval is widened to take in the
     * run's own interval too ({@link WidenOrRefuse#takeInTheRun}).
     */
    UNCHECKED
  }

  /**
   * Estimates {@code plain} (the run's own clustering) and every replicate, and combines the
   * replicates, taking the probabilities they were drawn with as {@link Draw#CHECKED}.
   *
   * @param replicates at least 2 capture tables over the same lists, one per linkage replicate
   */
  public static Report estimate(
      CaptureData plain,
      List<CaptureData> replicates,
      EstimationOptions options,
      Consumer<String> progress) {
    return estimate(plain, replicates, options, Draw.CHECKED, progress);
  }

  /**
   * Estimates {@code plain} (the run's own clustering) and every replicate, and combines the
   * replicates. The replicates run in parallel, each with {@link EstimationOptions#replicate}. With
   * {@link Draw#UNCHECKED} probabilities the recommended interval (of the total and of each
   * stratum) also takes in the interval the run's own clustering gives.
   *
   * @param replicates at least 2 capture tables over the same lists, one per linkage replicate
   * @param draw what the probabilities the replicates were drawn with rest on
   */
  public static Report estimate(
      CaptureData plain,
      List<CaptureData> replicates,
      EstimationOptions options,
      Draw draw,
      Consumer<String> progress) {
    int m = replicates.size();
    if (m < 2) {
      throw new IllegalArgumentException("linkage uncertainty needs at least 2 replicates");
    }
    EstimationOptions single = options.withLinkageReplicates(0);
    MultipleSystemsEstimation.Outcome base =
        MultipleSystemsEstimation.outcome(plain, single, progress);
    progress.accept("linkage uncertainty: " + m + " replicates of the linkage");
    List<MultipleSystemsEstimation.Outcome> reps = runAll(replicates, options, progress);
    Report combined = WidenOrRefuse.apply(combine(base, reps, replicates, plain), plain);
    if (draw == Draw.CHECKED) {
      return combined;
    }
    return WidenOrRefuse.takeInTheRun(combined, WidenOrRefuse.apply(base.report(), plain));
  }

  private static List<MultipleSystemsEstimation.Outcome> runAll(
      List<CaptureData> replicates, EstimationOptions options, Consumer<String> progress) {
    int m = replicates.size();
    int threads = Math.max(1, Math.min(m, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<MultipleSystemsEstimation.Outcome>> futures = new ArrayList<>();
    try {
      for (int r = 0; r < m; r++) {
        CaptureData data = replicates.get(r);
        EstimationOptions o = options.replicate(r, m);
        int label = r + 1;
        futures.add(
            pool.submit(
                () -> {
                  MultipleSystemsEstimation.Outcome out =
                      MultipleSystemsEstimation.outcome(data, o, line -> {});
                  progress.accept("linkage replicate " + label + " of " + m + " estimated");
                  return out;
                }));
      }
      List<MultipleSystemsEstimation.Outcome> out = new ArrayList<>();
      for (Future<MultipleSystemsEstimation.Outcome> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("estimation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("a linkage replicate failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Combines the replicates at the top level and, with strata, in every stratum that is estimable
   * in the run and in every replicate: a stratum's interval carries the linkage's uncertainty as
   * the total's does. A stratum estimable in the run but not in some replicate keeps the run's
   * estimates and says so.
   */
  static Report combine(
      MultipleSystemsEstimation.Outcome base,
      List<MultipleSystemsEstimation.Outcome> reps,
      List<CaptureData> replicates,
      CaptureData plain) {
    int m = reps.size();
    List<Report> strata = null;
    List<String> uncombined = new ArrayList<>();
    if (base.report().strata() != null) {
      strata = new ArrayList<>();
      for (Report s : base.report().strata()) {
        MultipleSystemsEstimation.Outcome own = base.strata().get(s.stratum());
        if (own == null) {
          strata.add(s); // not estimable on the run's clustering: its floor stays as it is
          continue;
        }
        List<MultipleSystemsEstimation.Outcome> theirs = new ArrayList<>();
        long[] documented = new long[m];
        for (int r = 0; r < m; r++) {
          MultipleSystemsEstimation.Outcome o = reps.get(r).strata().get(s.stratum());
          CaptureTable t = replicates.get(r).strata().get(s.stratum());
          if (o == null || t == null) {
            theirs = null;
            break;
          }
          theirs.add(o);
          documented[r] = t.documented();
        }
        if (theirs == null) {
          String w =
              "stratum "
                  + s.stratum()
                  + ": not estimable in every replicate of the linkage, so its estimates take the"
                  + " run's clustering as certain";
          uncombined.add(w);
          List<String> sw = new ArrayList<>(s.warnings() == null ? List.of() : s.warnings());
          sw.add(w);
          strata.add(s.toBuilder().warnings(List.copyOf(sw)).build());
          continue;
        }
        Arrays.sort(documented);
        strata.add(
            combineOne(own, theirs, documented, s.documented(), s.stratum(), null, List.of()));
      }
      strata = List.copyOf(strata);
    }
    long[] documented =
        replicates.stream().mapToLong(d -> d.total().documented()).sorted().toArray();
    return combineOne(base, reps, documented, plain.total().documented(), null, strata, uncombined);
  }

  private static Report combineOne(
      MultipleSystemsEstimation.Outcome base,
      List<MultipleSystemsEstimation.Outcome> reps,
      long[] documented,
      long documentedInRun,
      String stratum,
      List<Report> strata,
      List<String> uncombined) {
    int m = reps.size();
    Report r0 = base.report();
    List<Estimate> estimates = new ArrayList<>();
    List<Estimate> plausible = new ArrayList<>();
    Map<String, Estimate> combinedByRole = new LinkedHashMap<>();
    List<String> notCombined = new ArrayList<>();
    for (Map.Entry<String, Estimate> e : base.byRole().entrySet()) {
      String role = e.getKey();
      Estimate p = e.getValue();
      List<Estimate> theirs = new ArrayList<>();
      List<double[]> draws = new ArrayList<>();
      for (MultipleSystemsEstimation.Outcome o : reps) {
        theirs.add(o.byRole().get(role));
        draws.add(o.draws().get(role));
      }
      Estimate c =
          BAYESIAN.contains(role)
              ? ReplicatePooling.mixture(p, theirs, draws)
              : ReplicatePooling.rubin(p, theirs);
      if (c == null) {
        notCombined.add(Recommendation.describe(p));
        continue;
      }
      estimates.add(c);
      combinedByRole.put(role, c);
      boolean usable =
          reps.stream().allMatch(o -> o.usable().contains(role))
              && (c.warnings() == null || c.warnings().stream().noneMatch(Recommendation::fatal));
      if (usable) {
        plausible.add(c);
      }
    }
    Estimate lcmcr = combinedByRole.get("lcmcr");
    Estimate dga = combinedByRole.get("dga");
    Estimate bic = combinedByRole.get("loglinear-bic");
    Estimate recommended = Recommendation.choose(lcmcr, dga, bic, plausible);
    List<String> warnings = new ArrayList<>();
    for (String w : r0.warnings()) {
      if (!w.startsWith("models disagree") && !w.startsWith("no method gave")) {
        warnings.add(w);
      }
    }
    warnings.addAll(Recommendation.disagreement(plausible));
    if (!notCombined.isEmpty()) {
      warnings.add(
          "not combined across the linkage replicates (missing or without bounds in some of"
              + " them), so left out: "
              + String.join(", ", notCombined));
    }
    warnings.addAll(uncombined);
    if (recommended == null) {
      warnings.add("no method gave a usable estimate: report the documented count as a floor only");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    if (r0.details() != null) {
      details.putAll(r0.details());
    }
    Map<String, Object> lu = new LinkedHashMap<>();
    lu.put("replicates", m);
    lu.put("documentedLowest", documented[0]);
    lu.put("documentedHighest", documented[documented.length - 1]);
    lu.put("documentedInRun", documentedInRun);
    lu.put(
        "rule",
        "each replicate re-draws the contested links from their match probabilities; Bayesian"
            + " posteriors are pooled, log-linear estimates combined by Rubin's rules on log N");
    String sentence = sentence(recommended, m, documented);
    if (sentence != null) {
      lu.put("summary", sentence);
      warnings.add(sentence);
    }
    details.put("linkageUncertainty", lu);
    String because =
        Recommendation.reason(recommended, lcmcr, dga, bic, plausible)
            + (sentence == null ? "" : " " + sentence);
    return r0.toBuilder()
        .stratum(stratum)
        .estimates(List.copyOf(estimates))
        .recommended(recommended)
        .recommendedBecause(because)
        .spread(Recommendation.spread(plausible))
        .warnings(List.copyOf(warnings))
        .details(details)
        .strata(strata)
        .build();
  }

  /** The plain words every report carries about the linkage's part in the interval. */
  private static String sentence(Estimate rec, int m, long[] documented) {
    if (rec == null || rec.details() == null) {
      return null;
    }
    Object share = rec.details().get("linkageShareOfWidth");
    Object growth = rec.details().get("widthGrowth");
    if (!(share instanceof Number s) || !(growth instanceof Number g)) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "The interval allows for uncertain links: over %d replicates of the linkage the documented"
            + " count ranged from %s to %s; the recommended 95%% interval is %.0f%% %s than on"
            + " the run's own clustering, and disagreement between the replicates accounts for"
            + " %.0f%% of its width.",
        m,
        Recommendation.format(documented[0]),
        Recommendation.format(documented[documented.length - 1]),
        Math.abs(g.doubleValue()) * 100,
        g.doubleValue() >= 0 ? "wider" : "narrower",
        s.doubleValue() * 100);
  }
}
