package org.sijill.estimate.dga;

import java.util.ArrayList;
import java.util.List;
import org.sijill.estimate.CaptureTable;
import org.sijill.estimate.internal.Lgamma;

/**
 * Bayesian model averaging over decomposable graphical models (Madigan and York 1997), as the
 * {@code dga} R package computes it: for each graph and each candidate number of unobserved people
 * n0 on a grid, the exact log posterior is the hyper-Dirichlet marginal likelihood of the completed
 * table (each cell's prior weight {@code delta}; a clique's margin cells get {@code delta 2^(t -
 * |C|)}) times the multinomial coefficient times the prior on N (default 1/N); graphs are equally
 * likely a priori.
 *
 * <p>Only the margin cell "on none of the clique's lists" depends on n0, and lgamma(x + 1) =
 * lgamma(x) + log(x), so each of the 2^t - 1 margins costs one pass over the grid and each graph a
 * few vector additions.
 */
public final class Dga {
  /** Log-posterior distance below the overall mode beyond which grid points are not evaluated. */
  private static final double CUTOFF = 60;

  /** Log prior density of N (up to a constant). */
  @FunctionalInterface
  interface LogPrior {
    double at(double bigN);

    static LogPrior inverseN() {
      return bigN -> -Math.log(bigN);
    }
  }

  /** Posterior over the grid {@code n0From..n0From + posterior.length - 1}. */
  public record Result(
      long n,
      int n0From,
      double[] posterior,
      List<DecomposableGraph> graphs,
      double[] graphProbability,
      double[][] conditional,
      double tailMass) {

    public double mean() {
      double s = 0;
      for (int i = 0; i < posterior.length; i++) {
        s += posterior[i] * (n + n0From + i);
      }
      return s;
    }

    /** Smallest N whose posterior cumulative probability reaches q. */
    public double quantile(double q) {
      return quantile(posterior, q);
    }

    public double quantile(double[] post, double q) {
      double c = 0;
      for (int i = 0; i < post.length; i++) {
        c += post[i];
        if (c >= q) {
          return n + n0From + i;
        }
      }
      return n + n0From + post.length - 1;
    }

    public double mode() {
      return mode(posterior);
    }

    public double mode(double[] post) {
      int best = 0;
      for (int i = 1; i < post.length; i++) {
        if (post[i] > post[best]) {
          best = i;
        }
      }
      return n + n0From + best;
    }

    int topGraph() {
      int best = 0;
      for (int g = 1; g < graphProbability.length; g++) {
        if (graphProbability[g] > graphProbability[best]) {
          best = g;
        }
      }
      return best;
    }
  }

  private Dga() {}

  /**
   * The package defaults: delta = 2^-t, prior 1/N, n0 on the grid 0..30n. The posterior is exact on
   * that grid; the mass in its last 1% is reported (heavy tails come from graphs that leave the
   * unobserved cell nearly unconstrained), not hidden by widening.
   */
  public static Result standard(CaptureTable table) {
    int t = table.listCount();
    double delta = Math.pow(2, -t);
    long n = table.documented();
    int hi = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(30 * n, 300));
    return run(table, delta, 0, hi, LogPrior.inverseN());
  }

  static Result run(CaptureTable table, double delta, int n0From, int n0To, LogPrior prior) {
    int t = table.listCount();
    int size = n0To - n0From + 1;
    long n = table.documented();
    int full = 1 << t;
    double sumAlpha = delta * full;
    // per margin: log marginal likelihood as a function of n0
    double[][] margin = new double[full][];
    for (int c = 1; c < full; c++) {
      double alpha = delta * Math.pow(2, t - Integer.bitCount(c));
      double[] d = new double[full];
      for (int p = 1; p < full; p++) {
        d[p & c] += table.count(p);
      }
      double constant = 0;
      for (int cell = 1; cell < full; cell++) {
        if ((cell & ~c) == 0) {
          constant += Lgamma.of(d[cell] + alpha) - Lgamma.of(alpha);
        }
      }
      double[] f = new double[size];
      double x = d[0] + n0From + alpha;
      double lg = Lgamma.of(x) - Lgamma.of(alpha) + constant;
      for (int i = 0; i < size; i++) {
        f[i] = lg;
        lg += Math.log(x);
        x += 1;
      }
      margin[c] = f;
    }
    double[] common = new double[size];
    double[] denominator = new double[size];
    double sumLgY = 0;
    for (int p = 1; p < full; p++) {
      sumLgY += Lgamma.of(table.count(p) + 1.0);
    }
    double lgSumAlpha = Lgamma.of(sumAlpha);
    for (int i = 0; i < size; i++) {
      double n0 = n0From + i;
      double bigN = n + n0;
      denominator[i] = lgSumAlpha - Lgamma.of(bigN + sumAlpha);
      common[i] = Lgamma.of(bigN + 1) - sumLgY - Lgamma.of(n0 + 1) + prior.at(bigN);
    }
    List<DecomposableGraph> graphs = ChordalGraphs.all(t);
    // Coarse pass: each graph's log posterior at every stride-th grid point, then exactly around
    // its best coarse point. Exact evaluation afterwards only where a graph comes within
    // CUTOFF of the overall maximum: everything else weighs less than e^-60 of the mode.
    int stride = Math.max(1, size / 4096);
    double[] maxima = new double[graphs.size()];
    double globalMax = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < graphs.size(); g++) {
      DecomposableGraph graph = graphs.get(g);
      double best = Double.NEGATIVE_INFINITY;
      int at = 0;
      for (int i = 0; i < size; i += stride) {
        double v = logPosterior(graph, margin, denominator, common, i);
        if (v > best) {
          best = v;
          at = i;
        }
      }
      for (int i = Math.max(0, at - stride); i < Math.min(size, at + stride + 1); i++) {
        best = Math.max(best, logPosterior(graph, margin, denominator, common, i));
      }
      maxima[g] = best;
      globalMax = Math.max(globalMax, best);
    }
    double[] total = new double[size];
    double[] graphMass = new double[graphs.size()];
    double[][] conditional = new double[graphs.size()][];
    for (int g = 0; g < graphs.size(); g++) {
      if (maxima[g] < globalMax - CUTOFF) {
        continue;
      }
      DecomposableGraph graph = graphs.get(g);
      double[] w = maxima[g] > globalMax - 30 ? new double[size] : null;
      double s = 0;
      double prev = logPosterior(graph, margin, denominator, common, 0);
      int end;
      for (int lo = 0; lo < size; lo = end) {
        int hi = Math.min(size - 1, lo + stride);
        end = hi == size - 1 ? size : hi;
        double next = logPosterior(graph, margin, denominator, common, hi);
        if (Math.max(prev, next) >= globalMax - CUTOFF) {
          for (int i = lo; i < end; i++) {
            double x = Math.exp(logPosterior(graph, margin, denominator, common, i) - globalMax);
            total[i] += x;
            s += x;
            if (w != null) {
              w[i] = x;
            }
          }
        }
        prev = next;
      }
      graphMass[g] = s;
      if (w != null && s > 0) {
        for (int i = 0; i < size; i++) {
          w[i] /= s;
        }
        conditional[g] = w;
      }
    }
    double z = 0;
    for (double x : total) {
      z += x;
    }
    for (int i = 0; i < size; i++) {
      total[i] /= z;
    }
    for (int g = 0; g < graphMass.length; g++) {
      graphMass[g] /= z;
    }
    double tail = 0;
    int tailFrom = size - Math.max(1, size / 100);
    for (int i = tailFrom; i < size; i++) {
      tail += total[i];
    }
    return new Result(n, n0From, total, graphs, graphMass, conditional, tail);
  }

  private static double logPosterior(
      DecomposableGraph g, double[][] margin, double[] denominator, double[] common, int i) {
    double v = common[i] + (g.cliques().length - g.separators().length) * denominator[i];
    for (int c : g.cliques()) {
      v += margin[c][i];
    }
    for (int s : g.separators()) {
      v -= margin[s][i];
    }
    return v;
  }

  /** Graphs by decreasing posterior probability. */
  public static List<Integer> ranked(Result r) {
    List<Integer> idx = new ArrayList<>();
    for (int g = 0; g < r.graphProbability().length; g++) {
      idx.add(g);
    }
    idx.sort((a, b) -> Double.compare(r.graphProbability()[b], r.graphProbability()[a]));
    return idx;
  }
}
