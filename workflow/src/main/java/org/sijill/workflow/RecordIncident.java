package org.sijill.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.Grade;
import org.sijill.casefile.model.Enums.IncidentStatus;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Location;
import org.sijill.casefile.model.Vocabulary;
import org.sijill.casefile.repo.Incidents.NewIncident;
import org.sijill.casefile.repo.Locations.NewLocation;

/**
 * Records an incident from the desk, or a corrected version of one (the reason is required; the
 * earlier versions stay, see {@code /api/incidents/{id}/history}). Its grade is an assessment of
 * the incident with the analyst's reasons; a new grade supersedes the one in force. Every value is
 * checked before anything is written, so a refused draft stores nothing. Each creation and
 * correction is a {@code recorded} entry of the custody log naming the incident and its version.
 */
public final class RecordIncident {
  static final String GRADING = "analyst grading";
  private final CaseFile caseFile;
  private final ItemCustody custody;

  /**
   * @param dataDir the data directory whose custody log tells of each write (null: none; writes
   *     refused)
   */
  public RecordIncident(Path dataDir, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.custody = new ItemCustody(dataDir, caseFile);
  }

  /**
   * What was recorded.
   *
   * @param gradeAssessment the assessment that records a new grade, or null when the grade did not
   *     change
   * @param logIndex the custody log entry that tells of it
   */
  public record Recorded(
      long id, int version, Long locationId, Long gradeAssessment, long logIndex) {}

  /**
   * Records a new incident.
   *
   * @throws EvidenceException when there is no custody log to tell of it (nothing is stored)
   */
  public Recorded create(IncidentDraft d, String by) {
    Checked c = check(d);
    custody.requireVault();
    Long place = place(c, d, by);
    long id = caseFile.incidents().add(incident(c, place), by);
    Long grade = grade(id, c, by);
    return new Recorded(id, 1, place, grade, log("created", id, 1, place, grade, by));
  }

  /** The {@code recorded} entry of an incident's version. */
  private long log(String action, long id, int version, Long place, Long grade, String by) {
    Map<String, String> details = new TreeMap<>();
    details.put("record", "incident");
    details.put("action", action);
    details.put("incident", Long.toString(id));
    details.put("version", Integer.toString(version));
    if (place != null) {
      details.put("location", place.toString());
    }
    if (grade != null) {
      details.put("grade_assessment", grade.toString());
    }
    return custody.logWrite(by, details);
  }

  /**
   * Records a corrected version of incident {@code id}.
   *
   * @throws InvalidInputException naming the field, {@code reason} when there is none
   * @throws java.util.NoSuchElementException when there is no such incident
   */
  public Recorded correct(long id, IncidentDraft d, String reason, String by) {
    String why = DeskInput.text(reason, "reason", 2000);
    if (why == null) {
      throw new InvalidInputException("reason", "say why the incident is being changed");
    }
    if (caseFile.incidents().find(id).isEmpty()) {
      throw new java.util.NoSuchElementException("there is no incident " + id);
    }
    Checked c = check(d);
    custody.requireVault();
    Long place = place(c, d, by);
    int version = caseFile.incidents().correct(id, incident(c, place), by, why);
    Long grade = grade(id, c, by);
    return new Recorded(id, version, place, grade, log("corrected", id, version, place, grade, by));
  }

  /** The current version of an incident as a draft: what an edit form starts from. */
  public Optional<IncidentDraft> draftOf(long id) {
    return caseFile.incidents().find(id).map(this::draft);
  }

  private IncidentDraft draft(Incident i) {
    Optional<Assessment> grade = caseFile.claims().current(AssessmentTarget.INCIDENT, i.id());
    return new IncidentDraft(
        i.titleEn(),
        i.titleAr(),
        i.type(),
        i.description(),
        i.locationId() == null ? null : i.locationId().toString(),
        null,
        null,
        null,
        null,
        i.startDate() == null ? null : new DeskInput.Day(i.startDate(), i.startPrecision()).text(),
        i.endDate() == null || i.endDate().equals(i.startDate())
            ? null
            : new DeskInput.Day(i.endDate(), i.endPrecision()).text(),
        i.casualtiesBest(),
        i.casualtiesLow(),
        i.casualtiesHigh(),
        grade.map(Assessment::grade).orElse(null),
        grade.map(Assessment::rationale).orElse(null),
        i.status());
  }

  /** A draft's values, checked. */
  private record Checked(
      String titleEn,
      String titleAr,
      String type,
      String description,
      Location place,
      DeskInput.Day from,
      DeskInput.Day to,
      Integer best,
      Integer low,
      Integer high,
      String grade,
      String gradeReasons,
      String status) {}

  private Checked check(IncidentDraft d) {
    String en = DeskInput.text(d.titleEn(), "title", 300);
    String ar = DeskInput.text(d.titleAr(), "titleAr", 300);
    if (en == null && ar == null) {
      throw new InvalidInputException("title", "give a title, in Latin or Arabic script or both");
    }
    String type = DeskInput.text(d.type(), "type", 60);
    if (type != null && !type.matches("[\\p{L}0-9_ -]+")) {
      throw new InvalidInputException("type", "letters, digits, spaces and _ only");
    }
    String description = DeskInput.text(d.description(), "description", 10_000);
    Location place = null;
    if (d.latitude() != null || d.longitude() != null) {
      if (d.latitude() == null || d.longitude() == null) {
        throw new InvalidInputException("latitude", "a point needs both latitude and longitude");
      }
      if (!(d.latitude() >= -90 && d.latitude() <= 90)) {
        throw new InvalidInputException("latitude", "must be between -90 and 90");
      }
      if (!(d.longitude() >= -180 && d.longitude() <= 180)) {
        throw new InvalidInputException("longitude", "must be between -180 and 180");
      }
      if (d.precisionM() != null && (d.precisionM() < 0 || d.precisionM() > 1_000_000)) {
        throw new InvalidInputException("precisionM", "must be between 0 and 1,000,000 metres");
      }
      DeskInput.text(d.placeName(), "placeName", 200);
    } else {
      String key = DeskInput.text(d.place(), "place", 200);
      if (key != null) {
        place = findPlace(key);
      }
    }
    DeskInput.Day from = DeskInput.day(d.dateFrom(), "dateFrom");
    DeskInput.Day to = DeskInput.day(d.dateTo(), "dateTo");
    if (to != null && from == null) {
      throw new InvalidInputException("dateFrom", "a range needs its first day");
    }
    if (to != null && to.last().isBefore(from.date())) {
      throw new InvalidInputException("dateTo", "ends before dateFrom");
    }
    Integer best = DeskInput.count(d.killedBest(), "killedBest");
    Integer low = DeskInput.count(d.killedLow(), "killedLow");
    Integer high = DeskInput.count(d.killedHigh(), "killedHigh");
    if (low != null && high != null && low > high) {
      throw new InvalidInputException("killedLow", "is more than killedHigh");
    }
    if (best != null && low != null && best < low) {
      throw new InvalidInputException("killedBest", "is less than killedLow");
    }
    if (best != null && high != null && best > high) {
      throw new InvalidInputException("killedBest", "is more than killedHigh");
    }
    String grade = DeskInput.oneOf(Grade.class, d.grade(), "grade");
    String reasons = DeskInput.text(d.gradeReasons(), "gradeReasons", 4000);
    if (grade != null && reasons == null) {
      throw new InvalidInputException("gradeReasons", "say why the incident has this grade");
    }
    String status = DeskInput.oneOf(IncidentStatus.class, d.status(), "status");
    return new Checked(
        en, ar, type, description, place, from, to, best, low, high, grade, reasons, status);
  }

  /** A place by id or by any name the gazetteer knows. */
  private Location findPlace(String key) {
    Optional<Location> found = Optional.empty();
    if (key.matches("\\d{1,18}")) {
      found = caseFile.locations().find(Long.parseLong(key));
    }
    if (found.isEmpty()) {
      found = caseFile.locations().findByName(key);
    }
    return found.orElseThrow(
        () ->
            new InvalidInputException(
                "place",
                "'"
                    + DeskInput.abbreviate(key)
                    + "' is not a place of the gazetteer (GET /api/locations lists them)"));
  }

  /** The place's id; a point picked on the map becomes a new site (the only write before it). */
  private Long place(Checked c, IncidentDraft d, String by) {
    if (d.latitude() == null) {
      return c.place() == null ? null : c.place().id();
    }
    String name = DeskInput.text(d.placeName(), "placeName", 200);
    boolean arabic =
        name != null
            && name.codePoints()
                .anyMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.ARABIC);
    if (name == null) {
      name = String.format(java.util.Locale.ROOT, "%.5f, %.5f", d.latitude(), d.longitude());
    }
    return caseFile
        .locations()
        .add(
            new NewLocation(
                arabic ? name : null,
                arabic ? null : name,
                List.of(),
                "site",
                null,
                d.latitude(),
                d.longitude(),
                d.precisionM(),
                "picked on the map by " + by),
            by);
  }

  private static NewIncident incident(Checked c, Long place) {
    DeskInput.Day end = c.to() == null ? c.from() : c.to();
    return new NewIncident(
        c.titleAr(),
        c.titleEn(),
        c.type() == null ? "incident" : c.type(),
        c.description(),
        c.from() == null ? null : c.from().date(),
        c.from() == null ? "day" : c.from().precision(),
        end == null ? null : end.date(),
        end == null ? "day" : end.precision(),
        place,
        c.best(),
        c.low(),
        c.high(),
        c.status() == null ? IncidentStatus.UNDER_REVIEW.db() : c.status());
  }

  /** Records the grade when it is new or its reasons changed; returns the assessment's id. */
  private Long grade(long id, Checked c, String by) {
    if (c.grade() == null) {
      return null;
    }
    Optional<Assessment> current = caseFile.claims().current(AssessmentTarget.INCIDENT, id);
    if (current.isPresent()
        && c.grade().equals(current.get().grade())
        && c.gradeReasons().equals(current.get().rationale())) {
      return null;
    }
    return caseFile
        .claims()
        .assess(
            AssessmentTarget.INCIDENT,
            id,
            GRADING,
            Vocabulary.parse(Grade.class, c.grade()),
            null,
            c.gradeReasons(),
            by,
            current.map(Assessment::id).orElse(null));
  }
}
