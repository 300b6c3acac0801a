package org.sijill.bench.peers;

/** Union-find over record numbers: a peer's matched pairs become clusters (transitive closure). */
final class UnionFind {
  private final int[] parent;

  UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  void union(int a, int b) {
    parent[find(a)] = find(b);
  }
}
