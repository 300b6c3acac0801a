package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Picocli mixin for a command that works on the case of the data directory in force: it knows the
 * command it is mixed into, so {@code @Mixin CaseAccess cli;} replaces the {@code @Spec} field, the
 * open-use-close of the case file and the translation of refused input into a one-line error that
 * every desk command used to write out again. (The bare {@code @Command} is what picocli needs to
 * accept a mixin without options of its own.)
 */
@Command
final class CaseAccess {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** An open case file, its data directory and who is recorded. */
  record Opened(CaseFile caseFile, Path data, String who) {}

  /** The root command, for the global options ({@code --data}, {@code --db}, {@code --as}). */
  Main main() {
    return Main.root(spec);
  }

  /** The command's standard output. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** The command's standard error, for warnings and progress. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Opens the case, runs {@code work} with it and the data directory, closes it. */
  <T> T withCase(Function<Opened, T> work) {
    Main main = main();
    try (CaseFile cf = main.openCaseFile()) {
      return work.apply(new Opened(cf, main.dataDir(), main.who()));
    }
  }

  /**
   * Like {@link #withCase}, for a workflow call: a refused value or an unknown id is a one-line
   * error (exit 1).
   */
  <T> T desk(Function<Opened, T> work) {
    return withCase(
        o -> {
          try {
            return work.apply(o);
          } catch (InvalidInputException | NoSuchElementException e) {
            throw new UserError(e.getMessage(), e);
          }
        });
  }
}
