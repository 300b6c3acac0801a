package org.sijill.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sijill.workflow.GenerateLists;
import org.sijill.workflow.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sijill generate}: synthetic data to try Sijill with (no real person in it). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write synthetic data to try Sijill with (never real people).",
    subcommands = {GenerateCommand.Lists.class})
final class GenerateCommand {

  /**
   * {@code sijill generate lists}: parses options, runs {@link GenerateLists}, prints a summary.
   */
  @Command(
      name = "lists",
      mixinStandardHelpOptions = true,
      description =
          "Write three overlapping synthetic victim lists (Arabic, Latin, mixed), their ground"
              + " truth and a settings.json for link.")
  static final class Lists implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
    Path out;

    @Option(
        names = "--seed",
        defaultValue = "" + GenerateLists.DEFAULT_SEED,
        paramLabel = "N",
        description =
            "Generator seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--persons",
        defaultValue = "" + GenerateLists.DEFAULT_PERSONS,
        paramLabel = "N",
        description =
            "Simulated people who died, documented or not; the lists name most of them (default:"
                + " ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--force", description = "Write into DIR even when it is not empty.")
    boolean force;

    @Option(
        names = "--truth-column",
        description =
            "Also name each record's true person in the lists (last column true_person_id, never"
                + " compared): a linkage run over them shows blocking recall, precision and recall"
                + " on the diagnostics page.")
    boolean truthColumn;

    @Override
    public Integer call() {
      GenerateLists.Result r;
      try {
        r =
            new GenerateLists()
                .run(
                    new GenerateLists.Request(out, seed, persons, force, truthColumn),
                    ProgressListener.NONE);
      } catch (IllegalArgumentException | GenerateLists.NotEmptyException e) {
        throw new UserError(e.getMessage(), e);
      } catch (IOException e) {
        throw new UserError(out + ": cannot write: " + e.getMessage(), e);
      }
      var o = spec.commandLine().getOut();
      o.printf(
          "wrote %d SYNTHETIC lists to %s: %,d records of %,d people (from a simulated population of"
              + " %,d), truth.csv, settings.json, README.txt%n",
          r.lists().size(), r.dir(), r.records(), r.documented(), r.population());
      o.flush();
      return 0;
    }
  }
}
