package org.sijill.casefile.repo;

import java.util.List;

/** One page of a longer list: the items, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /** The row offset of a page, in long arithmetic so that a huge page number cannot overflow. */
  public static long offset(int page, int size) {
    return ((long) Math.max(1, page) - 1) * size;
  }

  /** Clamps user-supplied paging to sane values (page ≥ 1, 1 ≤ size ≤ 500). */
  public static int[] clamp(int page, int size) {
    return new int[] {Math.max(1, page), Math.min(500, Math.max(1, size))};
  }
}
