package org.sijill.linkage.pairs;

import java.io.Serializable;
import java.util.Set;
import org.sijill.linkage.model.FellegiSunter;
import org.sijill.linkage.model.PatternCounts;
import org.sijill.linkage.model.Patterns;

/**
 * What scoring a pair needs of the fitted model: the log Bayes factor of each distinct comparison
 * vector (and its household log-ratio), the prior, and u per level for term frequency. Small and
 * serialisable, so an engine can send it to where the pairs are.
 */
public final class PairScores implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PatternCounts bf = new PatternCounts();
  private final PatternCounts hr = new PatternCounts();
  private final boolean households;
  private final double prior;
  private final boolean tf;
  private final double[][] uRandom;

  public PairScores(FellegiSunter model, Set<Long> distinct, boolean termFrequency) {
    // the log Bayes factor of each distinct vector, kept where its count would be
    for (long p : distinct) {
      bf.add(p, model.logBayesFactor(p));
      if (model.h() != null) {
        hr.add(p, model.householdLogRatio(p));
      }
    }
    households = model.h() != null;
    prior = model.priorLogit();
    tf = termFrequency;
    uRandom = model.uRandom();
  }

  /**
   * The match log-odds of pair {@code pair} (i << 32 | j) with comparison vector {@code pattern}.
   */
  public float logit(Prepared prepared, long pair, long pattern) {
    double s = prior + bf.count(pattern);
    // term frequency makes the strangers' agreement rarer: it divides their share only
    double rare = 0;
    if (tf) {
      int a = (int) (pair >>> 32);
      int b = (int) pair;
      // the fields in order, less those whose factor is always 1 (they added nothing)
      for (int f : prepared.termFields) {
        int l = Patterns.level(pattern, f);
        if (l >= 0) {
          double log = prepared.comparator(f).logTermFactor(a, b, l, uRandom[f][l]);
          if (log != 0.0) {
            rare += log;
          }
        }
      }
    }
    s += rare;
    if (households) {
      // against strangers and relatives: A - log(1 + e^B), B against the rarer strangers
      s -= FellegiSunter.softplus(hr.count(pattern) + rare);
    }
    return (float) Math.max(-40, Math.min(40, s));
  }
}
