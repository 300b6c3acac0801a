package org.sijill.linkage.synthetic;

import java.util.List;

/** The rows of one generated list, in file order. */
public record GeneratedList(String name, List<SyntheticRow> rows) {
  public GeneratedList {
    rows = List.copyOf(rows);
  }
}
