package org.sijill.bench.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.LinkageUncertainty;
import org.sijill.estimate.MultipleSystemsEstimation;
import org.sijill.estimate.Report;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * The combination of linkage replicates checked on its own (issue 15): for the simulations of
 * {@link LinkageErrorStudy}, the plain estimate and the estimate "combined" over replicates that
 * are all the run's own clustering. Any difference between the two is the combining's (fewer LCMCR
 * draws per replicate after half the burn-in, the pooling), not the linkage's.
 */
final class NullReplicates {
  private NullReplicates() {}

  static void run(int sims, long seed, int population, int replicates, int first) {
    EstimationOptions base =
        EstimationOptions.defaults(seed)
            .withLcmcr(0, 20_000, 10_000, 10, 2)
            .withLinkageReplicates(replicates);
    System.out.printf(
        Locale.ROOT,
        "null replicates: %d simulations from number %d, population %d, %d copies of the run's"
            + " clustering combined, seed %d%n",
        sims,
        first,
        population,
        replicates,
        seed);
    for (int sim = first; sim < first + sims; sim++) {
      LinkageErrorStudy.Linked linked =
          LinkageErrorStudy.link(
              VictimListGenerator.generate(
                  LinkageErrorStudy.config(seed * 1000 + sim, population)));
      CaptureData plain = LinkageErrorStudy.data(linked.cluster(), linked.list());
      EstimationOptions o = base.withSeed(seed * 7919 + sim);
      Report p = MultipleSystemsEstimation.estimate(plain, o.withLinkageReplicates(0), m -> {});
      List<CaptureData> reps = new ArrayList<>();
      for (int i = 0; i < replicates; i++) {
        reps.add(plain);
      }
      Report c = LinkageUncertainty.estimate(plain, reps, o, m -> {});
      Estimate pe = p.recommended();
      Estimate ce = c.recommended();
      System.out.printf(
          Locale.ROOT,
          "sim %d: plain %s %.0f [%.0f, %.0f]; same data x%d combined %s %.0f [%.0f, %.0f]%n",
          sim,
          pe.method().key(),
          pe.total(),
          pe.lower(),
          pe.upper(),
          replicates,
          ce.method().key(),
          ce.total(),
          ce.lower(),
          ce.upper());
    }
  }
}
