package org.sijill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.repo.Incidents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sijill incident list}: one tab-separated line per incident, filtered by place, grade or
 * actor, a page at a time.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List incidents, newest first: id, dates, killed (best, low–high), grade, place, title"
            + " (tab-separated).")
final class IncidentList implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Option(names = "--place", paramLabel = "PLACE", description = "In this place or inside it.")
  String place;

  @Option(names = "--grade", paramLabel = "GRADE", description = "With this grade.")
  String grade;

  @Option(
      names = "--actor",
      paramLabel = "ACTOR",
      description = "Attributed to this actor (name or id).")
  String actor;

  @Option(names = "--page", defaultValue = "1", paramLabel = "N", description = "Page (from 1).")
  int page;

  @Option(names = "--size", defaultValue = "50", paramLabel = "N", description = "Per page.")
  int size;

  @Override
  public Integer call() {
    PrintWriter out = cli.out();
    cli.withCase(
        o -> {
          CaseFile cf = o.caseFile();
          Long placeId =
              place == null
                  ? null
                  : (place.matches("\\d{1,18}")
                          ? cf.locations().find(Long.parseLong(place))
                          : cf.locations().findByName(place))
                      .orElseThrow(
                          () -> new UserError("--place: '" + place + "' is not a known place"))
                      .id();
          Long actorId =
              actor == null
                  ? null
                  : (actor.matches("\\d{1,18}")
                          ? cf.actors().find(Long.parseLong(actor))
                          : cf.actors().findByName(actor))
                      .orElseThrow(
                          () -> new UserError("--actor: '" + actor + "' is not a known actor"))
                      .id();
          String g = grade == null ? null : grade.strip().toLowerCase(java.util.Locale.ROOT);
          if (page < 1 || size < 1 || size > 500) {
            throw new UserError("--page from 1, --size 1 to 500");
          }
          var found =
              cf.incidents()
                  .search(new Incidents.Filter(placeId, null, null, g, actorId), page, size);
          for (Incident i : found.items()) {
            out.println(line(cf, i));
          }
          return null;
        });
    return 0;
  }

  private static String line(CaseFile cf, Incident i) {
    String when =
        (i.startDate() == null ? "" : i.startDate().toString())
            + (i.endDate() == null || i.endDate().equals(i.startDate()) ? "" : "/" + i.endDate());
    String place =
        i.locationId() == null
            ? ""
            : cf.locations().find(i.locationId()).map(IncidentCommand::placeName).orElse("");
    String grade =
        cf.claims().current(AssessmentTarget.INCIDENT, i.id()).map(Assessment::grade).orElse("");
    return String.join(
        "\t",
        Long.toString(i.id()),
        when,
        IncidentCommand.killed(i),
        grade,
        place,
        i.titleEn() != null ? i.titleEn() : i.titleAr());
  }
}
