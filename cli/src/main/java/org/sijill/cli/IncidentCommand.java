package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Location;
import org.sijill.casefile.repo.Attributions;
import org.sijill.casefile.repo.IncidentLinks;
import org.sijill.casefile.repo.Incidents;
import org.sijill.workflow.AttributeIncident;
import org.sijill.workflow.IncidentDraft;
import org.sijill.workflow.InvalidInputException;
import org.sijill.workflow.LinkEvidence;
import org.sijill.workflow.LinkToIncident;
import org.sijill.workflow.RecordIncident;
import org.sijill.workflow.WithdrawLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill incident add|list|show|edit|link-evidence|attribute|link|withdraw}: the incident
 * desk on the command line, through the same workflow classes as the web pages and the API, so
 * every write is checked the same way and is a custody-log entry of the data directory's vault.
 */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description = "Incidents: record, correct, link evidence, attribute, withdraw links.",
    subcommands = {
      IncidentCommand.Add.class,
      IncidentCommand.ListIncidents.class,
      IncidentCommand.Show.class,
      IncidentCommand.Edit.class,
      IncidentCommand.LinkEvidenceCmd.class,
      IncidentCommand.Attribute.class,
      IncidentCommand.Link.class,
      IncidentCommand.Withdraw.class
    })
final class IncidentCommand {

  /** Runs a workflow call; a refused value or an unknown id is a one-line error (exit 1). */
  static <T> T desk(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidInputException | NoSuchElementException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /** Opens the case, runs {@code work} with it and the data directory, closes it. */
  static <T> T withCase(CommandSpec spec, Function<Opened, T> work) {
    Main main = Main.root(spec);
    try (CaseFile cf = main.openCaseFile()) {
      return work.apply(new Opened(cf, main.dataDir(), main.who()));
    }
  }

  /** An open case file, its data directory and who is recorded. */
  record Opened(CaseFile caseFile, Path data, String who) {}

  /** The fields of an incident, shared by {@code add} and {@code edit}. */
  static final class Fields {
    @Option(names = "--title", paramLabel = "TITLE", description = "Title in Latin script.")
    String title;

    @Option(names = "--title-ar", paramLabel = "TITLE", description = "Title in Arabic.")
    String titleAr;

    @Option(names = "--type", paramLabel = "TYPE", description = "Kind of incident.")
    String type;

    @Option(names = "--description", paramLabel = "TEXT", description = "What happened.")
    String description;

    @Option(
        names = "--place",
        paramLabel = "PLACE",
        description = "A place the gazetteer knows (Arabic or Latin, any spelling), or its id.")
    String place;

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description = "When: a day (2025-03-07), a month (2025-03) or a year (2025).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "End of a range, the same way.")
    String to;

    @Option(names = "--killed", paramLabel = "N", description = "Best estimate of people killed.")
    Integer killed;

    @Option(names = "--killed-low", paramLabel = "N", description = "Low end of the range.")
    Integer killedLow;

    @Option(names = "--killed-high", paramLabel = "N", description = "High end of the range.")
    Integer killedHigh;

    @Option(
        names = "--grade",
        paramLabel = "GRADE",
        description = "confirmed, fair, weak, contested or discounted (with --grade-reasons).")
    String grade;

    @Option(names = "--grade-reasons", paramLabel = "TEXT", description = "Why this grade.")
    String gradeReasons;

    @Option(
        names = "--status",
        paramLabel = "STATUS",
        description = "under_review, published, disputed or retracted.")
    String status;

    /** The draft: each option given, else the value of {@code base} (null: none). */
    IncidentDraft over(IncidentDraft base) {
      IncidentDraft b =
          base != null
              ? base
              : new IncidentDraft(
                  null, null, null, null, null, null, null, null, null, null, null, null, null,
                  null, null, null, null);
      return new IncidentDraft(
          or(title, b.titleEn()),
          or(titleAr, b.titleAr()),
          or(type, b.type()),
          or(description, b.description()),
          or(place, b.place()),
          null,
          null,
          null,
          null,
          or(from, b.dateFrom()),
          or(to, b.dateTo()),
          or(killed, b.killedBest()),
          or(killedLow, b.killedLow()),
          or(killedHigh, b.killedHigh()),
          or(grade, b.grade()),
          or(gradeReasons, b.gradeReasons()),
          or(status, b.status()));
    }

    private static <T> T or(T given, T base) {
      return given != null ? given : base;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Record an incident; prints its id.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Fields fields;

    @Override
    public Integer call() {
      RecordIncident.Recorded r =
          withCase(
              spec,
              o ->
                  desk(
                      () ->
                          new RecordIncident(o.data(), o.caseFile())
                              .create(fields.over(null), o.who())));
      spec.commandLine().getOut().println(r.id());
      return 0;
    }
  }

  @Command(
      name = "edit",
      mixinStandardHelpOptions = true,
      description =
          "Record a corrected version of an incident (options left out keep their values);"
              + " prints the id and the new version.")
  static final class Edit implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Fields fields;

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
          withCase(
              spec,
              o ->
                  desk(
                      () -> {
                        RecordIncident record = new RecordIncident(o.data(), o.caseFile());
                        IncidentDraft current =
                            record
                                .draftOf(id)
                                .orElseThrow(
                                    () -> new NoSuchElementException("there is no incident " + id));
                        return record.correct(id, fields.over(current), reason, o.who());
                      }));
      spec.commandLine().getOut().println(r.id() + " version " + r.version());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List incidents, newest first: id, dates, killed (best, low–high), grade, place, title"
              + " (tab-separated).")
  static final class ListIncidents implements Callable<Integer> {
    @Spec CommandSpec spec;

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
      PrintWriter out = spec.commandLine().getOut();
      withCase(
          spec,
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
          killed(i),
          grade,
          place,
          i.titleEn() != null ? i.titleEn() : i.titleAr());
    }
  }

  static String placeName(Location l) {
    return l.nameEn() != null ? l.nameEn() : l.nameAr();
  }

  static String killed(Incident i) {
    if (i.casualtiesBest() == null && i.casualtiesLow() == null) {
      return "";
    }
    String best = i.casualtiesBest() == null ? "?" : i.casualtiesBest().toString();
    return i.casualtiesLow() == null && i.casualtiesHigh() == null
        ? best
        : best
            + " ("
            + (i.casualtiesLow() == null ? "?" : i.casualtiesLow())
            + "–"
            + (i.casualtiesHigh() == null ? "?" : i.casualtiesHigh())
            + ")";
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show an incident: its current version, evidence links, attributions, other links,"
              + " withdrawn links, versions and the custody log entries that name it.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
    long id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      withCase(
          spec,
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
                out,
                "to",
                i.endDate() == null ? null : i.endDate() + " (" + i.endPrecision() + ")");
            field(
                out,
                "place",
                i.locationId() == null
                    ? null
                    : cf.locations()
                        .find(i.locationId())
                        .map(IncidentCommand::placeName)
                        .orElse(null));
            field(out, "killed", killed(i));
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
                      + segment(e.from(), e.to())
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

  static String segment(Double from, Double to) {
    if (from == null && to == null) {
      return "";
    }
    return ", seconds " + (from == null ? "0" : fmt(from)) + "–" + (to == null ? "end" : fmt(to));
  }

  private static String fmt(double s) {
    return String.format(java.util.Locale.ROOT, "%.3f", s).replaceAll("\\.?0+$", "");
  }

  @Command(
      name = "link-evidence",
      mixinStandardHelpOptions = true,
      description =
          "Link an evidence item (or a segment of a video) to an incident; prints the link's id"
              + " and the custody log entry.")
  static final class LinkEvidenceCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

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
          withCase(
              spec,
              o ->
                  desk(
                      () ->
                          new LinkEvidence(o.data(), o.caseFile())
                              .link(id, evidence, from, to, o.who())));
      spec.commandLine().getOut().println(l.id() + " log_index " + l.logIndex());
      return 0;
    }
  }

  @Command(
      name = "attribute",
      mixinStandardHelpOptions = true,
      description =
          "Attribute an incident to an actor (an unknown name becomes a new actor); prints the"
              + " attribution's id.")
  static final class Attribute implements Callable<Integer> {
    @Spec CommandSpec spec;

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
          withCase(
              spec,
              o ->
                  desk(
                      () ->
                          new AttributeIncident(o.data(), o.caseFile())
                              .attribute(
                                  id,
                                  new AttributeIncident.Draft(
                                      actor, actorKind, role, grade, rationale, evidence),
                                  o.who())));
      spec.commandLine()
          .getOut()
          .println(a.id() + (a.newActor() ? " new actor " : " actor ") + a.actorId());
      return 0;
    }
  }

  @Command(
      name = "link",
      mixinStandardHelpOptions = true,
      description = "Link a victim record, a source or a related incident; prints the link's id.")
  static final class Link implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
    long id;

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "victim, source or incident.")
    String kind;

    @Option(names = "--target", required = true, paramLabel = "ID", description = "Its id.")
    long target;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note.")
    String note;

    @Override
    public Integer call() {
      LinkToIncident.Linked l =
          withCase(
              spec,
              o ->
                  desk(
                      () ->
                          new LinkToIncident(o.data(), o.caseFile())
                              .link(id, kind, target, note, o.who())));
      spec.commandLine().getOut().println(l.id());
      return 0;
    }
  }

  @Command(
      name = "withdraw",
      mixinStandardHelpOptions = true,
      description =
          "Withdraw a link that no longer holds (nothing is removed: the incident's history keeps"
              + " it); prints the withdrawal's id.")
  static final class Withdraw implements Callable<Integer> {
    @Spec CommandSpec spec;

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
          withCase(
              spec,
              o ->
                  desk(
                      () ->
                          new WithdrawLink(o.data(), o.caseFile())
                              .withdraw(id, kind, link, reason, o.who())));
      spec.commandLine().getOut().println(w.id());
      return 0;
    }
  }
}
