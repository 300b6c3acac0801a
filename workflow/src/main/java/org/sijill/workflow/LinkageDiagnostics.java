package org.sijill.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.Person;
import org.sijill.casefile.repo.LinkageRuns.ReviewPair;
import org.sijill.casefile.repo.Page;

/**
 * The diagnostics a statistician expects of a linkage run (the set Splink draws): the fitted
 * model's m and u per field and level with the weight each level carries, a histogram of match
 * weights, how many records each person has, and how the lists overlap (UpSet-style: persons per
 * exact combination of lists).
 *
 * <p>The run stores, per record, the highest match probability joining it to another record of its
 * person, and the probability of each pair sent to review; the histogram is of those (as match
 * weights, log2 of the odds), not of every scored candidate pair, which a run does not keep.
 */
public final class LinkageDiagnostics {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;

  private final CaseFile caseFile;

  public LinkageDiagnostics(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** One level of one field: m, u and the weight {@code log2(m/u)}. */
  public record Level(int level, String label, double m, double u, double weight) {}

  public record Field(String column, String kind, List<Level> levels) {
    public Field {
      levels = List.copyOf(levels);
    }
  }

  /** Count of values in {@code [from, to)}. */
  public record Bin(double from, double to, long links, long reviewPairs) {}

  /** Persons on exactly these lists. */
  public record Overlap(List<String> lists, long persons) {
    public Overlap {
      lists = List.copyOf(lists);
    }
  }

  /**
   * @param lambda the fitted prior share of candidate pairs that match
   * @param recordsPerPerson how many persons have 1, 2, ... records
   * @param truth how the run scored against a ground truth its lists carry (blocking recall,
   *     pairwise precision and recall), or null when they carry none (real lists)
   */
  public record Report(
      LinkageRun run,
      double lambda,
      int iterations,
      boolean converged,
      List<Field> fields,
      List<Bin> weights,
      Map<Integer, Long> recordsPerPerson,
      List<Overlap> overlaps,
      org.sijill.casefile.model.RunTruth truth) {
    public Report {
      fields = List.copyOf(fields);
      weights = List.copyOf(weights);
      recordsPerPerson = Map.copyOf(recordsPerPerson);
      overlaps = List.copyOf(overlaps);
    }
  }

  /** The diagnostics of run {@code runId}, if there is such a run. */
  public Optional<Report> of(long runId) {
    return caseFile.linkageRuns().find(runId).map(this::report);
  }

  private Report report(LinkageRun run) {
    JsonNode model;
    try {
      model = JSON.readTree(run.model());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("linkage run " + run.id() + " has an unreadable model", e);
    }
    List<Field> fields = new ArrayList<>();
    for (JsonNode f : model.path("fields")) {
      List<Level> levels = new ArrayList<>();
      JsonNode labels = f.path("levels");
      for (int l = 0; l < f.path("m").size(); l++) {
        double m = f.path("m").get(l).asDouble();
        double u = f.path("u").get(l).asDouble();
        levels.add(
            new Level(
                l,
                labels.size() > l ? labels.get(l).asText() : String.valueOf(l),
                m,
                u,
                m > 0 && u > 0 ? log2(m / u) : 0));
      }
      fields.add(new Field(f.path("column").asText(), f.path("kind").asText(), levels));
    }
    Map<Integer, Long> sizes = new TreeMap<>();
    Map<List<String>, Long> overlaps = new java.util.HashMap<>();
    List<Double> links = new ArrayList<>();
    for (int page = 1; ; page++) {
      Page<Person> p = caseFile.persons().list(run.id(), page, PAGE);
      for (Person person : p.items()) {
        sizes.merge(person.records().size(), 1L, Long::sum);
        overlaps.merge(person.lists().stream().sorted().toList(), 1L, Long::sum);
        person.records().stream()
            .map(Person.Record::probability)
            .filter(x -> x != null)
            .forEach(links::add);
      }
      if ((long) page * PAGE >= p.total()) {
        break;
      }
    }
    List<Double> review = new ArrayList<>();
    for (ReviewPair r : caseFile.linkageReview().reviewPairs(run.id())) {
      review.add(r.probability());
    }
    List<Overlap> byCount = new ArrayList<>();
    overlaps.forEach((k, v) -> byCount.add(new Overlap(k, v)));
    byCount.sort(
        Comparator.comparingLong(Overlap::persons)
            .reversed()
            .thenComparing(o -> String.join(",", o.lists())));
    return new Report(
        run,
        model.path("lambda").asDouble(),
        model.path("iterations").asInt(),
        model.path("converged").asBoolean(),
        fields,
        histogram(links, review),
        sizes,
        byCount,
        caseFile.linkageRuns().truth(run.id()).orElse(null));
  }

  /** Match weights in bins of 2 from -20 to 30 (values beyond go to the end bins). */
  static List<Bin> histogram(List<Double> links, List<Double> review) {
    int lo = -20;
    int width = 2;
    int bins = 25;
    long[] a = new long[bins];
    long[] b = new long[bins];
    links.forEach(p -> a[bin(p, lo, width, bins)]++);
    review.forEach(p -> b[bin(p, lo, width, bins)]++);
    List<Bin> out = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      out.add(new Bin(lo + i * width, lo + (i + 1) * width, a[i], b[i]));
    }
    return out;
  }

  private static int bin(double p, int lo, int width, int bins) {
    double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    double w = log2(q / (1 - q));
    int i = (int) Math.floor((w - lo) / width);
    return Math.max(0, Math.min(bins - 1, i));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
