package org.sijill.linkage.synthetic;

import java.util.List;
import java.util.Objects;

/**
 * A place where deaths are recorded: its Arabic name, the Latin spellings lists use (the first is
 * the most common), its governorate, and its relative weight among the places of a scenario.
 */
public record Place(String arabic, List<String> latin, String governorate, double weight) {
  public Place {
    Objects.requireNonNull(arabic, "arabic");
    latin = List.copyOf(latin);
    if (latin.isEmpty()) {
      throw new IllegalArgumentException("a place needs at least one Latin spelling: " + arabic);
    }
    if (!(weight > 0)) {
      throw new IllegalArgumentException("place weight must be positive: " + arabic);
    }
  }
}
