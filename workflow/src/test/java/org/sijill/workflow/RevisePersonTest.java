package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.LinkDecision;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.Report;
import org.sijill.linkage.Settings;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * A case of three generated lists with deaths over six months: a reviewer splits a record off a
 * person and merges two persons on the person page's use case, and the next run's persons follow;
 * estimates by period put each person in the month most of its records give.
 */
class RevisePersonTest {
  @TempDir static Path files;
  static CaseFile caseFile;
  static Settings settings;

  @BeforeAll
  static void importAndLink() throws Exception {
    caseFile = TestDatabases.openCase();
    // Six months of deaths in towns across the country, so that a period stratum means something.
    GeneratorConfig six =
        new GeneratorConfig(
            5,
            400,
            GeneratorConfig.example(5, 400).lists(),
            GeneratorConfig.countryPlaces(),
            java.time.LocalDate.of(2024, 10, 1),
            java.time.LocalDate.of(2025, 3, 31));
    GeneratedLists g = VictimListGenerator.generate(six);
    GeneratedCase.importLists(caseFile, g, files);
    Path s = files.resolve("settings.json");
    Files.writeString(s, VictimListSettings.json(), StandardCharsets.UTF_8);
    settings = LinkCase.settings(s);
    link();
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  private static LinkageRun link() {
    return new LinkCase(caseFile)
        .link(LinkCase.Request.of(settings, "analyst"), ProgressListener.NONE)
        .run();
  }

  private static long personOf(Map<Long, List<VictimRecord>> persons, long victim) {
    return persons.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(r -> r.id() == victim))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSplitAndAMergeAreDecisionsWithWhoAndTheNextRunFollowsThem() {
    RevisePerson revise = new RevisePerson(caseFile);
    LinkageRun before = caseFile.linkageRuns().current().orElseThrow();
    Map<Long, List<VictimRecord>> persons = caseFile.linkageRuns().records(before.id());
    // A person of three or more records loses one; two persons of one record each become one.
    Map.Entry<Long, List<VictimRecord>> big =
        persons.entrySet().stream().filter(e -> e.getValue().size() >= 3).findFirst().orElseThrow();
    List<Map.Entry<Long, List<VictimRecord>>> singles =
        persons.entrySet().stream().filter(e -> e.getValue().size() == 1).limit(2).toList();
    assertThat(singles).hasSize(2);
    VictimRecord leaving = big.getValue().get(1);

    RevisePerson.Result split = revise.splitOff(big.getKey(), leaving.id(), "reviewer-7");
    assertThat(split.run()).isEqualTo(before.id());
    assertThat(split.decisionIds()).hasSize(big.getValue().size() - 1);
    RevisePerson.Result merge =
        revise.merge(singles.get(0).getKey(), singles.get(1).getKey(), "reviewer-8");
    assertThat(merge.decisionIds()).hasSize(1);
    Map<Long, LinkDecision> stored = new HashMap<>();
    caseFile.linkDecisions().decisions().forEach(d -> stored.put(d.id(), d));
    assertThat(split.decisionIds())
        .allSatisfy(
            id -> {
              assertThat(stored.get(id).decision()).isEqualTo("different");
              assertThat(stored.get(id).decidedBy()).isEqualTo("reviewer-7");
              assertThat(stored.get(id).recordedAt()).isNotNull();
            });
    assertThat(stored.get(merge.decisionIds().get(0)).decision()).isEqualTo("same");
    assertThat(stored.get(merge.decisionIds().get(0)).decidedBy()).isEqualTo("reviewer-8");
    // The run in force is unchanged until the next run.
    assertThat(caseFile.linkageRuns().current().orElseThrow().id()).isEqualTo(before.id());

    LinkageRun after = link();
    assertThat(after.decisionIds())
        .containsAll(split.decisionIds())
        .containsAll(merge.decisionIds());
    Map<Long, List<VictimRecord>> next = caseFile.linkageRuns().records(after.id());
    long leftPerson = personOf(next, leaving.id());
    for (VictimRecord r : big.getValue()) {
      if (r.id() != leaving.id()) {
        assertThat(personOf(next, r.id())).as("record %d", r.id()).isNotEqualTo(leftPerson);
      }
    }
    assertThat(personOf(next, singles.get(0).getValue().get(0).id()))
        .isEqualTo(personOf(next, singles.get(1).getValue().get(0).id()));
  }

  @Test
  void revisionsThatDoNotFitThePersonsAreRefusedAndRecordNothing() {
    RevisePerson revise = new RevisePerson(caseFile);
    LinkageRun run = caseFile.linkageRuns().current().orElseThrow();
    Map<Long, List<VictimRecord>> persons = caseFile.linkageRuns().records(run.id());
    Map.Entry<Long, List<VictimRecord>> single =
        persons.entrySet().stream().filter(e -> e.getValue().size() == 1).findFirst().orElseThrow();
    Map.Entry<Long, List<VictimRecord>> other =
        persons.entrySet().stream().filter(e -> e.getValue().size() >= 2).findFirst().orElseThrow();
    int decisions = caseFile.linkDecisions().decisions().size();
    long id = single.getKey();
    long victim = single.getValue().get(0).id();
    assertThatThrownBy(() -> revise.splitOff(id, victim, "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only this record");
    assertThatThrownBy(() -> revise.splitOff(other.getKey(), victim, "r"))
        .hasMessageContaining("is not one of person " + other.getKey());
    assertThatThrownBy(() -> revise.merge(id, id, "r")).hasMessageContaining("itself");
    assertThatThrownBy(() -> revise.merge(id, 999_999_999L, "r"))
        .hasMessageContaining("has no person 999999999");
    assertThat(caseFile.linkDecisions().decisions()).hasSize(decisions);
  }

  @Test
  void estimatesByPeriodPutEachPersonInTheMonthMostOfItsRecordsGive() {
    EstimateCase.Result r =
        new EstimateCase(caseFile)
            .estimate(
                new EstimateCase.Request(
                    EstimationOptions.defaults(3)
                        .withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR)),
                    List.of(EstimateCase.PERIOD),
                    "analyst"),
                ProgressListener.NONE);
    // The generated lists have no period column: the month of each record's date of death counts,
    // the most common per person (ties to the earliest month), blank when no record has a date.
    Map<String, Long> expected = new TreeMap<>();
    for (List<VictimRecord> records : caseFile.linkageRuns().records(r.run().id()).values()) {
      Map<String, Integer> months = new TreeMap<>();
      for (VictimRecord v : records) {
        String d = v.dateOfDeath() == null ? "" : v.dateOfDeath().strip();
        if (d.length() >= 7) {
          months.merge(d.substring(0, 7), 1, Integer::sum);
        }
      }
      String month = "(blank)";
      int best = 0;
      for (Map.Entry<String, Integer> m : months.entrySet()) {
        if (m.getValue() > best) {
          month = m.getKey();
          best = m.getValue();
        }
      }
      expected.merge(month, 1L, Long::sum);
    }
    Map<String, Long> reported = new TreeMap<>();
    for (Report s : r.report().strata()) {
      reported.put(s.stratum(), s.documented());
    }
    assertThat(reported).isEqualTo(expected);
    assertThat(reported.size()).as("months from October to March").isGreaterThanOrEqualTo(6);
    assertThat(reported.keySet()).allMatch(k -> k.matches("\\d{4}-\\d{2}|\\(blank\\)"));
    assertThat(caseFile.estimates().ofEstimation(r.estimationId()))
        .filteredOn(e -> e.stratum() != null)
        .allSatisfy(e -> assertThat(e.strata()).isEqualTo("period"));
  }
}
