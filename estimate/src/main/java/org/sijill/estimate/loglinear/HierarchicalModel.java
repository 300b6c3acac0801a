package org.sijill.estimate.loglinear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A hierarchical log-linear model over {@code t} lists, given by its generating class: the maximal
 * interaction terms (bit masks over lists). Main effects are always present, as in Rcapture's model
 * search; a term implies all its subsets.
 */
public record HierarchicalModel(int t, int[] generators) {

  public HierarchicalModel {
    generators = maximal(generators);
  }

  /** The independence model {@code A+B+C...}. */
  static HierarchicalModel independence(int t) {
    return new HierarchicalModel(t, new int[0]);
  }

  /** The model with every interaction of order up to {@code t - 1}. */
  static HierarchicalModel allButHighest(int t) {
    int full = (1 << t) - 1;
    int[] g = new int[t];
    for (int i = 0; i < t; i++) {
      g[i] = full & ~(1 << i);
    }
    return new HierarchicalModel(t, g);
  }

  /**
   * Parses {@code "A*B+C"}: terms joined by {@code +}, interactions inside a term by {@code *},
   * names as in the header.
   *
   * @throws IllegalArgumentException naming the unknown list or the malformed term
   */
  public static HierarchicalModel parse(String spec, List<String> lists) {
    Map<String, Integer> index =
        java.util.stream.IntStream.range(0, lists.size())
            .boxed()
            .collect(Collectors.toMap(lists::get, i -> i));
    List<Integer> gens = new ArrayList<>();
    for (String term : spec.split("\\+", -1)) {
      String trimmed = term.trim();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException("empty term in model '" + spec + "'");
      }
      int mask = 0;
      for (String name : trimmed.split("\\*", -1)) {
        Integer i = index.get(name.trim());
        if (i == null) {
          throw new IllegalArgumentException(
              "model '" + spec + "': unknown list '" + name.trim() + "' (lists: " + lists + ")");
        }
        mask |= 1 << i;
      }
      if (mask == (1 << lists.size()) - 1 && lists.size() > 1) {
        throw new IllegalArgumentException(
            "model '"
                + spec
                + "': the "
                + lists.size()
                + "-way interaction of all lists is not estimable (it is confounded with the"
                + " unobserved cell)");
      }
      gens.add(mask);
    }
    return new HierarchicalModel(lists.size(), gens.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Every interaction term (two or more lists) implied by the generators, by order then mask. */
  int[] interactionTerms() {
    TreeSet<Integer> terms = new TreeSet<>(HierarchicalModel::byOrder);
    for (int g : generators) {
      for (int s = g; s > 0; s = (s - 1) & g) {
        if (Integer.bitCount(s) >= 2) {
          terms.add(s);
        }
      }
    }
    return terms.stream().mapToInt(Integer::intValue).toArray();
  }

  static int byOrder(int a, int b) {
    int c = Integer.compare(Integer.bitCount(a), Integer.bitCount(b));
    return c != 0 ? c : Integer.compare(a, b);
  }

  /** Design matrix over the observable cells: intercept, main effects, interactions. */
  public double[][] design() {
    int[] inter = interactionTerms();
    int cells = (1 << t) - 1;
    double[][] x = new double[cells][1 + t + inter.length];
    for (int p = 1; p <= cells; p++) {
      double[] row = x[p - 1];
      row[0] = 1;
      for (int i = 0; i < t; i++) {
        row[1 + i] = (p >> i) & 1;
      }
      for (int k = 0; k < inter.length; k++) {
        row[1 + t + k] = (p & inter[k]) == inter[k] ? 1 : 0;
      }
    }
    return x;
  }

  /** Name in the command-line syntax, e.g. {@code EXH*ABA*OSCE+EXH*HRW+OSCE*HRW}. */
  public String name(List<String> lists) {
    return render(lists, i -> lists.get(i), "*", "+");
  }

  /** Name in Rcapture's notation, e.g. {@code [123,14,34]} (lists numbered from 1). */
  String rcaptureName() {
    return "[" + render(null, i -> Integer.toString(i + 1), "", ",") + "]";
  }

  private String render(
      List<String> lists, Function<Integer, String> label, String times, String plus) {
    List<Integer> parts = new ArrayList<>();
    int covered = 0;
    for (int g : generators) {
      parts.add(g);
      covered |= g;
    }
    for (int i = 0; i < t; i++) {
      if ((covered & (1 << i)) == 0) {
        parts.add(1 << i);
      }
    }
    // Rcapture lists higher-order terms first, then by list order
    parts.sort(
        (a, b) -> {
          int c = Integer.compare(Integer.bitCount(b), Integer.bitCount(a));
          return c != 0 ? c : indexKey(a).compareTo(indexKey(b));
        });
    return parts.stream()
        .map(
            m -> {
              List<String> names = new ArrayList<>();
              for (int i = 0; i < t; i++) {
                if ((m & (1 << i)) != 0) {
                  names.add(label.apply(i));
                }
              }
              return String.join(times, names);
            })
        .collect(Collectors.joining(plus));
  }

  private static String indexKey(int mask) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      if ((mask & (1 << i)) != 0) {
        sb.append((char) ('a' + i));
      }
    }
    return sb.toString();
  }

  private static int[] maximal(int[] gens) {
    TreeSet<Integer> out = new TreeSet<>(HierarchicalModel::byOrder);
    for (int g : gens) {
      if (Integer.bitCount(g) < 2) {
        continue;
      }
      boolean contained = false;
      for (int h : gens) {
        if (h != g && (g & h) == g) {
          contained = true;
          break;
        }
      }
      if (!contained) {
        out.add(g);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HierarchicalModel h && h.t == t && Arrays.equals(h.generators, generators);
  }

  @Override
  public int hashCode() {
    return 31 * t + Arrays.hashCode(generators);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s", rcaptureName());
  }
}
