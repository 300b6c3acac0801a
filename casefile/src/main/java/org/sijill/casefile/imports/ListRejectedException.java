package org.sijill.casefile.imports;

import java.util.List;

/** A list that was refused, with every problem found (nothing of it was stored). */
public final class ListRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<ListProblem> problems;

  public ListRejectedException(List<ListProblem> problems) {
    super(problems.size() + " problem(s), first: " + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public List<ListProblem> problems() {
    return problems;
  }
}
