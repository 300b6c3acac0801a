package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sijill.workflow.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill verify-report DIR [--previous OLD]}: checks a report folder alone (no case file):
 * exit 0 when the checkpoint, the manifest, every file and every entry's proof hold, 1 naming each
 * fault.
 */
@Command(
    name = "verify-report",
    mixinStandardHelpOptions = true,
    description =
        "Check a published report's signed list, proofs and files; exit 1 naming what fails.")
final class VerifyReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The report folder.")
  Path dir;

  @Option(
      names = "--previous",
      paramLabel = "OLD",
      description =
          "An earlier edition: check that this one only added to it, or explained each change.")
  Path previous;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    VerifyReport.Result r = new VerifyReport().verify(dir, Optional.ofNullable(previous));
    r.notes().forEach(n -> out.println("ok: " + n));
    if (r.ok()) {
      out.println("verified: " + dir);
      out.flush();
      return 0;
    }
    r.faults().forEach(f -> out.println("FAULT " + f));
    out.printf("%d fault%s found%n", r.faults().size(), r.faults().size() == 1 ? "" : "s");
    out.flush();
    return 1;
  }
}
