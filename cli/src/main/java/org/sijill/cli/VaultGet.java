package org.sijill.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sijill.workflow.Custody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sijill vault get}: copies an item's original bytes out, checking its hash; the viewing is
 * logged.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description =
        "Copy an item's original bytes to a new file, checking its hash on the way;"
            + " the custody log records who viewed it.")
final class VaultGet implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(paramLabel = "SHA256")
  String sha256;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "New file.")
  Path out;

  @Option(names = "--reason", paramLabel = "R", description = "Why it is viewed (logged).")
  String reason;

  @Override
  public Integer call() {
    Main main = cli.main();
    String sha = VaultCommand.sha256Arg(sha256);
    long index;
    try (VaultSession s = VaultSession.open(main)) {
      index = new Custody(s.vault).copyOut(sha, out, reason, main.who());
    }
    cli.out().println(sha + " " + index + " " + out);
    cli.out().flush();
    return 0;
  }
}
