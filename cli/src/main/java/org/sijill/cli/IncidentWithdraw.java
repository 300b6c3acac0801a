package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.workflow.WithdrawLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sijill incident withdraw}: withdraws a link that no longer holds; nothing is removed. */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description =
        "Withdraw a link that no longer holds (nothing is removed: the incident's history keeps"
            + " it); prints the withdrawal's id.")
final class IncidentWithdraw implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
  long id;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description = "evidence, attribution or link (a victim, source or related incident).")
  String kind;

  @Option(
      names = "--link",
      required = true,
      paramLabel = "LINK",
      description = "The link's id, as `sijill incident show` lists it.")
  long link;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
  String reason;

  @Override
  public Integer call() {
    WithdrawLink.Withdrawn w =
        cli.desk(
            o ->
                new WithdrawLink(o.data(), o.caseFile()).withdraw(id, kind, link, reason, o.who()));
    cli.out().println(w.id());
    return 0;
  }
}
