package org.sijill.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.Estimates.StoredEstimation;
import org.sijill.estimate.ReportJson;

/**
 * A stored estimation read back for the estimates page: per stratum the persons documented, every
 * method's total with its interval, the recommended one and why, the spread across models and the
 * warnings — all from the report exactly as it was stored, so the page shows what was computed, not
 * a recomputation.
 */
public final class EstimationResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseFile caseFile;

  public EstimationResults(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** One method's estimate; bounds are null when the method could not find them. */
  public record Line(
      String method, String model, double total, Double lower, Double upper, boolean recommended) {}

  /**
   * One stratum, or the whole case ({@code name} null).
   *
   * @param spread the range across credible models in one sentence, or null
   */
  public record Stratum(
      String name,
      long documented,
      List<Line> estimates,
      Line recommended,
      String recommendedBecause,
      String spread,
      List<String> warnings) {
    public Stratum {
      estimates = List.copyOf(estimates);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * A stored estimation with its inputs: the run it counted, strata fields, seed, input hash.
   *
   * @param algorithmVersions the versions of the algorithms that made it, in words ("algorithm
   *     versions: log-linear fit 1, LCMCR sampler 2, ..."), or that none were recorded
   */
  public record Results(
      long estimationId,
      long linkageRunId,
      List<String> strataFields,
      List<String> lists,
      long seed,
      String inputSha256,
      String softwareVersion,
      String algorithmVersions,
      Instant recordedAt,
      String recordedBy,
      Stratum whole,
      List<Stratum> strata) {
    public Results {
      strataFields = List.copyOf(strataFields);
      lists = List.copyOf(lists);
      strata = List.copyOf(strata);
    }
  }

  /** The newest estimation of the case, if it was ever estimated. */
  public Optional<Results> latest() {
    return caseFile.estimates().latestEstimation().map(EstimationResults::read);
  }

  /** The estimation with this id, if there is one. */
  public Optional<Results> of(long estimationId) {
    return caseFile.estimates().estimation(estimationId).map(EstimationResults::read);
  }

  static Results read(StoredEstimation e) {
    JsonNode report;
    try {
      report = JSON.readTree(e.reportJson());
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("estimation " + e.id() + " has an unreadable report", x);
    }
    List<String> lists = new ArrayList<>();
    report.path("lists").forEach(n -> lists.add(n.asText()));
    List<Stratum> strata = new ArrayList<>();
    report.path("strata").forEach(s -> strata.add(stratum(s)));
    return new Results(
        e.id(),
        e.linkageRunId(),
        e.strata(),
        lists,
        e.seed(),
        e.inputSha256(),
        e.softwareVersion(),
        VersionCheck.describe(report.path(ReportJson.VERSIONS)),
        e.recordedAt(),
        e.recordedBy(),
        stratum(report),
        strata);
  }

  private static Stratum stratum(JsonNode r) {
    JsonNode rec = r.path("recommended");
    List<Line> lines = new ArrayList<>();
    boolean marked = false;
    for (JsonNode e : r.path("estimates")) {
      boolean isRec = !marked && rec.isObject() && same(e, rec);
      marked |= isRec;
      lines.add(line(e, isRec));
    }
    Line recommended = rec.isObject() ? line(rec, true) : null;
    if (recommended != null && !marked) {
      lines.add(recommended);
    }
    List<String> warnings = new ArrayList<>();
    r.path("warnings").forEach(w -> warnings.add(w.asText()));
    return new Stratum(
        r.hasNonNull("stratum") ? r.get("stratum").asText() : null,
        r.path("documented").asLong(),
        lines,
        recommended,
        text(r.get("recommendedBecause")),
        text(r.path("spread").get("summary")),
        warnings);
  }

  private static boolean same(JsonNode a, JsonNode b) {
    return a.path("method").asText().equals(b.path("method").asText())
        && a.path("model").asText().equals(b.path("model").asText())
        && a.path("total").asDouble() == b.path("total").asDouble();
  }

  private static Line line(JsonNode e, boolean recommended) {
    return new Line(
        e.path("method").asText(),
        e.path("model").asText(),
        e.path("total").asDouble(),
        number(e.get("lower")),
        number(e.get("upper")),
        recommended);
  }

  private static Double number(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.asDouble();
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
  }
}
