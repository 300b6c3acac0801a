package org.sijill.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.linkage.Settings;
import org.sijill.linkage.compare.Agreement;
import org.sijill.linkage.names.Names;

/**
 * A pair's match weight as a waterfall, as Splink draws it: start from the prior (the fitted share
 * of candidate pairs that match, as log2 odds), then each compared field adds {@code log2(m/u)} of
 * the level the two records agree at — m and u from the run's stored fitted model — and the sum
 * gives a probability. A missing value adds nothing.
 *
 * <p>This is the two-class Fellegi–Sunter view. The run's own probability can differ a little: it
 * also adjusts agreement on a common name by the name's frequency and, with households on, weighs a
 * third class (relatives). Both numbers are shown so a reviewer sees the difference.
 */
public final class ExplainPair {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseFile caseFile;

  public ExplainPair(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * One field's step.
   *
   * @param level -1 when either side is missing
   * @param weight {@code log2(m/u)} at that level (0 when missing)
   * @param before the running log2 odds before this field
   * @param leftLatin the left value romanised when it is written in Arabic script, else null
   */
  public record Step(
      String column,
      String left,
      String right,
      String leftLatin,
      String rightLatin,
      int level,
      String label,
      Double m,
      Double u,
      double weight,
      double before) {
    public double after() {
      return before + weight;
    }
  }

  /**
   * @param prior log2 odds of a match before any field is compared
   * @param total log2 odds after every field
   * @param probability {@code total} as a probability
   * @param note what this view leaves out, or null
   */
  public record Waterfall(
      long runId, double prior, List<Step> steps, double total, double probability, String note) {
    public Waterfall {
      steps = List.copyOf(steps);
    }
  }

  /** The waterfall of two records under run {@code runId}'s settings and fitted model. */
  public Optional<Waterfall> explain(long runId, long leftVictimId, long rightVictimId) {
    Optional<LinkageRun> found = caseFile.linkageRuns().find(runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, VictimRecord> records =
        caseFile.victims().byIds(List.of(leftVictimId, rightVictimId));
    VictimRecord a = records.get(leftVictimId);
    VictimRecord b = records.get(rightVictimId);
    if (a == null || b == null) {
      return Optional.empty();
    }
    return Optional.of(explain(found.get(), a, b));
  }

  /**
   * The waterfall of two records as the caller holds them: a record its reader may not see
   * (redacted, its row as imported withheld) compares as missing on every field.
   */
  public Waterfall explain(LinkageRun run, VictimRecord a, VictimRecord b) {
    Settings settings = VictimListSettings.parse(run.settings());
    JsonNode model;
    try {
      model = JSON.readTree(run.model());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("linkage run " + run.id() + " has an unreadable model", e);
    }
    Map<String, JsonNode> fields = new HashMap<>();
    model.path("fields").forEach(f -> fields.put(f.path("column").asText(), f));
    Map<String, String> left = values(settings, a);
    Map<String, String> right = values(settings, b);
    double lambda = model.path("lambda").asDouble();
    double prior = log2(lambda / (1 - lambda));
    double running = prior;
    List<Step> steps = new ArrayList<>();
    for (Agreement.Level l : Agreement.of(settings, left, right)) {
      JsonNode f = fields.get(l.column());
      Double m = null;
      Double u = null;
      double w = 0;
      if (l.level() >= 0 && f != null && f.path("m").size() > l.level()) {
        m = f.path("m").get(l.level()).asDouble();
        u = f.path("u").get(l.level()).asDouble();
        w = m > 0 && u > 0 ? log2(m / u) : 0;
      }
      steps.add(
          new Step(
              l.column(),
              left.get(l.column()),
              right.get(l.column()),
              latin(left.get(l.column())),
              latin(right.get(l.column())),
              l.level(),
              l.label(),
              m,
              u,
              w,
              running));
      running += w;
    }
    List<String> notes = new ArrayList<>();
    if (Boolean.TRUE.equals(settings.termFrequency())) {
      notes.add("the run also weighs how common an agreeing name is");
    }
    if (!model.path("lambdaRelatives").isNull() && !model.path("lambdaRelatives").isMissingNode()) {
      notes.add("the run also weighs whether the two are relatives rather than one person");
    }
    double p = 1 / (1 + Math.pow(2, -running));
    return new Waterfall(
        run.id(),
        prior,
        steps,
        running,
        p,
        notes.isEmpty()
            ? null
            : "The run's probability can differ a little: " + String.join("; ", notes) + ".");
  }

  private Map<String, String> values(Settings settings, VictimRecord r) {
    RawRow raw = new RawRow(r, caseFile.sealer());
    Map<String, String> out = new HashMap<>();
    settings.fields().forEach(f -> out.put(f.column(), raw.get(f.column())));
    return out;
  }

  private static String latin(String v) {
    if (v == null || v.codePoints().noneMatch(c -> c >= 0x0600 && c <= 0x06FF)) {
      return null;
    }
    return Names.romanise(v);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
