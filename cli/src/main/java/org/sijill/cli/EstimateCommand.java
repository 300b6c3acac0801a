package org.sijill.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.estimate.Estimate;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.EstimationOptions.Method;
import org.sijill.estimate.Report;
import org.sijill.workflow.CountingException;
import org.sijill.workflow.EstimateCase;
import org.sijill.workflow.EstimateFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill estimate}: multiple systems estimation of the total number of victims from
 * overlapping lists. Reads capture histories or the clusters of {@code sijill link}, or, with
 * neither, the current linkage run of the case file (and stores the estimates there, through the
 * workflow's {@link EstimateCase}); writes RESULT.json (see docs/estimation.md) to stdout or {@code
 * --out}.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    description =
        "Estimate how many people the lists missed (log-linear models, LCMCR, dga) and write"
            + " RESULT.json; with neither --histories nor --clusters, from the case file's current"
            + " linkage run, stored in the case.")
final class EstimateCommand implements Callable<Integer> {

  static final class Input {
    @Option(
        names = "--histories",
        paramLabel = "HISTORIES.csv",
        description = "One 0/1 column per list, optional count and stratum columns.")
    Path histories;

    @Option(
        names = "--clusters",
        paramLabel = "CLUSTERS.csv",
        description = "Output of sijill link: each cluster is one person, its sources its lists.")
    Path clusters;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Input input;

  @Option(
      names = "--method",
      defaultValue = "all",
      paramLabel = "all|loglinear|lcmcr|dga",
      description = "Which methods to run (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--model",
      paramLabel = "A*B+C",
      description = "A hierarchical log-linear model instead of model selection.")
  String model;

  @Option(
      names = "--strata",
      paramLabel = "COLUMN",
      description =
          "Estimate each value of this column separately, then sum. In case mode: victim-list"
              + " fields, comma-separated (FIELD,...).")
  String strata;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the Bayesian samplers (default: random, recorded in the output).")
  Long seed;

  @Option(names = "--out", paramLabel = "RESULT.json", description = "Write here, not stdout.")
  Path out;

  @Option(
      names = "--lcmcr-classes",
      paramLabel = "K",
      description = "Latent classes (default: min(2^lists - 1, 15)).")
  int classes;

  @Option(
      names = "--lcmcr-burn-in",
      defaultValue = "100000",
      paramLabel = "SWEEPS",
      description = "LCMCR sweeps discarded per chain (default: ${DEFAULT-VALUE}).")
  int burnIn;

  @Option(
      names = "--lcmcr-samples",
      defaultValue = "20000",
      paramLabel = "DRAWS",
      description = "LCMCR draws kept per chain (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--lcmcr-thin",
      defaultValue = "50",
      paramLabel = "SWEEPS",
      description = "LCMCR sweeps per kept draw (default: ${DEFAULT-VALUE}).")
  int thin;

  @Option(
      names = "--lcmcr-chains",
      defaultValue = "2",
      paramLabel = "CHAINS",
      description = "LCMCR chains, at least 2 for R-hat (default: ${DEFAULT-VALUE}).")
  int chains;

  @Option(
      names = "--no-linkage-uncertainty",
      description =
          "Case mode: take the linkage run's clustering as certain. By default the estimate is"
              + " combined over "
              + EstimateCase.LINKAGE_REPLICATES
              + " replicates of the linkage drawn from its contested pairs' match probabilities.")
  boolean noLinkageUncertainty;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Set<Method> methods = methods();
    long s = seed != null ? seed : new SecureRandom().nextLong() >>> 16;
    EstimationOptions options;
    try {
      options =
          EstimationOptions.defaults(s)
              .withMethods(methods)
              .withModel(model)
              .withLcmcr(classes, burnIn, samples, thin, chains);
    } catch (IllegalArgumentException e) {
      throw new UserError("--lcmcr-*: " + e.getMessage());
    }
    if (input == null) {
      return estimateCase(
          noLinkageUncertainty
              ? options
              : options.withLinkageReplicates(EstimateCase.LINKAGE_REPLICATES),
          err);
    }
    EstimateFiles.Result r;
    try {
      r =
          new EstimateFiles()
              .estimate(
                  fileInput(),
                  options,
                  (step, done, total) -> {
                    err.println("estimate: " + step);
                    err.flush();
                  });
    } catch (CountingException e) {
      throw new UserError(e.getMessage(), e);
    }
    print(r.json(), r.report());
    return 0;
  }

  /** Case mode: estimates from the current linkage run and stores every estimate in the case. */
  private int estimateCase(EstimationOptions options, PrintWriter err) {
    Main main = Main.root(spec);
    List<String> fields = new ArrayList<>();
    if (strata != null) {
      for (String f : strata.split(",")) {
        if (f.isBlank()) {
          throw new UserError("--strata: an empty field name in '" + strata + "'");
        }
        fields.add(f.strip());
      }
    }
    try (CaseFile caseFile = main.openCaseFile()) {
      EstimateCase.Result r =
          new EstimateCase(caseFile)
              .estimate(
                  new EstimateCase.Request(options, fields, main.who()),
                  (step, done, total) -> {
                    err.println("estimate: " + step);
                    err.flush();
                  });
      err.println(
          "estimate: stored estimation "
              + r.estimationId()
              + " of linkage run "
              + r.run().id()
              + " (input sha256 "
              + r.inputSha256()
              + ")");
      err.flush();
      print(r.json(), r.report());
      return 0;
    } catch (CountingException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  private void print(String json, Report report) {
    if (out == null) {
      PrintWriter o = spec.commandLine().getOut();
      o.print(json);
      o.flush();
    } else {
      writeAtomically(out, json);
      spec.commandLine().getOut().println(summary(report));
      spec.commandLine().getOut().flush();
    }
  }

  private Set<Method> methods() {
    return switch (method) {
      case "all" -> EnumSet.allOf(Method.class);
      case "loglinear" -> EnumSet.of(Method.LOGLINEAR);
      case "lcmcr" -> EnumSet.of(Method.LCMCR);
      case "dga" -> EnumSet.of(Method.DGA);
      default ->
          throw new UserError(
              "--method: expected all, loglinear, lcmcr or dga, got '" + method + "'");
    };
  }

  private EstimateFiles.Input fileInput() {
    if (input.clusters != null && strata != null) {
      throw new UserError("--strata: needs --histories (a clusters file has no stratum column)");
    }
    return input.histories != null
        ? new EstimateFiles.Histories(input.histories, strata)
        : new EstimateFiles.Clusters(input.clusters);
  }

  private static void writeAtomically(Path target, String json) {
    Path abs = target.toAbsolutePath();
    try {
      Path tmp = Files.createTempFile(abs.getParent(), ".estimate-", ".json");
      try (OutputStream os = Files.newOutputStream(tmp)) {
        os.write(json.getBytes(StandardCharsets.UTF_8));
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserError(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  /**
   * What widened the recommended interval: the models' envelope, capture heterogeneity, the run's
   * own interval (linkage replicates drawn with unchecked probabilities), or several of them.
   */
  private static String widening(Estimate e, Object verdict) {
    if (!"widened".equals(verdict) || e.details() == null) {
      return "";
    }
    List<String> why = new ArrayList<>();
    if (e.details().containsKey("widenedBecause")) {
      why.add("widened to the credible estimates' envelope");
    }
    if (e.details().containsKey("heterogeneity")) {
      why.add("upper bound raised for capture heterogeneity");
    }
    if (e.details().containsKey("widenedToTheRunBecause")) {
      why.add("widened to take in the linkage run's own interval");
    }
    return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
  }

  static String summary(Report r) {
    Estimate e = r.recommended();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("documented: %,d on %d lists%n", r.documented(), r.lists().size()));
    Object verdict = r.details() == null ? null : r.details().get("verdict");
    if (e == null) {
      sb.append(
          "refused".equals(verdict) && !r.estimates().isEmpty()
              ? "no recommended estimate: refused (see why and range)"
              : "no usable estimate; see warnings");
    } else {
      sb.append(
          String.format(
              "recommended: %s (%s) %,.0f, 95%% %s%s%s",
              e.method().key(),
              e.model(),
              e.total(),
              e.lower() == null ? "?" : String.format("%,.0f", e.lower()),
              e.upper() == null ? " to ?" : String.format(" to %,.0f", e.upper()),
              widening(e, verdict)));
    }
    if (r.recommendedBecause() != null) {
      sb.append(System.lineSeparator()).append("why: ").append(r.recommendedBecause());
    }
    if (r.spread() != null) {
      sb.append(System.lineSeparator()).append("range: ").append(r.spread().summary());
    }
    for (String w : r.warnings()) {
      sb.append(System.lineSeparator()).append("warning: ").append(w);
    }
    return sb.toString();
  }
}
