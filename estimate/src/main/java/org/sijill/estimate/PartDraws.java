package org.sijill.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws of one connected part of {@link LinkageReplicates}' atoms (atoms joined by allowed
 * contested pairs): every allowed clustering enumerated and weighed when the part is small, Gibbs
 * sampling one atom at a time when it is large. A clustering weighs the product over the part's
 * contested pairs of p (together) or 1 − p (apart); {@code allowed} gives, per atom, the atoms it
 * may join and the summed log-odds of the contested pairs between them.
 */
final class PartDraws {
  private PartDraws() {}

  /** Gibbs sweeps before the first replicate of a large part, and between replicates. */
  static final int BURN_IN_SWEEPS = 200;

  static final int THIN_SWEEPS = 20;

  /** Every allowed clustering of a small part, weighted, and one drawn per replicate. */
  static void exact(
      List<Integer> part,
      Map<Integer, Map<Integer, Double>> allowed,
      int[][] blockOf,
      SplittableRandom rng) {
    int k = part.size();
    double[][] w = new double[k][k];
    boolean[][] ok = new boolean[k][k];
    for (int i = 0; i < k; i++) {
      Map<Integer, Double> nb = allowed.get(part.get(i));
      for (int j = 0; j < k; j++) {
        Double x = nb.get(part.get(j));
        if (x != null) {
          ok[i][j] = true;
          w[i][j] = x;
        }
      }
    }
    List<int[]> clusterings = new ArrayList<>();
    List<Double> logWeight = new ArrayList<>();
    enumerate(0, new int[k], 0, 0.0, ok, w, clusterings, logWeight);
    double max = Double.NEGATIVE_INFINITY;
    for (double x : logWeight) {
      max = Math.max(max, x);
    }
    double[] cumulative = new double[clusterings.size()];
    double total = 0;
    for (int c = 0; c < cumulative.length; c++) {
      total += Math.exp(logWeight.get(c) - max);
      cumulative[c] = total;
    }
    for (int[] b : blockOf) {
      double u = rng.nextDouble() * total;
      int c = 0;
      while (c < cumulative.length - 1 && cumulative[c] <= u) {
        c++;
      }
      int[] chosen = clusterings.get(c);
      for (int i = 0; i < k; i++) {
        b[part.get(i)] = part.get(chosen[i]);
      }
    }
  }

  /**
   * Clusterings of atoms 0..k-1 as {@code block[i]} = the first atom of i's block, each block a set
   * of atoms every two of which may share a person.
   */
  private static void enumerate(
      int i,
      int[] block,
      int blocks,
      double logWeight,
      boolean[][] ok,
      double[][] w,
      List<int[]> out,
      List<Double> weights) {
    int k = block.length;
    if (i == k) {
      out.add(block.clone());
      weights.add(logWeight);
      return;
    }
    block[i] = i;
    enumerate(i + 1, block, blocks + 1, logWeight, ok, w, out, weights);
    for (int head = 0; head < i; head++) {
      if (block[head] != head) {
        continue;
      }
      double add = 0;
      boolean fits = true;
      for (int j = head; j < i && fits; j++) {
        if (block[j] == head) {
          fits = ok[i][j];
          add += w[i][j];
        }
      }
      if (fits) {
        block[i] = head;
        enumerate(i + 1, block, blocks, logWeight + add, ok, w, out, weights);
      }
    }
    block[i] = i;
  }

  /**
   * Gibbs sampling of a large part: each atom in turn leaves its block and joins one of the blocks
   * it may join, or stands alone, with probability proportional to the product of the odds of its
   * contested pairs into that block. Starts from the run's clustering (always allowed).
   */
  static void gibbs(
      List<Integer> part,
      Map<Integer, Map<Integer, Double>> allowed,
      int[] runBlockOfAtom,
      int[][] blockOf,
      SplittableRandom rng) {
    int k = part.size();
    Map<Integer, Integer> local = new HashMap<>();
    for (int i = 0; i < k; i++) {
      local.put(part.get(i), i);
    }
    int[][] nb = new int[k][];
    double[][] nw = new double[k][];
    for (int i = 0; i < k; i++) {
      Map<Integer, Double> m = allowed.get(part.get(i));
      nb[i] = new int[m.size()];
      nw[i] = new double[m.size()];
      int c = 0;
      for (Map.Entry<Integer, Double> e : new java.util.TreeMap<>(m).entrySet()) {
        nb[i][c] = local.get(e.getKey());
        nw[i][c++] = e.getValue();
      }
    }
    // block labels 0..k-1; the run's clustering to start
    int[] block = new int[k];
    Map<Integer, Integer> runLabel = new HashMap<>();
    int[] members = new int[k];
    for (int i = 0; i < k; i++) {
      block[i] = runLabel.computeIfAbsent(runBlockOfAtom[part.get(i)], x -> runLabel.size());
      members[block[i]]++;
    }
    double[] score = new double[k];
    int[] hits = new int[k];
    int[] candidates = new int[k + 1];
    double[] weight = new double[k + 1];
    int sweeps = BURN_IN_SWEEPS;
    for (int[] out : blockOf) {
      for (int s = 0; s < sweeps; s++) {
        for (int i = 0; i < k; i++) {
          members[block[i]]--;
          int n = 0;
          for (int c = 0; c < nb[i].length; c++) {
            int b = block[nb[i][c]];
            if (hits[b] == 0) {
              candidates[n++] = b;
              score[b] = 0;
            }
            hits[b]++;
            score[b] += nw[i][c];
          }
          // a block is open to atom i only if i may share a person with all its members
          int open = 0;
          double max = 0;
          for (int c = 0; c < n; c++) {
            int b = candidates[c];
            if (hits[b] == members[b]) {
              candidates[open++] = b;
              max = Math.max(max, score[b]);
            }
          }
          for (int c = 0; c < nb[i].length; c++) {
            hits[block[nb[i][c]]] = 0;
          }
          double total = Math.exp(-max); // standing alone: weight 1
          for (int c = 0; c < open; c++) {
            weight[c] = Math.exp(score[candidates[c]] - max);
            total += weight[c];
          }
          double u = rng.nextDouble() * total;
          int chosen = -1;
          for (int c = 0; c < open; c++) {
            u -= weight[c];
            if (u < 0) {
              chosen = candidates[c];
              break;
            }
          }
          if (chosen < 0) {
            // a new block: any label no atom holds
            if (members[block[i]] == 0) {
              chosen = block[i];
            } else {
              chosen = 0;
              while (members[chosen] > 0) {
                chosen++;
              }
            }
          }
          block[i] = chosen;
          members[chosen]++;
        }
      }
      sweeps = THIN_SWEEPS;
      int[] head = new int[k];
      Arrays.fill(head, -1);
      for (int i = 0; i < k; i++) {
        if (head[block[i]] < 0) {
          head[block[i]] = part.get(i);
        }
        out[part.get(i)] = head[block[i]];
      }
    }
  }
}
