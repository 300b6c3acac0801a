package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Estimate;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.Report;

/**
 * Rebuilds a published report's numbers from the case file and says which differ: the numbers from
 * the linkage run and estimation the report names ({@code data/inputs.json}), and the estimates
 * themselves re-run from that run's capture table with the recorded options and seed (first
 * checking that the rebuilt table has the recorded SHA-256). Nothing is stored.
 */
public final class ReproduceReport {
  private final CaseFile caseFile;

  public ReproduceReport(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * @param differences each number that differs, by its place in {@code data/numbers.json}
   * @param checked how many numbers were compared
   */
  public record Result(List<String> differences, int checked) {
    public boolean identical() {
      return differences.isEmpty();
    }
  }

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
      return new Result(List.copyOf(diffs), checked[0]);
    }
    EstimationOptions options;
    try {
      options =
          ReportContent.JSON.treeToValue(
              inputs.path("estimation").path("options"), EstimationOptions.class);
    } catch (IOException | IllegalArgumentException e) {
      diffs.add("estimation options: cannot be read back (" + e.getMessage() + ")");
      return new Result(List.copyOf(diffs), checked[0]);
    }
    progress.progress("re-running the estimation with seed " + options.seed(), 0, -1);
    Report rerun = EstimateCase.report(caseFile, run, data, strata, options, progress);
    Map<String, String> labels = ReportListLabels.labels(caseFile);
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
      // The same rows, in the same order, as EstimateCase stores them: the recommended first.
      List<org.sijill.estimate.Estimate> rows = new ArrayList<>();
      if (r != null) {
        boolean marked = false;
        for (org.sijill.estimate.Estimate x : r.estimates()) {
          if (!marked && x.equals(r.recommended())) {
            rows.add(0, x);
            marked = true;
          } else {
            rows.add(x);
          }
        }
        if (!marked && r.recommended() != null) {
          rows.add(0, r.recommended());
        }
      }
      int i = 0;
      for (JsonNode e : s.path("estimates")) {
        String where =
            "strata/" + name + "/" + e.path("method").asText() + " " + e.path("model").asText();
        checked[0]++;
        org.sijill.estimate.Estimate match = i < rows.size() ? rows.get(i) : null;
        i++;
        if (match == null
            || !match.method().key().equals(e.path("method").asText())
            || !ReportListLabels.relabel(match.model(), labels).equals(e.path("model").asText())) {
          diffs.add(where + ": the re-run gives no such estimate in this place");
          continue;
        }
        same(where + " total", e.path("total"), match.total(), diffs);
        same(where + " lower", e.path("lower"), match.lower(), diffs);
        same(where + " upper", e.path("upper"), match.upper(), diffs);
      }
    }
    return new Result(List.copyOf(diffs), checked[0]);
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
