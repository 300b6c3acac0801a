package org.sijill.casefile.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.gazetteer.Gazetteer;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Enums.ClaimKind;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.EvidenceStatus;
import org.sijill.casefile.model.Enums.Grade;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.repo.Incidents.NewIncident;
import org.sijill.casefile.repo.PublicClaims.NewPublicClaim;
import org.sijill.casefile.repo.Victims.NewRecord;
import org.sijill.linkage.synthetic.GeneratedList;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.ListSpec;
import org.sijill.linkage.synthetic.Place;
import org.sijill.linkage.synthetic.Script;
import org.sijill.linkage.synthetic.SyntheticRow;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * The synthetic demo case: incidents in the coastal towns, sources, three overlapping victim lists
 * (from the project's one synthetic population generator, in the linkage module) and public claims
 * of the "9,000" versus "at least 1,300" kind.
 *
 * <p>Everything here is generated: no name belongs to a real person, and every source's name says
 * "(synthetic)". The web app labels every page of a demo case.
 */
public final class DemoCase {
  /** The source that marks a case file as holding the demo. */
  public static final String MARKER_SOURCE = "Sijill demo generator";

  public static final long DEFAULT_SEED = 20250306L;
  private static final String BY = "demo-generator";

  /** What the demo loaded. */
  public record Summary(
      int incidents, int sources, Map<String, Integer> recordsPerList, int persons) {
    @Override
    public String toString() {
      return incidents
          + " incidents, "
          + sources
          + " sources, victim lists "
          + recordsPerList
          + " ("
          + persons
          + " synthetic persons documented)";
    }
  }

  private DemoCase() {}

  /**
   * Grades each demo incident from what the case file holds about it, and records a new grade
   * (superseding the old) where it changed: {@code confirmed} only with at least one linked
   * evidence item assessed as corroborated or verified; {@code fair} with claims from two or more
   * sources, or with linked evidence not yet corroborated; {@code weak} otherwise. Called when the
   * demo case is loaded (before it has evidence) and again after its evidence is stored, so no
   * incident is confirmed without evidence.
   */
  public static void gradeIncidents(CaseFile caseFile) {
    var claims = caseFile.claims();
    for (var incident : caseFile.incidents().all()) {
      long id = incident.id();
      var evidence = caseFile.evidence().forIncident(id);
      long corroborated =
          evidence.stream()
              .map(e -> claims.current(AssessmentTarget.EVIDENCE, e.id()))
              .filter(
                  a ->
                      a.isPresent()
                          && (EvidenceStatus.CORROBORATED.db().equals(a.get().status())
                              || EvidenceStatus.VERIFIED.db().equals(a.get().status())))
              .count();
      long sources = claims.forIncident(id).stream().map(c -> c.sourceId()).distinct().count();
      Grade grade =
          corroborated > 0
              ? Grade.CONFIRMED
              : (sources >= 2 || !evidence.isEmpty() ? Grade.FAIR : Grade.WEAK);
      var current = claims.current(AssessmentTarget.INCIDENT, id);
      if (current.isPresent() && grade.db().equals(current.get().grade())) {
        continue;
      }
      claims.assess(
          AssessmentTarget.INCIDENT,
          id,
          "demo rule: evidence and independent sources",
          grade,
          null,
          "Synthetic assessment: "
              + corroborated
              + " corroborated evidence item(s) of "
              + evidence.size()
              + " linked, claims from "
              + sources
              + " source(s).",
          BY,
          current.map(a -> a.id()).orElse(null));
    }
  }

  /** Whether this case file already holds the demo case. */
  public static boolean isLoaded(CaseFile caseFile) {
    return caseFile.sources().findByName(MARKER_SOURCE).isPresent();
  }

  /** Loads the demo case; the same seed gives the same case. */
  public static Summary load(CaseFile caseFile, long seed) {
    Gazetteer gazetteer = Gazetteer.syria();
    Map<String, Long> places = gazetteer.install(caseFile, BY);

    var sources = caseFile.sources();
    sources.add(SourceKind.ARCHIVE, null, MARKER_SOURCE, Confidentiality.PUBLIC, null, BY);
    long groupA =
        sources.add(
            SourceKind.DOCUMENTATION_GROUP,
            "شبكة توثيق الساحل (اصطناعية)",
            "Coastal Documentation Network (synthetic)",
            Confidentiality.PUBLIC,
            null,
            BY);
    long groupB =
        sources.add(
            SourceKind.DOCUMENTATION_GROUP,
            null,
            "Victims Register Project (synthetic)",
            Confidentiality.PUBLIC,
            null,
            BY);
    long groupC =
        sources.add(
            SourceKind.DOCUMENTATION_GROUP,
            "مرصد الضحايا (اصطناعي)",
            "Victims Monitor (synthetic)",
            Confidentiality.PUBLIC,
            null,
            BY);
    long media =
        sources.add(
            SourceKind.MEDIA,
            null,
            "Coastal News Agency (synthetic)",
            Confidentiality.PUBLIC,
            null,
            BY);
    long account =
        sources.add(
            SourceKind.SOCIAL_ACCOUNT,
            null,
            "@gunman_channel (synthetic)",
            Confidentiality.PUBLIC,
            null,
            BY);
    long witness =
        sources.add(
            SourceKind.WITNESS,
            "شاهد ١ (اصطناعي)",
            "Witness W-1 (synthetic)",
            Confidentiality.CONFIDENTIAL,
            null,
            BY);

    // Victim lists: one population, three overlapping lists with different capture rates.
    List<Place> genPlaces = new ArrayList<>();
    Map<String, String> enToKey = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (DemoTowns.Town t : DemoTowns.INCIDENTS) {
      if (used.add(t.key())) {
        Gazetteer.Place p = gazetteer.find(t.key()).orElseThrow();
        List<String> latin = new ArrayList<>();
        latin.add(p.nameEn());
        latin.addAll(p.variants());
        String governorate = gazetteer.find(p.parent()).map(Gazetteer.Place::nameEn).orElse("");
        genPlaces.add(new Place(p.nameAr(), latin, governorate, t.key().equals("jableh") ? 4 : 2));
        enToKey.put(p.nameEn(), t.key());
      }
    }
    GeneratedLists lists =
        VictimListGenerator.generate(
            new GeneratorConfig(
                seed,
                700,
                List.of(
                    new ListSpec("coastal-network", 0.55, Script.ARABIC),
                    new ListSpec("victims-register", 0.45, Script.LATIN),
                    new ListSpec("victims-monitor", 0.35, Script.MIXED)),
                genPlaces,
                LocalDate.of(2025, 3, 6),
                LocalDate.of(2025, 3, 10),
                0.5));
    long[] listSources = {groupA, groupB, groupC};
    Map<String, Integer> perList = new LinkedHashMap<>();
    Set<String> persons = new HashSet<>();
    for (int i = 0; i < lists.lists().size(); i++) {
      GeneratedList l = lists.lists().get(i);
      List<NewRecord> rows = new ArrayList<>();
      int line = 2;
      for (SyntheticRow r : l.rows()) {
        rows.add(DemoRows.toRecord(line++, r));
        persons.add(r.personId());
      }
      caseFile
          .victims()
          .importList(
              l.name(),
              listSources[i],
              l.name() + ".csv",
              DemoRows.sha256Of(l),
              "UTF-8",
              rows,
              BY,
              n -> {});
      perList.put(l.name(), rows.size());
    }

    // Incidents, with casualty ranges in proportion to the documented deaths at their place.
    Map<String, Integer> perPlace = DemoRows.documentedPerPlace(lists, genPlaces);
    Map<String, Integer> incidentsAtPlace = new HashMap<>();
    DemoTowns.INCIDENTS.forEach(t -> incidentsAtPlace.merge(t.key(), 1, Integer::sum));
    List<Long> incidentIds = new ArrayList<>();
    for (DemoTowns.Town t : DemoTowns.INCIDENTS) {
      String nameEn = gazetteer.find(t.key()).orElseThrow().nameEn();
      int documented = perPlace.getOrDefault(nameEn, 0);
      int best =
          t.type().equals("killing_of_civilians")
              ? Math.max(1, documented / incidentsAtPlace.get(t.key()))
              : Math.max(1, documented / 10);
      incidentIds.add(
          caseFile
              .incidents()
              .add(
                  new NewIncident(
                      t.titleAr(),
                      t.titleEn(),
                      t.type(),
                      "Synthetic demo incident: generated to show how Sijill records an incident.",
                      t.date(),
                      "day",
                      t.date().plusDays(1),
                      "day",
                      places.get(t.key()),
                      best,
                      best,
                      (int) Math.round(best * 1.4) + 2,
                      t.type().equals("armed_clash") ? "under_review" : "published"),
                  BY));
    }
    // One correction, to show that history is kept.
    long first = incidentIds.get(1);
    var original = caseFile.incidents().find(first).orElseThrow();
    caseFile
        .incidents()
        .correct(
            first,
            new NewIncident(
                original.titleAr(),
                original.titleEn(),
                original.type(),
                original.description(),
                original.startDate(),
                original.startPrecision(),
                original.endDate(),
                original.endPrecision(),
                original.locationId(),
                original.casualtiesBest(),
                original.casualtiesLow(),
                original.casualtiesHigh() + 10,
                original.status()),
            BY,
            "a second list reported further deaths not yet matched (synthetic)");

    // Claims about incidents, and graded assessments of them.
    var claims = caseFile.claims();
    for (int i = 0; i < incidentIds.size(); i++) {
      long id = incidentIds.get(i);
      DemoTowns.Town t = DemoTowns.INCIDENTS.get(i);
      claims.addClaim(
          media,
          ClaimKind.OCCURRENCE,
          "Report: " + t.titleEn() + " (synthetic report).",
          null,
          t.date(),
          id,
          null,
          BY);
      if (i % 3 == 1) {
        claims.addClaim(
            witness,
            ClaimKind.ATTRIBUTION,
            "Witness describes armed men arriving in pickup trucks (synthetic testimony).",
            null,
            t.date().plusDays(2),
            id,
            null,
            BY);
      }
    }
    gradeIncidents(caseFile);

    int documented = lists.documentedPersons();
    var publicClaims = caseFile.publicClaims();
    publicClaims.add(
        new NewPublicClaim(
            "A gunman in a circulated video (synthetic)",
            account,
            LocalDate.of(2025, 3, 8),
            9000,
            null,
            "about",
            "killed",
            "the coast",
            null,
            LocalDate.of(2025, 3, 6),
            LocalDate.of(2025, 3, 8),
            null,
            "\"We killed nine thousand\" (synthetic paraphrase of a boast)"),
        BY);
    publicClaims.add(
        new NewPublicClaim(
            "Victims Monitor (synthetic)",
            groupC,
            LocalDate.of(2025, 3, 10),
            1300,
            null,
            "at_least",
            "killed",
            "Latakia and Tartus governorates",
            null,
            LocalDate.of(2025, 3, 6),
            LocalDate.of(2025, 3, 10),
            null,
            "at least 1,300 killed, including civilians (synthetic)"),
        BY);
    publicClaims.add(
        new NewPublicClaim(
            "Coastal Documentation Network (synthetic)",
            groupA,
            LocalDate.of(2025, 3, 12),
            documented,
            (int) Math.round(documented * 1.5),
            "about",
            "killed",
            "documented by name in three lists",
            null,
            LocalDate.of(2025, 3, 6),
            LocalDate.of(2025, 3, 10),
            null,
            "named victims, with an estimate of the undocumented (synthetic)"),
        BY);
    return new Summary(
        DemoTowns.INCIDENTS.size(), caseFile.sources().all().size(), perList, persons.size());
  }
}
