package org.sijill.linkage.csv;

import java.util.List;

/** A list file that was refused, with every problem found (up to the reader's limit). */
public final class ListFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ListFile.Problem> problems;

  public ListFileException(List<ListFile.Problem> problems) {
    super(String.join("\n", problems.stream().map(ListFile.Problem::toString).toList()));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refused file has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code FILE:LINE: column: reason}, in file order. */
  public List<ListFile.Problem> problems() {
    return problems;
  }
}
