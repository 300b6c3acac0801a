package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Estimate;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.estimate.AlgorithmVersion;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.Report;

/**
 * Rebuilds a published report's numbers from the case file and says which differ: the numbers from
 * the linkage run and estimation the report names ({@code data/inputs.json}), and the estimates
 * themselves re-run from that run's capture table with the recorded options and seed (first
 * checking that the rebuilt table has the recorded SHA-256). Nothing is stored.
 *
 * <p>For each method whose re-run numbers differ it says whether the report's version of an
 * algorithm those numbers depend on (the method's, the linkage replicates' for a combined estimate,
 * the recommendation rule's for the recommended one; {@code estimation.algorithm_versions} in
 * {@code data/inputs.json}, version 1 when the report records none) differs from this build's: then
 * the difference is expected, otherwise nothing here explains it.
 */
public final class ReproduceReport {
  private final CaseFile caseFile;

  public ReproduceReport(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * @param differences each number that differs, by its place in {@code data/numbers.json}
   * @param checked how many numbers were compared
   * @param methods for each method whose re-run numbers differ, whether a change of algorithm
   *     version explains it, in a sentence; a method can have one explained and one unexplained
   *     entry (its recommended row's rule changed, another row's numbers did not have to)
   */
  public record Result(List<String> differences, int checked, List<MethodDifference> methods) {
    public Result {
      differences = List.copyOf(differences);
      methods = List.copyOf(methods);
    }

    public boolean identical() {
      return differences.isEmpty();
    }

    /** How many differing numbers a change of algorithm version explains. */
    public int explained() {
      return methods.stream().filter(MethodDifference::explained).mapToInt(m -> m.numbers()).sum();
    }
  }

  /**
   * One method's re-run numbers that differ from the report's.
   *
   * @param method the method's key as the report names it ("lcmcr")
   * @param explained whether the report's version of an algorithm they depend on differs from this
   *     build's (the sampler changed, not the data)
   * @param numbers how many of its numbers differ
   * @param sentence the reason in words: "1 LCMCR number differs: the report was made with LCMCR
   *     sampler version 1, this build has version 2 - expected: ..."
   */
  public record MethodDifference(String method, boolean explained, int numbers, String sentence) {}

  public Result reproduce(Path dir, ProgressListener progress) {
    JsonNode published;
    JsonNode inputs;
    try {
      published = ReportContent.JSON.readTree(dir.resolve("data/numbers.json").toFile());
      inputs = ReportContent.JSON.readTree(dir.resolve("data/inputs.json").toFile());
    } catch (IOException e) {
      throw new PublishException(dir + ": not a report folder (" + e.getMessage() + ")", e);
    }
    long runId = inputs.path("linkage_run").path("id").asLong();
    long estimationId = inputs.path("estimation").path("id").asLong();
    LinkageRun run =
        caseFile
            .linkageRuns()
            .find(runId)
            .orElseThrow(() -> new PublishException("this case has no linkage run " + runId));
    List<Estimate> stored = caseFile.estimates().ofEstimation(estimationId);
    if (stored.isEmpty()) {
      throw new PublishException("this case has no estimation " + estimationId);
    }
    progress.progress("rebuilding the numbers of linkage run " + runId, 0, -1);
    ReportContent now = ReportContent.read(caseFile, run, stored);
    List<String> diffs = new ArrayList<>();
    int[] checked = {0};
    compare("", published, now.numbers(), diffs, checked);

    // Re-run the estimation itself from the run's capture table.
    List<String> strata = new ArrayList<>();
    inputs.path("estimation").path("strata").forEach(s -> strata.add(s.asText()));
    CaptureData data = EstimateCase.capture(caseFile, run, strata);
    String sha = EstimateCase.inputHash(data, strata);
    String recorded = inputs.path("estimation").path("input_sha256").asText();
    checked[0]++;
    if (!sha.equals(recorded)) {
      diffs.add(
          "estimation input: the capture table's SHA-256 is "
              + sha
              + ", the report records "
              + recorded);
      return new Result(diffs, checked[0], List.of());
    }
    EstimationOptions options;
    try {
      options =
          ReportContent.JSON.treeToValue(
              inputs.path("estimation").path("options"), EstimationOptions.class);
    } catch (IOException | IllegalArgumentException e) {
      diffs.add("estimation options: cannot be read back (" + e.getMessage() + ")");
      return new Result(diffs, checked[0], List.of());
    }
    progress.progress("re-running the estimation with seed " + options.seed(), 0, -1);
    Report rerun = EstimateCase.report(caseFile, run, data, strata, options, progress);
    Map<String, String> labels = ReportListLabels.labels(caseFile);
    VersionCheck versions =
        new VersionCheck(inputs.path("estimation").path(ReportContent.ALGORITHM_VERSIONS));
    // Combined over linkage replicates: asked for, and done (a run with no contested pair is
    // estimated once, and records no linkage uncertainty).
    boolean combined =
        options.linkageReplicates() > 0
            && inputs.path("estimation").path("linkage_uncertainty").isObject();
    // Per method (in the order the report names them), the algorithms its differing rows depend
    // on and how many numbers differ, kept apart for rows a version change explains and rows none
    // does.
    Map<String, Differing> explained = new LinkedHashMap<>();
    Map<String, Differing> unexplained = new LinkedHashMap<>();
    for (JsonNode s : published.path("strata")) {
      String name = s.path("stratum").asText();
      Report r = rerun;
      if (!name.equals("all")) {
        r = null;
        if (rerun.strata() != null) {
          for (Report x : rerun.strata()) {
            if (name.equals(x.stratum())) {
              r = x;
            }
          }
        }
      }
      // The recommended row is matched with the re-run's recommended estimate, every other row
      // with the first unmatched estimate of the same method and model: a recommendation that
      // moved to another estimate then names that row alone.
      List<org.sijill.estimate.Estimate> unmatched =
          r == null ? new ArrayList<>() : new ArrayList<>(r.estimates());
      if (r != null) {
        // The recommended estimate is its own row, not also one among the others (EstimateCase).
        unmatched.remove(r.recommended());
      }
      int i = 0;
      for (JsonNode e : s.path("estimates")) {
        String method = e.path("method").asText();
        String model = e.path("model").asText();
        boolean recommended = e.path("recommended").asBoolean(i == 0);
        i++;
        String where = "strata/" + name + "/" + method + " " + model;
        checked[0]++;
        org.sijill.estimate.Estimate match = null;
        if (recommended) {
          match = r == null ? null : r.recommended();
        } else {
          for (org.sijill.estimate.Estimate x : unmatched) {
            if (same(x, method, model, labels)) {
              match = x;
              break;
            }
          }
          unmatched.remove(match);
        }
        int before = diffs.size();
        if (match == null || !same(match, method, model, labels)) {
          diffs.add(where + ": " + noMatch(r, name, recommended, match, labels));
        } else {
          same(where + " total", e.path("total"), match.total(), diffs);
          same(where + " lower", e.path("lower"), match.lower(), diffs);
          same(where + " upper", e.path("upper"), match.upper(), diffs);
        }
        int differing = diffs.size() - before;
        if (differing > 0) {
          java.util.Set<AlgorithmVersion> depends =
              VersionCheck.algorithms(method, combined, recommended);
          (versions.changed(depends).isEmpty() ? unexplained : explained)
              .computeIfAbsent(method, k -> new Differing())
              .add(depends, differing);
        }
      }
    }
    List<MethodDifference> methods = new ArrayList<>();
    explained.forEach((m, d) -> methods.add(versions.explain(m, d.algorithms, d.numbers)));
    unexplained.forEach((m, d) -> methods.add(versions.explain(m, d.algorithms, d.numbers)));
    return new Result(List.copyOf(diffs), checked[0], methods);
  }

  /** A method's differing rows: the algorithms they depend on and how many numbers differ. */
  private static final class Differing {
    final java.util.Set<AlgorithmVersion> algorithms = EnumSet.noneOf(AlgorithmVersion.class);
    int numbers;

    void add(java.util.Set<AlgorithmVersion> depends, int differing) {
      algorithms.addAll(depends);
      numbers += differing;
    }
  }

  /** Why a row of the report has no estimate of the same method and model in the re-run. */
  private static String noMatch(
      Report stratum,
      String name,
      boolean recommended,
      org.sijill.estimate.Estimate match,
      Map<String, String> labels) {
    if (stratum == null) {
      return "the re-run has no stratum " + name;
    }
    if (!recommended) {
      return "the re-run gives no such estimate";
    }
    if (match == null) {
      return "the re-run recommends no number";
    }
    return "the re-run recommends "
        + match.method().key()
        + " "
        + ReportListLabels.relabel(match.model(), labels);
  }

  private static boolean same(
      org.sijill.estimate.Estimate x, String method, String model, Map<String, String> labels) {
    return x.method().key().equals(method)
        && ReportListLabels.relabel(x.model(), labels).equals(model);
  }

  private static void same(String where, JsonNode published, Double rerun, List<String> diffs) {
    Double p = published.isNumber() ? published.asDouble() : null;
    Double r = rerun == null ? null : ReportContent.round(rerun);
    if (p == null ? r != null : !p.equals(r)) {
      diffs.add(where + ": report " + p + ", re-run " + r);
    }
  }

  private static void compare(
      String path, JsonNode a, JsonNode b, List<String> diffs, int[] checked) {
    if (a.isObject() && b.isObject()) {
      Iterator<String> names = a.fieldNames();
      while (names.hasNext()) {
        String k = names.next();
        compare(path + "/" + k, a.get(k), b.path(k), diffs, checked);
      }
      b.fieldNames()
          .forEachRemaining(
              k -> {
                if (!a.has(k)) {
                  diffs.add(path + "/" + k + ": not in the report, rebuilt " + b.get(k));
                }
              });
    } else if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        diffs.add(path + ": report has " + a.size() + " items, rebuilt " + b.size());
      }
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        JsonNode x = a.get(i);
        String label =
            x.has("stratum")
                ? x.get("stratum").asText()
                : x.has("method")
                    ? x.get("method").asText()
                    : x.has("id") ? x.get("id").asText() : String.valueOf(i);
        compare(path + "/" + label, x, b.get(i), diffs, checked);
      }
    } else {
      checked[0]++;
      boolean same =
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue()) == 0
              : a.equals(b);
      if (!same) {
        diffs.add(path.substring(1) + ": report " + a + ", rebuilt " + b);
      }
    }
  }
}
