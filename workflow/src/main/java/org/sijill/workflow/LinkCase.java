package org.sijill.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkDecision;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.LinkageRuns;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.LinkageException;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;

/**
 * Links every list imported into the case and stores the result as a new linkage run that
 * supersedes the previous one.
 *
 * <p>The input is {@link LinkageRuns#input()}: per list name, its records in import and line order,
 * lists in name order. A record's values are read from the row as imported (by column name,
 * trimmed, as {@code sijill link} reads a file), so linking the case gives the same persons as
 * linking the same files in file mode. The review decisions in force (the newest per pair; "unsure"
 * is not used) bind the clustering as must-link / cannot-link. Persons keep their ids across runs
 * by the rule of {@link PersonIds}.
 */
public final class LinkCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseFile caseFile;

  public LinkCase(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * What to link and where to write copies.
   *
   * @param decisions a decisions file to record first (with {@code by} as who decided), or null
   * @param decisionsEncoding its character set, or null for UTF-8
   * @param clustersOut where to write {@code cluster_id,source,record_id} (cluster id = person id),
   *     or null
   * @param reviewOut where to write the pairs to review (the format {@code --decisions} reads), or
   *     null
   */
  public record Request(
      Settings settings,
      Mode mode,
      Path decisions,
      Charset decisionsEncoding,
      Path clustersOut,
      Path reviewOut,
      String by) {
    public static Request of(Settings settings, String by) {
      return new Request(settings, Mode.LINK_AND_DEDUPE, null, null, null, null, by);
    }
  }

  /**
   * The stored run and what it did.
   *
   * @param lists the lists linked
   * @param decisionsRecorded decisions read from the request's file and stored before linking
   */
  public record Result(LinkageRun run, List<String> lists, int decisionsRecorded) {
    public int records() {
      return run.recordCount();
    }

    public int persons() {
      return run.personCount();
    }

    public int toReview() {
      return run.reviewCount();
    }
  }

  /** Reads a settings file, with the file, line and key of any problem. */
  public static Settings settings(Path file) {
    try {
      return Settings.read(file);
    } catch (LinkageException e) {
      throw new CountingException(e.getMessage(), e);
    }
  }

  public Result link(Request request, ProgressListener progress) {
    LinkageRuns runs = caseFile.linkageRuns();
    int recorded = 0;
    if (request.decisions() != null) {
      recorded =
          new RecordDecisions(caseFile)
              .fromFile(request.decisions(), request.decisionsEncoding(), request.by())
              .decisionIds()
              .size();
    }
    progress.progress("reading the case's lists", 0, -1);
    List<VictimRecord> input =
        caseFile.linkageInput().input(n -> progress.progress("reading the case's lists", n, -1));
    if (input.isEmpty()) {
      throw new CountingException(
          "the case holds no victim lists yet: import some with sijill import-list");
    }
    Settings settings = request.settings();
    List<String> columns = Linker.columns(settings);
    Map<String, List<VictimRecord>> byList = new LinkedHashMap<>();
    for (VictimRecord r : input) {
      byList.computeIfAbsent(r.listName(), k -> new ArrayList<>()).add(r);
    }
    List<Source> sources = new ArrayList<>();
    List<VictimRecord> order = new ArrayList<>(input.size());
    Map<String, Integer> index = new HashMap<>();
    for (Map.Entry<String, List<VictimRecord>> e : byList.entrySet()) {
      List<String[]> rows = new ArrayList<>(e.getValue().size());
      for (VictimRecord r : e.getValue()) {
        rows.add(values(r, columns, settings.id()));
        index.put(key(r.listName(), r.recordId()), order.size());
        order.add(r);
      }
      sources.add(Source.of(e.getKey(), columns, rows));
    }

    Map<Long, VictimRecord> byId = new HashMap<>();
    order.forEach(r -> byId.put(r.id(), r));
    List<Decision> decisions = new ArrayList<>();
    List<Long> decisionIds = new ArrayList<>();
    for (LinkDecision d : caseFile.linkDecisions().decisions()) {
      VictimRecord a = byId.get(d.leftVictimId());
      VictimRecord b = byId.get(d.rightVictimId());
      if (a == null || b == null || d.decision().equals("unsure")) {
        continue; // a record no longer linked (replaced by a newer import), or no decision
      }
      decisions.add(
          new Decision(
              a.listName(),
              a.recordId(),
              b.listName(),
              b.recordId(),
              Decision.Verdict.of(d.decision()),
              "decision " + d.id() + " by " + d.decidedBy()));
      decisionIds.add(d.id());
    }

    LinkResult result;
    try {
      result =
          new Linker(settings, request.mode())
              .link(sources, decisions, List.of(), line -> progress.progress(line, 0, -1));
    } catch (LinkageException e) {
      throw new CountingException(e.getMessage(), e);
    }

    // Records by result index (the linker keeps input order; map by name to be safe).
    long[] victim = new long[result.size()];
    for (int i = 0; i < result.size(); i++) {
      Integer at = index.get(key(result.source(i), result.recordId(i)));
      victim[i] = order.get(at).id();
    }
    double[] best = new double[result.size()];
    java.util.Arrays.fill(best, -1);
    for (int k = 0; k < result.pairCount(); k++) {
      int a = result.left(k);
      int b = result.right(k);
      if (result.cluster(a) == result.cluster(b)) {
        double p = result.probability(k);
        best[a] = Math.max(best[a], p);
        best[b] = Math.max(best[b], p);
      }
    }
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < result.clusterCount(); i++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < result.size(); i++) {
      members.get(result.cluster(i)).add(i);
    }
    List<Set<Long>> clusters = new ArrayList<>(members.size());
    for (List<Integer> m : members) {
      Set<Long> s = new LinkedHashSet<>();
      m.forEach(i -> s.add(victim[i]));
      clusters.add(s);
    }
    LinkageRun previous = runs.current().orElse(null);
    List<Long> keep =
        previous == null
            ? java.util.Collections.nCopies(clusters.size(), (Long) null)
            : PersonIds.assign(runs.persons(previous.id()), clusters);
    List<LinkageRuns.NewPerson> persons = new ArrayList<>(members.size());
    for (int c = 0; c < members.size(); c++) {
      List<LinkageRuns.NewLink> links = new ArrayList<>();
      boolean alone = members.get(c).size() == 1;
      for (int i : members.get(c)) {
        links.add(new LinkageRuns.NewLink(victim[i], alone || best[i] < 0 ? null : best[i]));
      }
      persons.add(
          new LinkageRuns.NewPerson(
              keep.get(c), byId.get(victim[members.get(c).get(0)]).displayName(), links));
    }
    List<LinkageRuns.ReviewPair> review = new ArrayList<>();
    for (int k : result.reviewPairs()) {
      int a = result.left(k);
      int b = result.right(k);
      review.add(
          new LinkageRuns.ReviewPair(
              victim[a],
              victim[b],
              result.probability(k),
              result.cluster(a) == result.cluster(b),
              result.drawProbability(k)));
    }
    long rows = persons.size() + review.size();
    for (LinkageRuns.NewPerson p : persons) {
      rows += p.links().size();
    }
    long storedRows = rows;
    progress.progress("storing the linkage run", 0, storedRows);
    LinkageRuns.Stored stored;
    try {
      stored =
          runs.store(
              new LinkageRuns.NewRun(
                  previous == null ? null : previous.id(),
                  JSON.writeValueAsString(settings),
                  request.mode().key(),
                  JSON.writeValueAsString(result.model()),
                  List.copyOf(byList.keySet()),
                  decisionIds,
                  result.size(),
                  result.pairCount(),
                  SoftwareVersion.current()),
              persons,
              review,
              request.by(),
              done -> progress.progress("storing the linkage run", done, storedRows));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the settings or model as JSON", e);
    } catch (IllegalStateException e) {
      throw new CountingException(e.getMessage(), e);
    }
    storeTruth(stored.run().id(), result, victim, byId, request.mode());
    if (request.clustersOut() != null) {
      writeClusters(request.clustersOut(), members, victim, byId, stored.personIds());
    }
    if (request.reviewOut() != null) {
      try {
        result.writeReview(request.reviewOut());
      } catch (IOException e) {
        throw new CountingException(request.reviewOut() + ": cannot write: " + e.getMessage(), e);
      }
    }
    return new Result(stored.run(), List.copyOf(byList.keySet()), recorded);
  }

  /**
   * When the lists carry a ground truth ({@link GroundTruth#COLUMN}, generated lists only), stores
   * how the run scored against it. A case whose keys are locked cannot open a sealed truth column:
   * the run then stands without a score.
   */
  private void storeTruth(
      long runId, LinkResult result, long[] victim, Map<Long, VictimRecord> byId, Mode mode) {
    String[] truth = new String[result.size()];
    try {
      for (int i = 0; i < truth.length; i++) {
        RawRow raw = new RawRow(byId.get(victim[i]), caseFile.sealer());
        String v = raw.has(GroundTruth.COLUMN) ? raw.get(GroundTruth.COLUMN) : "";
        truth[i] = v.isEmpty() ? null : v;
      }
    } catch (CountingException e) {
      return;
    }
    org.sijill.casefile.model.RunTruth scored = GroundTruth.score(result, truth, mode == Mode.LINK);
    if (scored != null) {
      caseFile.linkageRuns().storeTruth(runId, scored);
    }
  }

  /**
   * The values of the linked columns, read from the row as imported ({@link RawRow}); the id column
   * is the record id.
   */
  private String[] values(VictimRecord r, List<String> columns, String idColumn) {
    RawRow raw = new RawRow(r, caseFile.sealer());
    String[] v = new String[columns.size()];
    for (int c = 0; c < v.length; c++) {
      String col = columns.get(c);
      v[c] = col.equals(idColumn) ? r.recordId() : raw.get(col);
    }
    return v;
  }

  private static void writeClusters(
      Path file,
      List<List<Integer>> members,
      long[] victim,
      Map<Long, VictimRecord> byId,
      List<Long> personIds) {
    long[] person = new long[victim.length];
    for (int c = 0; c < members.size(); c++) {
      for (int i : members.get(c)) {
        person[i] = personIds.get(c);
      }
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(w)) {
      p.printRecord("cluster_id", "source", "record_id");
      for (int i = 0; i < victim.length; i++) {
        VictimRecord r = byId.get(victim[i]);
        p.printRecord(person[i], r.listName(), r.recordId());
      }
    } catch (IOException e) {
      throw new CountingException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static String key(String list, String recordId) {
    return list + '\u0000' + recordId;
  }
}
