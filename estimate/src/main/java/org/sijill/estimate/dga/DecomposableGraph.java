package org.sijill.estimate.dga;

import java.util.ArrayList;
import java.util.List;

/**
 * A decomposable (chordal) graph over the lists, by its maximal cliques in a perfect order and the
 * non-empty separators between them (bit masks over lists). Under a hyper-Dirichlet prior its
 * marginal likelihood factorises over cliques and separators (Dawid and Lauritzen 1993), which is
 * what makes {@link Dga} exact.
 */
public record DecomposableGraph(int t, int[] cliques, int[] separators) {

  /**
   * The graph whose vertex {@code order[step]} closes the candidate clique {@code candidate[step]}
   * (itself and its earlier-numbered neighbours) in a perfect elimination order: the maximal
   * candidates are its cliques, in that order, and each clique's overlap with those before it is a
   * separator.
   */
  static DecomposableGraph fromPerfectOrder(int t, int[] candidate) {
    List<Integer> cliques = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      boolean maximal = true;
      for (int j = 0; j < t; j++) {
        if (j != i
            && (candidate[i] & candidate[j]) == candidate[i]
            && (candidate[i] != candidate[j] || j < i)) {
          maximal = false;
          break;
        }
      }
      if (maximal) {
        cliques.add(candidate[i]);
      }
    }
    List<Integer> seps = new ArrayList<>();
    int union = 0;
    for (int c : cliques) {
      int s = c & union;
      if (s != 0) {
        seps.add(s);
      }
      union |= c;
    }
    return new DecomposableGraph(
        t,
        cliques.stream().mapToInt(Integer::intValue).toArray(),
        seps.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Name in the command-line model syntax, e.g. {@code A*B+B*C+D}. */
  public String name(List<String> lists) {
    List<String> parts = new ArrayList<>();
    for (int c : cliques) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < t; i++) {
        if ((c >> i & 1) == 1) {
          names.add(lists.get(i));
        }
      }
      parts.add(String.join("*", names));
    }
    return String.join("+", parts);
  }
}
