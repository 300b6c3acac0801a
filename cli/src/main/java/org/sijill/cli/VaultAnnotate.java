package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.workflow.Custody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sijill vault annotate}: adds a note to an item's custody log. */
@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    description = "Add a note to an item's custody log (the original is never changed).")
final class VaultAnnotate implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(index = "0", paramLabel = "SHA256")
  String sha256;

  @Parameters(index = "1", paramLabel = "NOTE")
  String note;

  @Override
  public Integer call() {
    Main main = cli.main();
    String sha = VaultCommand.sha256Arg(sha256);
    long index;
    try (VaultSession s = VaultSession.open(main)) {
      index = new Custody(s.vault).annotate(sha, note, main.who());
    }
    cli.out().println(sha + " " + index);
    cli.out().flush();
    return 0;
  }
}
