package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sijill.estimate.AlgorithmVersion;
import org.sijill.estimate.EstimationOptions;

/**
 * Whether numbers that {@code report --reproduce} re-ran differently are explained by a change of
 * algorithm version between the build that made the report and this one, and the sentence that says
 * so. The recorded versions are {@code inputs.json}'s {@code estimation.algorithm_versions}; a
 * report made before versions were recorded has none, and every algorithm is then read as version 1
 * (the oldest).
 */
final class VersionCheck {
  private final JsonNode recorded;

  /**
   * @param recorded the report's {@code algorithm_versions} object (missing or null when it has
   *     none)
   */
  VersionCheck(JsonNode recorded) {
    this.recorded = recorded == null ? MissingNode.getInstance() : recorded;
  }

  /** The report's version of {@code a}: as recorded, or 1 when it records none. */
  int recorded(AlgorithmVersion a) {
    JsonNode v = recorded.path(a.key());
    return isRecorded(a) ? v.asInt() : 1;
  }

  private boolean isRecorded(AlgorithmVersion a) {
    JsonNode v = recorded.path(a.key());
    return v.isIntegralNumber() && v.asInt() >= 1;
  }

  /**
   * The algorithms one estimate's numbers depend on: its method's, the linkage replicates' when it
   * was combined over them, and the recommendation rule's when it is the recommended one.
   *
   * @param method the estimate's method key ("lcmcr"); an unknown key depends on no method version
   */
  static Set<AlgorithmVersion> algorithms(String method, boolean combined, boolean recommended) {
    Set<AlgorithmVersion> out = EnumSet.noneOf(AlgorithmVersion.class);
    for (EstimationOptions.Method m : EstimationOptions.Method.values()) {
      if (m.key().equals(method)) {
        out.add(AlgorithmVersion.of(m));
      }
    }
    if (combined) {
      out.add(AlgorithmVersion.LINKAGE_REPLICATES);
    }
    if (recommended) {
      out.add(AlgorithmVersion.RECOMMENDATION);
    }
    return out;
  }

  /** Those of {@code algorithms} whose version in the report is not this build's. */
  Set<AlgorithmVersion> changed(Set<AlgorithmVersion> algorithms) {
    Set<AlgorithmVersion> out = EnumSet.noneOf(AlgorithmVersion.class);
    for (AlgorithmVersion a : algorithms) {
      if (recorded(a) != a.version()) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * The sentence for a method some of whose numbers differ: explained when {@code algorithms} (the
   * algorithms those numbers depend on) hold a version that changed, unexplained otherwise.
   *
   * @param method the method's key, as the report names it
   * @param differing how many of its numbers differ
   */
  ReproduceReport.MethodDifference explain(
      String method, Set<AlgorithmVersion> algorithms, int differing) {
    Set<AlgorithmVersion> changed = changed(algorithms);
    String subject =
        differing + " " + label(method) + (differing == 1 ? " number differs" : " numbers differ");
    if (!changed.isEmpty()) {
      List<String> clauses = new ArrayList<>();
      for (AlgorithmVersion a : changed) {
        clauses.add(
            (isRecorded(a)
                    ? "the report was made with " + name(a) + " version " + recorded(a)
                    : "the report records no "
                        + name(a)
                        + " version (made before versions were recorded: read as version 1)")
                + ", this build has version "
                + a.version());
      }
      return new ReproduceReport.MethodDifference(
          method,
          true,
          differing,
          subject
              + ": "
              + String.join("; ", clauses)
              + " - expected: the algorithm changed, not the data");
    }
    List<String> same = new ArrayList<>();
    for (AlgorithmVersion a : algorithms) {
      same.add(name(a) + " " + a.version() + (isRecorded(a) ? "" : " (read as 1: not recorded)"));
    }
    return new ReproduceReport.MethodDifference(
        method,
        false,
        differing,
        subject
            + ": not explained by a change of algorithm"
            + (same.isEmpty()
                ? ""
                : " (the report and this build both have " + String.join(", ", same) + ")")
            + "; check the case file's linkage run and estimation and the build that re-ran them");
  }

  /**
   * "algorithm versions: log-linear fit 1, LCMCR sampler 2, ...": the recorded versions in this
   * build's order, then any key this build does not know as written; or that none were recorded.
   */
  static String describe(JsonNode recorded) {
    if (recorded == null || !recorded.isObject() || recorded.isEmpty()) {
      return "algorithm versions: not recorded (estimated before versions were recorded; read as"
          + " version 1)";
    }
    List<String> parts = new ArrayList<>();
    Set<String> known = new java.util.HashSet<>();
    for (AlgorithmVersion a : AlgorithmVersion.values()) {
      known.add(a.key());
      if (recorded.has(a.key())) {
        parts.add(name(a) + " " + recorded.get(a.key()).asText());
      }
    }
    recorded
        .fields()
        .forEachRemaining(
            f -> {
              if (!known.contains(f.getKey())) {
                parts.add(f.getKey() + " " + f.getValue().asText());
              }
            });
    return "algorithm versions: " + String.join(", ", parts);
  }

  private static String name(AlgorithmVersion a) {
    return a.label() + " " + a.noun();
  }

  /** "LCMCR" for "lcmcr": the label of a method's algorithm, else the key as the report has it. */
  private static String label(String method) {
    for (EstimationOptions.Method m : EstimationOptions.Method.values()) {
      if (m.key().equals(method)) {
        return AlgorithmVersion.of(m).label();
      }
    }
    return method;
  }
}
