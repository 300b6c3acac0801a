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

  /**
   * A countrywide scenario for large runs: the three lists of {@link #example}, deaths over
   * 2011-03-15..2024-12-08 at {@link #countryPlaces} (40 towns in all 14 governorates). The example
   * (one week, four towns) is the March 2025 coast; scaled to a million records it makes 640,000
   * people die in four towns in seven days, where namesakes share the day and the town far more
   * often than in any real list of that size.
   */
  public static GeneratorConfig countrywide(long seed, int populationSize) {
    return new GeneratorConfig(
        seed,
        populationSize,
        example(seed, populationSize).lists(),
        countryPlaces(),
        LocalDate.of(2011, 3, 15),
        LocalDate.of(2024, 12, 8),
        0.0);
  }

  /** Forty Syrian towns and cities, Arabic and Latin spellings, weighted roughly by size. */
  public static List<Place> countryPlaces() {
    return List.of(
        new Place("دمشق", List.of("Damascus", "Dimashq"), "Damascus", 8),
        new Place("حلب", List.of("Aleppo", "Halab"), "Aleppo", 8),
        new Place("حمص", List.of("Homs", "Hims"), "Homs", 6),
        new Place("حماة", List.of("Hama", "Hamah"), "Hama", 5),
        new Place("اللاذقية", List.of("Latakia", "Lattakia", "Al-Ladhiqiyah"), "Latakia", 4),
        new Place("طرطوس", List.of("Tartus", "Tartous"), "Tartus", 3),
        new Place("إدلب", List.of("Idlib", "Idleb"), "Idlib", 4),
        new Place("درعا", List.of("Daraa", "Deraa", "Dar'a"), "Daraa", 4),
        new Place(
            "دير الزور", List.of("Deir ez-Zor", "Deir Ezzor", "Dayr al-Zawr"), "Deir ez-Zor", 4),
        new Place("الرقة", List.of("Raqqa", "Al-Raqqah"), "Raqqa", 3),
        new Place("الحسكة", List.of("Hasakah", "Al-Hasakah", "Hassakeh"), "Hasakah", 2),
        new Place("القامشلي", List.of("Qamishli", "Al-Qamishli", "Kamishli"), "Hasakah", 2),
        new Place("السويداء", List.of("Suwayda", "As-Suwayda", "Sweida"), "Suwayda", 2),
        new Place("القنيطرة", List.of("Quneitra", "Al-Qunaytirah"), "Quneitra", 1),
        new Place("دوما", List.of("Douma", "Duma"), "Rif Dimashq", 4),
        new Place("داريا", List.of("Darayya", "Daraya"), "Rif Dimashq", 3),
        new Place("حرستا", List.of("Harasta", "Harastā"), "Rif Dimashq", 2),
        new Place("الزبداني", List.of("Zabadani", "Al-Zabadani"), "Rif Dimashq", 2),
        new Place("يبرود", List.of("Yabroud", "Yabrud"), "Rif Dimashq", 1),
        new Place("النبك", List.of("Nabk", "An-Nabk"), "Rif Dimashq", 1),
        new Place("جبلة", List.of("Jableh", "Jebleh", "Jablah", "Jabla"), "Latakia", 2),
        new Place("بانياس", List.of("Baniyas", "Banias", "Banyas"), "Tartus", 2),
        new Place("القرداحة", List.of("Qardaha", "Al-Qardaha", "Kardaha"), "Latakia", 1),
        new Place("صافيتا", List.of("Safita", "Safitha"), "Tartus", 1),
        new Place("مصياف", List.of("Masyaf", "Misyaf"), "Hama", 1),
        new Place("السلمية", List.of("Salamiyah", "Salamieh"), "Hama", 1),
        new Place("الرستن", List.of("Rastan", "Ar-Rastan"), "Homs", 2),
        new Place("تلبيسة", List.of("Talbiseh", "Talbisah"), "Homs", 1),
        new Place("القصير", List.of("Qusayr", "Al-Qusayr"), "Homs", 2),
        new Place("تدمر", List.of("Palmyra", "Tadmur"), "Homs", 1),
        new Place("معرة النعمان", List.of("Maarat al-Numan", "Ma'arrat al-Nu'man"), "Idlib", 3),
        new Place("سراقب", List.of("Saraqib", "Saraqeb"), "Idlib", 2),
        new Place("جسر الشغور", List.of("Jisr al-Shughur", "Jisr ash-Shughur"), "Idlib", 2),
        new Place("منبج", List.of("Manbij", "Membij"), "Aleppo", 2),
        new Place("الباب", List.of("Al-Bab", "Bab"), "Aleppo", 2),
        new Place("اعزاز", List.of("Azaz", "A'zaz"), "Aleppo", 1),
        new Place("عفرين", List.of("Afrin", "Efrin"), "Aleppo", 1),
        new Place("نوى", List.of("Nawa", "Nawā"), "Daraa", 1),
        new Place("الميادين", List.of("Mayadin", "Al-Mayadin"), "Deir ez-Zor", 2),
        new Place("البوكمال", List.of("Albukamal", "Abu Kamal"), "Deir ez-Zor", 2));
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
