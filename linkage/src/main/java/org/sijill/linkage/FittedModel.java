package org.sijill.linkage;

import java.util.List;

/**
 * The fitted Fellegi–Sunter model of one run, as numbers a reader can store and check: the priors
 * and, per compared field and level, m (share among matches), u (share among non-matches) and, with
 * the relatives class, h. {@link LinkResult#modelSummary()} prints the same numbers as text.
 *
 * @param lambda prior share of candidate pairs that match
 * @param lambdaRelatives prior share of relatives (pairs of one household), or null with two
 *     classes
 * @param iterations EM iterations run
 * @param converged whether EM converged within its iterations
 * @param fields one entry per compared field, in settings order
 */
public record FittedModel(
    double lambda, Double lambdaRelatives, int iterations, boolean converged, List<Field> fields) {

  public FittedModel {
    fields = List.copyOf(fields);
  }

  /**
   * One compared field: its levels from 0 (disagree) upwards, with a label and m, u (and h, or
   * null) per level.
   */
  public record Field(
      String column, String kind, List<String> levels, double[] m, double[] u, double[] h) {
    public Field {
      levels = List.copyOf(levels);
      m = m.clone();
      u = u.clone();
      h = h == null ? null : h.clone();
    }
  }
}
