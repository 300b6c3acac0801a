package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.workflow.LinkEvidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sijill incident link-evidence}: links an evidence item (or a segment of a video) to an
 * incident through {@code LinkEvidence}.
 */
@Command(
    name = "link-evidence",
    mixinStandardHelpOptions = true,
    description =
        "Link an evidence item (or a segment of a video) to an incident; prints the link's id"
            + " and the custody log entry.")
final class IncidentLinkEvidence implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
  long id;

  @Parameters(index = "1", paramLabel = "EVIDENCE", description = "The evidence item's id.")
  long evidence;

  @Option(names = "--from", paramLabel = "SECONDS", description = "Start of the segment.")
  Double from;

  @Option(names = "--to", paramLabel = "SECONDS", description = "End of the segment.")
  Double to;

  @Override
  public Integer call() {
    LinkEvidence.Linked l =
        cli.desk(
            o -> new LinkEvidence(o.data(), o.caseFile()).link(id, evidence, from, to, o.who()));
    cli.out().println(l.id() + " log_index " + l.logIndex());
    return 0;
  }
}
