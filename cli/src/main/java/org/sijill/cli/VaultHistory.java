package org.sijill.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sijill.workflow.Custody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sijill vault history}: an item's custody log entries, oldest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "Print an item's chain of custody from the log: index, time, event, who, details.")
final class VaultHistory implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(paramLabel = "SHA256")
  String sha256;

  @Override
  public Integer call() {
    String sha = VaultCommand.sha256Arg(sha256);
    PrintWriter out = cli.out();
    List<Custody.Entry> entries;
    try (VaultSession s = VaultSession.open(cli.main())) {
      entries = new Custody(s.vault).history(sha);
    }
    for (Custody.Entry e : entries) {
      StringBuilder line =
          new StringBuilder()
              .append(e.index())
              .append('\t')
              .append(e.at())
              .append('\t')
              .append(e.type())
              .append('\t')
              .append(e.actor());
      e.details().forEach((k, v) -> line.append('\t').append(k).append('=').append(v));
      out.println(line);
    }
    out.flush();
    return 0;
  }
}
