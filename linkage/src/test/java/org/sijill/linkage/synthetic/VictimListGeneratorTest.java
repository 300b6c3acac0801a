package org.sijill.linkage.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VictimListGeneratorTest {

  @Test
  void sameSeedGivesSameListsAndCapturesFollowTheProbabilities() {
    GeneratedLists a = VictimListGenerator.generate(GeneratorConfig.example(7, 4000));
    GeneratedLists b = VictimListGenerator.generate(GeneratorConfig.example(7, 4000));
    assertThat(a).isEqualTo(b);
    assertThat(a.lists())
        .extracting(GeneratedList::name)
        .containsExactly("list-a", "list-b", "list-c");
    // Capture probabilities 0.5 / 0.4 / 0.3, plus ~3% duplicates.
    assertThat(distinctPersons(a.lists().get(0))).isBetween(1850, 2150);
    assertThat(distinctPersons(a.lists().get(1))).isBetween(1450, 1750);
    assertThat(distinctPersons(a.lists().get(2))).isBetween(1050, 1350);
    GeneratedList l = a.lists().get(0);
    assertThat(l.rows().size() - distinctPersons(l)).isGreaterThan(20);
    assertThat(a.populationSize()).isEqualTo(4000);
    assertThat(a.documentedPersons()).isBetween(3000, 3500);
  }

  @Test
  void statusAndCauseAreSometimesMisrecordedAtTheDocumentedRates() {
    GeneratorConfig config = GeneratorConfig.example(7, 20000);
    GeneratedLists g = VictimListGenerator.generate(config);
    // The population as the generator draws it (its first split of the seed's stream).
    Map<String, Person> truth = new HashMap<>();
    for (Person p :
        Population.draw(config, new java.util.SplittableRandom(config.seed()).split())) {
      truth.put(p.id(), p);
    }
    int statuses = 0;
    int wrongStatus = 0;
    int causes = 0;
    int wrongCause = 0;
    int explosive = 0;
    int explosiveSwapped = 0;
    for (GeneratedList l : g.lists()) {
      for (SyntheticRow r : l.rows()) {
        Person p = truth.get(r.personId());
        if (!r.get("status").isEmpty()) {
          statuses++;
          wrongStatus += r.get("status").equals(p.status()) ? 0 : 1;
        }
        String cause = r.get("cause");
        if (!cause.isEmpty()) {
          causes++;
          int recorded = List.of(Renderer.CAUSE_LATIN).indexOf(cause);
          recorded = recorded >= 0 ? recorded : List.of(Renderer.CAUSE_ARABIC).indexOf(cause);
          assertThat(recorded).as(cause).isNotNegative();
          if (recorded != p.cause()) {
            wrongCause++;
            if (p.cause() == 1 || p.cause() == 2) {
              explosive++;
              explosiveSwapped += recorded == 3 - p.cause() ? 1 : 0;
            }
          }
        }
      }
    }
    // About 20,000 recorded values of each: the rates are within a few standard errors.
    assertThat((double) wrongStatus / statuses).isBetween(0.04, 0.06);
    assertThat((double) wrongCause / causes).isBetween(0.085, 0.115);
    // Shelling and air strikes are mistaken for each other, not for anything else.
    assertThat(explosive).isPositive();
    assertThat(explosiveSwapped).isEqualTo(explosive);
  }

  @Test
  void theCountrywideScenarioSpreadsDeathsOverYearsAndTowns() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.countrywide(3, 3000));
    Set<String> years = new HashSet<>();
    Set<String> places = new HashSet<>();
    for (SyntheticRow r : g.lists().get(0).rows()) { // list-a is written in Arabic script
      String d = r.get("date_of_death");
      if (!d.isEmpty()) {
        years.add(d.substring(0, 4));
        assertThat(LocalDate.parse(d.length() == 7 ? d + "-01" : d))
            .isBetween(LocalDate.of(2011, 3, 1), LocalDate.of(2024, 12, 8));
      }
      places.add(r.get("place_of_death"));
    }
    assertThat(years).hasSizeGreaterThanOrEqualTo(13);
    assertThat(places).hasSizeGreaterThan(30);
  }

  @Test
  void scriptsFollowTheListSpecAndColumnsAreCanonical() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(1, 600));
    for (SyntheticRow r : g.lists().get(0).rows()) {
      assertThat(r.get("full_name")).matches(".*[\\u0600-\\u06FF].*");
      assertThat(r.values().keySet()).containsExactlyInAnyOrderElementsOf(GeneratedLists.COLUMNS);
      String d = r.get("date_of_death");
      assertThat(d).matches("|\\d{4}-\\d{2}(-\\d{2})?");
    }
    for (SyntheticRow r : g.lists().get(1).rows()) {
      assertThat(r.get("full_name")).doesNotMatch(".*[\\u0600-\\u06FF].*");
    }
  }

  @Test
  void relativesShareFatherAndFamilyNamesButAreDifferentPeople() {
    GeneratedLists g =
        VictimListGenerator.generate(
            new GeneratorConfig(
                3,
                3000,
                List.of(new ListSpec("all", 1.0, Script.LATIN, 0, 0)),
                GeneratorConfig.examplePlaces(),
                LocalDate.of(2025, 3, 6),
                LocalDate.of(2025, 3, 12)));
    Map<String, Set<String>> personsByFatherAndFamily = new HashMap<>();
    for (SyntheticRow r : g.lists().get(0).rows()) {
      personsByFatherAndFamily
          .computeIfAbsent(r.get("father_name") + "|" + r.get("family_name"), k -> new HashSet<>())
          .add(r.personId());
    }
    assertThat(personsByFatherAndFamily.values().stream().filter(s -> s.size() > 1).count())
        .isGreaterThan(100);
  }

  @Test
  void writesListsAndTruth(@TempDir Path dir) throws Exception {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(5, 300));
    List<Path> files = g.writeCsv(dir);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("list-a.csv", "list-b.csv", "list-c.csv");
    List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(String.join(",", GeneratedLists.COLUMNS));
    assertThat(lines).hasSize(g.lists().get(0).rows().size() + 1);
    List<String> truth = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
    assertThat(truth.get(0)).isEqualTo("source,record_id,person_id");
    assertThat(truth).hasSize(1 + g.lists().stream().mapToInt(l -> l.rows().size()).sum());
  }

  private static int distinctPersons(GeneratedList l) {
    Set<String> s = new HashSet<>();
    l.rows().forEach(r -> s.add(r.personId()));
    return s.size();
  }
}
