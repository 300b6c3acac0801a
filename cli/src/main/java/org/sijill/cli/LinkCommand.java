package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.linkage.Mode;
import org.sijill.workflow.CountingException;
import org.sijill.workflow.LinkCase;
import org.sijill.workflow.LinkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill link}: links victim lists into one cluster per person (docs/linkage.md). With input
 * files (file mode) it writes CLUSTERS.csv, and optionally the scored pairs and the pairs a person
 * should review. Without (case mode) it links every list imported into the case file and stores a
 * linkage run through the workflow's {@link LinkCase}.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description =
        "Link victim lists (Arabic or Latin script) into one cluster per person: the given files"
            + " into CLUSTERS.csv, or, with no files, every list in the case file into a stored"
            + " linkage run.")
final class LinkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--settings",
      required = true,
      paramLabel = "SETTINGS.json",
      description = "Compared columns and their kinds (name, text, exact, number, date).")
  Path settings;

  @Option(
      names = "--out",
      paramLabel = "CLUSTERS.csv",
      description =
          "cluster_id,source,record_id for every input record (required with input files; in"
              + " case mode the cluster id is the person id).")
  Path out;

  @Option(
      names = "--mode",
      defaultValue = "link-and-dedupe",
      paramLabel = "link-and-dedupe|link|dedupe",
      description = "Which records may merge (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = "--pairs",
      paramLabel = "PAIRS.csv",
      description = "Write scored pairs with their match probability.")
  Path pairs;

  @Option(
      names = "--review",
      paramLabel = "REVIEW.csv",
      description = "Write the pairs a person should decide, the most contested first.")
  Path review;

  @Option(
      names = "--decisions",
      paramLabel = "DECISIONS.csv",
      description =
          "must-link / cannot-link decisions (source_l,record_id_l,source_r,record_id_r,decision);"
              + " an edited review file works. In case mode they are recorded in the case, as"
              + " decided by --as, and every later run honours them.")
  Path decisions;

  @Option(
      names = "--train",
      paramLabel = "LABELS.csv",
      description = "Labelled pairs (same format as --decisions) to train m instead of EM.")
  Path train;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description =
          "Input encoding: UTF-8 (default, with or without BOM), windows-1256, or any charset Java"
              + " knows; bytes not valid in it are refused, never replaced.")
  String encoding;

  @Option(
      names = "--engine",
      defaultValue = "local",
      paramLabel = "local|spark",
      description =
          "Where candidate pairs are formed, compared and scored (default: ${DEFAULT-VALUE});"
              + " spark needs the spark module's jars (docs/spark.md). The answer is the same.")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master for --engine spark (default local[*]; spark://host:7077, ...).")
  String master;

  @Option(
      names = "--verbose",
      description = "Report pairs compared per blocking key and the fitted model on stderr.")
  boolean verbose;

  @Parameters(
      arity = "0..*",
      paramLabel = "INPUT.csv",
      description = "Victim lists; none links the lists imported into the case file.")
  List<Path> inputs;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Mode m;
    try {
      m = Mode.of(mode);
    } catch (IllegalArgumentException e) {
      throw new UserError("--mode: " + e.getMessage());
    }
    Charset cs = charset();
    if (!engine.equals("local") && !engine.equals("spark")) {
      throw new UserError("--engine: local or spark, not " + engine);
    }
    if (master != null && engine.equals("local")) {
      throw new UserError("--master: only with --engine spark");
    }
    if (inputs == null || inputs.isEmpty()) {
      if (!engine.equals("local")) {
        throw new UserError("--engine " + engine + ": links files only (give INPUT.csv files)");
      }
      return linkCase(m, cs, err, stdout);
    }
    if (out == null) {
      throw new UserError("--out: required when linking files (CLUSTERS.csv)");
    }
    try {
      LinkFiles.Result r =
          new LinkFiles()
              .link(
                  new LinkFiles.Request(
                      settings, m, inputs, cs, decisions, train, out, pairs, review),
                  new LinkFiles.Engine(engine, master),
                  (step, done, total) -> {
                    err.println("link: " + step);
                    err.flush();
                  });
      if (verbose) {
        int width =
            r.pairsPerBlockingKey().keySet().stream().mapToInt(String::length).max().orElse(1);
        for (Map.Entry<String, long[]> e : r.pairsPerBlockingKey().entrySet()) {
          err.printf(
              "link: blocking key %-" + width + "s %,d pairs (%,d skipped in oversized blocks)%n",
              e.getKey(),
              e.getValue()[0],
              e.getValue()[1]);
        }
        err.print(r.modelSummary());
        err.flush();
      }
      stdout.printf(
          "linked %,d records from %d input%s into %,d clusters (%,d pairs scored%s)%n",
          r.records(),
          r.inputs(),
          r.inputs() == 1 ? "" : "s",
          r.clusters(),
          r.pairsScored(),
          r.toReview().map(n -> String.format(", %,d to review", n)).orElse(""));
      stdout.flush();
      return 0;
    } catch (CountingException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /** Case mode: the lists in the case file, stored as a linkage run; one summary line. */
  private int linkCase(Mode m, Charset cs, PrintWriter err, PrintWriter stdout) {
    if (pairs != null) {
      throw new UserError("--pairs: only with input files (case mode stores the run instead)");
    }
    if (train != null) {
      throw new UserError("--train: only with input files");
    }
    Main main = Main.root(spec);
    try (CaseFile caseFile = main.openCaseFile()) {
      LinkCase.Request request =
          new LinkCase.Request(
              LinkCase.settings(settings), m, decisions, cs, out, review, main.who());
      LinkCase.Result r =
          new LinkCase(caseFile)
              .link(
                  request,
                  (step, done, total) -> {
                    err.println("link: " + step);
                    err.flush();
                  });
      stdout.printf(
          "linkage run %d: %,d records from %d lists, %,d persons, %,d pairs to review%s%n",
          r.run().id(),
          r.records(),
          r.lists().size(),
          r.persons(),
          r.toReview(),
          r.decisionsRecorded() == 0
              ? ""
              : String.format(" (%,d decisions recorded)", r.decisionsRecorded()));
      stdout.flush();
      return 0;
    } catch (CountingException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  private Charset charset() {
    try {
      return LinkFiles.encoding(encoding);
    } catch (IllegalArgumentException e) {
      throw new UserError("--encoding: " + e.getMessage());
    }
  }
}
