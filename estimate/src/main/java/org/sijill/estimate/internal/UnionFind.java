package org.sijill.estimate.internal;

/**
 * Disjoint sets of the indexes 0..n-1, joined by {@link #union}. Each set is named by its smallest
 * index, so the labels {@link #labels} returns do not depend on the order the unions came in.
 */
public final class UnionFind {
  private final int[] parent;

  public UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  /** The smallest index in {@code i}'s set (halving the path on the way). */
  public int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  public void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** Every index's set, by the set's smallest index. */
  public int[] labels() {
    int[] label = new int[parent.length];
    for (int i = 0; i < label.length; i++) {
      label[i] = find(i);
    }
    return label;
  }
}
