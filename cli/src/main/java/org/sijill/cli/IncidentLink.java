package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.workflow.LinkToIncident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sijill incident link}: links a victim record, a victim person (a linkage run's person id,
 * kept across runs), a source or a related incident.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description =
        "Link a victim record, a victim person, a source or a related incident; prints the"
            + " link's id.")
final class IncidentLink implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
  long id;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description = "victim (a record), person (a linkage run's person), source or incident.")
  String kind;

  @Option(names = "--target", required = true, paramLabel = "ID", description = "Its id.")
  long target;

  @Option(names = "--note", paramLabel = "TEXT", description = "A note.")
  String note;

  @Override
  public Integer call() {
    LinkToIncident.Linked l =
        cli.desk(
            o -> new LinkToIncident(o.data(), o.caseFile()).link(id, kind, target, note, o.who()));
    cli.out().println(l.id());
    return 0;
  }
}
