package org.sijill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.repo.Attributions;
import org.sijill.casefile.repo.IncidentLinks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sijill incident show}: everything the case holds about one incident, a fact per line. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show an incident: its current version, evidence links, attributions, other links,"
            + " withdrawn links, versions and the custody log entries that name it.")
final class IncidentShow implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
  long id;

  @Override
  public Integer call() {
    PrintWriter out = cli.out();
    cli.withCase(
        o -> {
          CaseFile cf = o.caseFile();
          Incident i =
              cf.incidents()
                  .find(id)
                  .orElseThrow(() -> new UserError("there is no incident " + id));
          out.println("incident " + i.id() + " version " + i.version());
          field(out, "title", i.titleEn());
          field(out, "title_ar", i.titleAr());
          field(out, "type", i.type());
          field(
              out,
              "from",
              i.startDate() == null ? null : i.startDate() + " (" + i.startPrecision() + ")");
          field(
              out, "to", i.endDate() == null ? null : i.endDate() + " (" + i.endPrecision() + ")");
          field(
              out,
              "place",
              i.locationId() == null
                  ? null
                  : cf.locations()
                      .find(i.locationId())
                      .map(IncidentCommand::placeName)
                      .orElse(null));
          field(out, "killed", IncidentCommand.killed(i));
          field(out, "status", i.status());
          cf.claims()
              .current(AssessmentTarget.INCIDENT, id)
              .ifPresent(a -> field(out, "grade", a.grade() + ": " + a.rationale()));
          for (IncidentLinks.EvidenceLink e : cf.incidentLinks().evidence(id)) {
            out.println(
                "evidence link "
                    + e.id()
                    + ": item "
                    + e.evidenceId()
                    + IncidentCommand.segment(e.from(), e.to())
                    + " ("
                    + e.recordedBy()
                    + ", "
                    + e.recordedAt()
                    + ")");
          }
          for (Attributions.Entry a : cf.attributions().forIncident(id)) {
            out.println(
                "attribution "
                    + a.id()
                    + ": "
                    + (a.actorNameEn() != null ? a.actorNameEn() : a.actorNameAr())
                    + ", "
                    + a.role()
                    + ", "
                    + a.grade()
                    + (a.evidenceIds().isEmpty() ? "" : ", rests on items " + a.evidenceIds())
                    + " ("
                    + a.recordedBy()
                    + ", "
                    + a.recordedAt()
                    + ")");
          }
          for (IncidentLinks.Link l : cf.incidentLinks().links(id)) {
            out.println(
                "link "
                    + l.id()
                    + ": "
                    + l.kind()
                    + " "
                    + l.targetId()
                    + (l.note() == null ? "" : " (" + l.note() + ")"));
          }
          for (IncidentLinks.Withdrawal w : cf.incidentLinks().withdrawals(id)) {
            out.println(
                "withdrawn "
                    + w.kind()
                    + " "
                    + w.linkId()
                    + ": "
                    + w.what()
                    + " (by "
                    + w.recordedBy()
                    + ", "
                    + w.recordedAt()
                    + ": "
                    + w.reason()
                    + ")");
          }
          for (Incident v : cf.incidents().history(id)) {
            out.println(
                "version "
                    + v.version()
                    + ": "
                    + v.recordedBy()
                    + ", "
                    + v.recordedAt()
                    + (v.reason() == null ? "" : ": " + v.reason()));
          }
          for (var r : cf.vaultRecords().incidentTrail(id)) {
            out.println(
                "custody "
                    + r.logIndex()
                    + ": "
                    + r.action()
                    + (r.evidenceId() == null ? "" : " item " + r.evidenceId())
                    + " by "
                    + r.actor()
                    + ", "
                    + r.at()
                    + " "
                    + r.details());
          }
          return null;
        });
    return 0;
  }

  private static void field(PrintWriter out, String name, String value) {
    if (value != null && !value.isEmpty()) {
      out.println(name + ": " + value);
    }
  }
}
