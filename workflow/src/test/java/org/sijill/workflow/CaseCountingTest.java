package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.Estimate;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.Person;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.Estimates;
import org.sijill.casefile.repo.LinkageRuns;
import org.sijill.casefile.repo.Page;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.MultipleSystemsEstimation;
import org.sijill.estimate.Report;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * Three generated lists imported into a case, linked and estimated there, and the same lists linked
 * and estimated from files: the case stores what file mode gives. Then a reviewer's decision and a
 * second run.
 */
class CaseCountingTest {
  @TempDir static Path files;
  static CaseFile caseFile;
  static List<Path> lists;
  static Settings settings;

  static final EstimationOptions OPTIONS =
      EstimationOptions.defaults(7)
          .withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR))
          .withLcmcr(0, 200, 200, 1, 2);

  @BeforeAll
  static void importLists() throws Exception {
    caseFile = TestDatabases.openCase();
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(11, 400));
    lists = GeneratedCase.importLists(caseFile, g, files);
    settings = GeneratedCase.settings(files);
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  /** Persons as sets of "list/record_id". */
  static Set<Set<String>> partition(Map<Long, List<VictimRecord>> persons) {
    Set<Set<String>> out = new HashSet<>();
    for (List<VictimRecord> rs : persons.values()) {
      Set<String> p = new HashSet<>();
      rs.forEach(r -> p.add(r.listName() + "/" + r.recordId()));
      out.add(p);
    }
    return out;
  }

  @Test
  void theCaseStoresWhatFileModeGivesThenADecisionMakesASecondRun() throws Exception {
    // file mode
    List<Source> sources = new ArrayList<>();
    for (Path f : lists) {
      sources.add(Source.read(f, Linker.columns(settings), null));
    }
    LinkResult file =
        new Linker(settings, Mode.LINK_AND_DEDUPE).link(sources, List.of(), List.of(), l -> {});
    Map<Integer, Set<String>> fileClusters = new HashMap<>();
    for (int i = 0; i < file.size(); i++) {
      fileClusters
          .computeIfAbsent(file.cluster(i), k -> new HashSet<>())
          .add(file.source(i) + "/" + file.recordId(i));
    }
    Path clustersFile = files.resolve("clusters.csv");
    file.writeClusters(clustersFile);
    Report fileReport =
        MultipleSystemsEstimation.estimate(
            CaptureData.readClusters(clustersFile), OPTIONS, l -> {});

    // case mode (another test may have linked the case already: this run then supersedes it)
    Long previousRun = caseFile.linkageRuns().current().map(LinkageRun::id).orElse(null);
    Path caseClusters = files.resolve("case-clusters.csv");
    Path review = files.resolve("review.csv");
    LinkCase.Result first =
        new LinkCase(caseFile)
            .link(
                new LinkCase.Request(
                    settings, Mode.LINK_AND_DEDUPE, null, null, caseClusters, review, "analyst"),
                ProgressListener.NONE);
    LinkageRun run1 = first.run();
    assertThat(run1.supersedes()).isEqualTo(previousRun);
    assertThat(first.records()).isEqualTo(file.size());
    assertThat(first.persons()).isEqualTo(file.clusterCount());
    assertThat(first.lists()).containsExactly("list-a", "list-b", "list-c");
    assertThat(run1.model()).contains("\"lambda\"").contains("full_name");
    assertThat(run1.settings()).contains("place_of_death");
    assertThat(run1.softwareVersion()).startsWith("sijill ");
    LinkageRuns runs = caseFile.linkageRuns();
    Map<Long, List<VictimRecord>> persons1 = runs.records(run1.id());
    assertThat(partition(persons1)).isEqualTo(new HashSet<>(fileClusters.values()));
    assertThat(Files.readAllLines(caseClusters)).hasSize(file.size() + 1);
    // The run's contested pairs are stored with the probability the linkage replicates draw them
    // with: the model's, or the clustering's weight for a pair the mutual-best rule linked.
    Map<Set<String>, Double> fileDraws = new HashMap<>();
    int promoted = 0;
    for (int k : file.reviewPairs()) {
      int l = file.left(k);
      int r = file.right(k);
      fileDraws.put(
          Set.of(file.source(l) + "/" + file.recordId(l), file.source(r) + "/" + file.recordId(r)),
          file.drawProbability(k));
      promoted += file.promoted(k) ? 1 : 0;
    }
    Map<Long, String> nameOf = new HashMap<>();
    persons1
        .values()
        .forEach(rs -> rs.forEach(r -> nameOf.put(r.id(), r.listName() + "/" + r.recordId())));
    List<LinkageRuns.ReviewPair> storedPairs = caseFile.linkageReview().reviewPairs(run1.id());
    assertThat(storedPairs).hasSize(fileDraws.size());
    int drawnOtherwise = 0;
    for (LinkageRuns.ReviewPair rp : storedPairs) {
      Set<String> key = Set.of(nameOf.get(rp.leftVictimId()), nameOf.get(rp.rightVictimId()));
      assertThat(rp.drawProbability()).isEqualTo(fileDraws.get(key));
      drawnOtherwise += rp.drawProbability() != rp.probability() ? 1 : 0;
    }
    assertThat(drawnOtherwise).isEqualTo(promoted).isPositive();

    EstimateCase.Result est =
        new EstimateCase(caseFile)
            .estimate(
                new EstimateCase.Request(OPTIONS, List.of(), "analyst"), ProgressListener.NONE);
    assertThat(est.report().recommended()).isEqualTo(fileReport.recommended());
    Estimate stored = caseFile.estimates().recommended().orElseThrow();
    assertThat(stored.total()).isEqualTo(fileReport.recommended().total());
    assertThat(stored.lowerBound()).isEqualTo(fileReport.recommended().lower());
    assertThat(stored.upperBound()).isEqualTo(fileReport.recommended().upper());
    assertThat(stored.method()).isEqualTo(fileReport.recommended().method().key());
    assertThat(stored.linkageRunId()).isEqualTo(run1.id());
    assertThat(stored.seed()).isEqualTo(7L);
    assertThat(stored.inputSha256()).isEqualTo(est.inputSha256()).hasSize(64);
    assertThat(stored.stratum()).isNull();
    // A newer estimation that recommends nothing (the rule refused a number) leaves the case
    // without a recommended estimate: the older one is not put forward in its place.
    caseFile
        .estimates()
        .store(
            new Estimates.NewEstimation(
                run1.id(),
                List.of("list-a", "list-b", "list-c"),
                List.of(),
                8L,
                est.inputSha256(),
                "{}",
                org.sijill.estimate.ReportJson.toJson(est.report()),
                "test"),
            List.of(
                new Estimates.NewEstimate(
                    null, "lcmcr", "K=7", stored.total(), null, null, false, "{}")),
            "analyst");
    assertThat(caseFile.estimates().recommended()).isEmpty();

    // A reviewer overrules the most contested pair.
    LinkageRuns.ReviewPair contested = caseFile.linkageReview().reviewPairs(run1.id()).get(0);
    Map<Long, VictimRecord> byId = new HashMap<>();
    persons1.values().forEach(rs -> rs.forEach(r -> byId.put(r.id(), r)));
    VictimRecord a = byId.get(contested.leftVictimId());
    VictimRecord b = byId.get(contested.rightVictimId());
    String decision = contested.same() ? "cannot-link" : "must-link";
    Path decisions = files.resolve("decisions.csv");
    Files.writeString(
        decisions,
        "source_l,record_id_l,source_r,record_id_r,decision\n"
            + String.join(",", a.listName(), a.recordId(), b.listName(), b.recordId(), decision)
            + "\n");
    LinkCase.Result second =
        new LinkCase(caseFile)
            .link(
                new LinkCase.Request(
                    settings, Mode.LINK_AND_DEDUPE, decisions, null, null, null, "reviewer-1"),
                ProgressListener.NONE);
    LinkageRun run2 = second.run();
    assertThat(second.decisionsRecorded()).isEqualTo(1);
    assertThat(run2.supersedes()).isEqualTo(run1.id());
    assertThat(runs.current().orElseThrow().id()).isEqualTo(run2.id());
    assertThat(run2.decisionIds()).hasSize(1);
    assertThat(caseFile.linkDecisions().decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.decidedBy()).isEqualTo("reviewer-1"));

    // The review desk's next pair is the first of the run's queue without a decision in force.
    ReviewQueue queue = new ReviewQueue(caseFile);
    var seen = org.sijill.workflow.access.Visibility.everything(caseFile);
    List<ReviewQueue.Pair> all = queue.pairs(run2.id(), seen);
    ReviewQueue.Next next = queue.next(run2.id(), seen);
    assertThat(next.total()).isEqualTo(all.size());
    assertThat(next.decided()).isEqualTo(all.stream().filter(p -> p.decision() != null).count());
    ReviewQueue.Pair expected =
        all.stream().filter(p -> p.decision() == null).findFirst().orElseThrow();
    assertThat(next.pair().pairId()).isEqualTo(expected.pairId());
    assertThat(next.pair().left()).isEqualTo(expected.left());
    assertThat(next.pair().right()).isEqualTo(expected.right());
    assertThat(next.pair().probability()).isEqualTo(expected.probability());

    Map<Long, List<VictimRecord>> persons2 = runs.records(run2.id());
    Long personOfA = personOf(persons2, a.id());
    Long personOfB = personOf(persons2, b.id());
    assertThat(personOfA.equals(personOfB)).isEqualTo(!contested.same());

    // Every person whose records did not change keeps its id.
    Map<Set<Long>, Long> before = new HashMap<>();
    persons1.forEach((id, rs) -> before.put(ids(rs), id));
    int unchanged = 0;
    for (Map.Entry<Long, List<VictimRecord>> p : persons2.entrySet()) {
      Long old = before.get(ids(p.getValue()));
      if (old != null) {
        assertThat(p.getKey()).isEqualTo(old);
        unchanged++;
      }
    }
    assertThat(unchanged).isGreaterThan(persons2.size() * 9 / 10);
    assertThat(run2.keptPersonIds()).isGreaterThanOrEqualTo(unchanged);

    // The first run stays readable, as it was.
    assertThat(partition(runs.records(run1.id()))).isEqualTo(partition(persons1));
    Page<Person> page = caseFile.persons().list(run1.id(), 1, 10);
    assertThat(page.total()).isEqualTo(first.persons());
    assertThat(page.items()).hasSize(10);
    assertThat(page.items().get(0).records()).isNotEmpty();
  }

  @Test
  void aDecisionAboutAnUnknownRecordIsRefusedAndNothingIsStored() throws Exception {
    Path decisions = files.resolve("bad-decisions.csv");
    Files.writeString(
        decisions,
        "source_l,record_id_l,source_r,record_id_r,decision\nlist-a,nope,list-b,nope,must-link\n");
    int before = caseFile.linkDecisions().decisions().size();
    assertThatThrownBy(() -> new RecordDecisions(caseFile).fromFile(decisions, null, "someone"))
        .isInstanceOf(CountingException.class)
        .hasMessageContaining("bad-decisions.csv:2")
        .hasMessageContaining("list-a/nope");
    assertThat(caseFile.linkDecisions().decisions()).hasSize(before);
  }

  @Test
  void strataComeFromThePersonsRecordsAndEachStratumIsStored() {
    if (caseFile.linkageRuns().current().isEmpty()) {
      new LinkCase(caseFile).link(LinkCase.Request.of(settings, "analyst"), ProgressListener.NONE);
    }
    EstimateCase.Result r =
        new EstimateCase(caseFile)
            .estimate(
                new EstimateCase.Request(
                    OPTIONS.withLinkageReplicates(4), List.of("governorate"), "analyst"),
                ProgressListener.NONE);
    assertThat(r.report().strata()).isNotEmpty();
    List<Estimate> stored = caseFile.estimates().ofEstimation(r.estimationId());
    assertThat(stored.get(0).stratum()).isNull();
    Set<String> strata = new HashSet<>();
    for (Estimate e : stored) {
      assertThat(e.strata()).isEqualTo("governorate");
      assertThat(e.linkageRunId()).isEqualTo(r.run().id());
      assertThat(e.inputSha256()).isEqualTo(r.inputSha256());
      if (e.stratum() != null) {
        strata.add(e.stratum());
      }
    }
    Set<String> reported = new HashSet<>();
    r.report().strata().forEach(s -> reported.add(s.stratum()));
    assertThat(strata).isEqualTo(reported).isNotEmpty();
    // each stratum's recommended interval carries the linkage's uncertainty (issue 15), as the
    // total's does, and is stored as reported; a stratum left out says why
    int combined = 0;
    for (Report s : r.report().strata()) {
      if (s.recommended() == null) {
        continue;
      }
      if (s.recommended().interval().contains("linkage replicates")) {
        combined++;
        assertThat(s.recommended().details()).containsKey("plainTotal");
        Estimate row =
            stored.stream()
                .filter(e -> s.stratum().equals(e.stratum()) && e.recommended())
                .findFirst()
                .orElseThrow();
        assertThat(row.total()).isEqualTo(s.recommended().total());
        assertThat(row.result()).contains("linkageShareOfWidth");
      } else {
        assertThat(s.warnings()).anyMatch(w -> w.contains("not estimable in every replicate"));
      }
    }
    assertThat(combined).isPositive();
    // every documented person is in exactly one stratum
    long documented = r.report().strata().stream().mapToLong(Report::documented).sum();
    assertThat(documented).isEqualTo(r.run().personCount());
    assertThatThrownBy(
            () ->
                new EstimateCase(caseFile)
                    .estimate(
                        new EstimateCase.Request(OPTIONS, List.of("no_such_field"), "analyst"),
                        ProgressListener.NONE))
        .isInstanceOf(CountingException.class)
        .hasMessageContaining("no_such_field");
  }

  private static Long personOf(Map<Long, List<VictimRecord>> persons, long victim) {
    return persons.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(r -> r.id() == victim))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static Set<Long> ids(List<VictimRecord> rs) {
    Set<Long> s = new HashSet<>();
    rs.forEach(r -> s.add(r.id()));
    return s;
  }
}
