package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.workflow.RecordIncident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sijill incident add}: records a new incident through {@code RecordIncident}. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = "Record an incident; prints its id.")
final class IncidentAdd implements Callable<Integer> {
  @Mixin CaseAccess cli;
  @Mixin IncidentFields fields;

  @Override
  public Integer call() {
    RecordIncident.Recorded r =
        cli.desk(
            o -> new RecordIncident(o.data(), o.caseFile()).create(fields.over(null), o.who()));
    cli.out().println(r.id());
    return 0;
  }
}
