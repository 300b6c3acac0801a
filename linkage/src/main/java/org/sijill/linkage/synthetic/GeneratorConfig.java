package org.sijill.linkage.synthetic;

import java.time.LocalDate;
import java.util.List;

/**
 * A synthetic scenario: one population of simulated people who died in a date window at a set of
 * places, documented by several lists.
 *
 * @param seed random seed; the same config gives the same lists, byte for byte
 * @param populationSize number of (simulated) people who died
 * @param lists the documenting lists
 * @param places where deaths happen, chosen by weight
 * @param from first date of death (inclusive)
 * @param to last date of death (inclusive)
 * @param captureHeterogeneity standard deviation, on the logit scale, of a per-person visibility
 *     shared by all lists (0 = lists capture independently; larger = some people are on every list
 *     and others on none, the case that biases naive capture-recapture)
 */
public record GeneratorConfig(
    long seed,
    int populationSize,
    List<ListSpec> lists,
    List<Place> places,
    LocalDate from,
    LocalDate to,
    double captureHeterogeneity) {

  public GeneratorConfig {
    lists = List.copyOf(lists);
    places = List.copyOf(places);
    if (populationSize < 0) {
      throw new IllegalArgumentException("populationSize must be ≥ 0");
    }
    if (lists.isEmpty() || places.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one list and one place");
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("date window is empty: " + from + ".." + to);
    }
    if (lists.stream().map(ListSpec::name).distinct().count() != lists.size()) {
      throw new IllegalArgumentException("list names must be distinct");
    }
  }

  /** Independent capture (no heterogeneity). */
  public GeneratorConfig(
      long seed,
      int populationSize,
      List<ListSpec> lists,
      List<Place> places,
      LocalDate from,
      LocalDate to) {
    this(seed, populationSize, lists, places, from, to, 0.0);
  }

  /**
   * A ready scenario: three lists (Arabic 0.5, Latin 0.4, mixed 0.3) over four coastal places and
   * the week 2025-03-06..12.
   */
  public static GeneratorConfig example(long seed, int populationSize) {
    return new GeneratorConfig(
        seed,
        populationSize,
        List.of(
            new ListSpec("list-a", 0.5, Script.ARABIC),
            new ListSpec("list-b", 0.4, Script.LATIN),
            new ListSpec("list-c", 0.3, Script.MIXED)),
        examplePlaces(),
        LocalDate.of(2025, 3, 6),
        LocalDate.of(2025, 3, 12),
        0.0);
  }

  /** Four places of the Syrian coast with their common Latin spellings. */
  public static List<Place> examplePlaces() {
    return List.of(
        new Place("جبلة", List.of("Jableh", "Jebleh", "Jablah", "Jabla"), "Latakia", 4),
        new Place("بانياس", List.of("Baniyas", "Banias", "Banyas"), "Tartus", 3),
        new Place("اللاذقية", List.of("Latakia", "Lattakia", "Al-Ladhiqiyah"), "Latakia", 2),
        new Place("القرداحة", List.of("Qardaha", "Al-Qardaha", "Kardaha"), "Latakia", 1));
  }
}
