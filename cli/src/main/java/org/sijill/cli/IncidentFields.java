package org.sijill.cli;

import org.sijill.workflow.IncidentDraft;
import picocli.CommandLine.Option;

/** The fields of an incident, shared by {@code add} and {@code edit}. */
final class IncidentFields {
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
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
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
