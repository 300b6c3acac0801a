package org.sijill.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sijill.workflow.AttributeIncident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sijill incident attribute}: attributes an incident to an actor through {@code
 * AttributeIncident}.
 */
@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    description =
        "Attribute an incident to an actor (an unknown name becomes a new actor); prints the"
            + " attribution's id.")
final class IncidentAttribute implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
  long id;

  @Option(
      names = "--actor",
      required = true,
      paramLabel = "ACTOR",
      description = "The alleged perpetrator: a group, unit or person, by name or id.")
  String actor;

  @Option(
      names = "--actor-kind",
      paramLabel = "KIND",
      description = "For a new actor: state_force, armed_group, militia, individual or unknown.")
  String actorKind;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description =
          "alleged_perpetrator (default), perpetrator, commander, facilitator or responder.")
  String role;

  @Option(
      names = "--grade",
      required = true,
      paramLabel = "GRADE",
      description = "confirmed, fair, weak, contested or discounted.")
  String grade;

  @Option(names = "--rationale", paramLabel = "TEXT", description = "Why.")
  String rationale;

  @Option(
      names = "--evidence",
      paramLabel = "ITEM",
      split = ",",
      description = "Evidence items it rests on (repeat, or separate with commas).")
  List<Long> evidence = new ArrayList<>();

  @Override
  public Integer call() {
    AttributeIncident.Attributed a =
        cli.desk(
            o ->
                new AttributeIncident(o.data(), o.caseFile())
                    .attribute(
                        id,
                        new AttributeIncident.Draft(
                            actor, actorKind, role, grade, rationale, evidence),
                        o.who()));
    cli.out().println(a.id() + (a.newActor() ? " new actor " : " actor ") + a.actorId());
    return 0;
  }
}
