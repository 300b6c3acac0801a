package org.sijill.cli;

import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.sijill.workflow.IncidentDraft;
import org.sijill.workflow.RecordIncident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sijill incident edit}: records a corrected version of an incident; options left out keep
 * the current values.
 */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description =
        "Record a corrected version of an incident (options left out keep their values);"
            + " prints the id and the new version.")
final class IncidentEdit implements Callable<Integer> {
  @Mixin CaseAccess cli;
  @Mixin IncidentFields fields;

  @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
  long id;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why it is changed.")
  String reason;

  @Override
  public Integer call() {
    RecordIncident.Recorded r =
        cli.desk(
            o -> {
              RecordIncident record = new RecordIncident(o.data(), o.caseFile());
              IncidentDraft current =
                  record
                      .draftOf(id)
                      .orElseThrow(() -> new NoSuchElementException("there is no incident " + id));
              return record.correct(id, fields.over(current), reason, o.who());
            });
    cli.out().println(r.id() + " version " + r.version());
    return 0;
  }
}
