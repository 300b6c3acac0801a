package org.sijill.workflow;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.Location;
import org.sijill.casefile.model.PublicClaim;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.access.Visibility;

/**
 * Every public claim beside what the case can say about the same scope — places × period ×
 * category: the persons its lists document by name, the newest estimate that covers the scope with
 * its interval, and the evidence of the incidents in scope. A claim whose figure lies above the
 * interval's upper bound, or below the documented count, is marked as such: the ledger shows, it
 * does not judge.
 *
 * <p>Scope, as read from a claim:
 *
 * <ul>
 *   <li><b>places</b>: the claim's location (a governorate by its names; a finer place by the place
 *       of death); with none, the governorates of the case's lists whose names the claim's scope
 *       text contains ("Latakia and Tartus governorates"); with none of those, the whole case, and
 *       a note says so.
 *   <li><b>period</b>: the claim's period; an open end is open. A record whose date of death is
 *       only a month counts when that month overlaps the period; an undated record counts only when
 *       the claim has no period.
 *   <li><b>category</b>: the lists record deaths, so only a claim about the killed is compared.
 * </ul>
 *
 * <p>A person of the current linkage run is documented in scope when one of its records is in scope
 * (place and date of the same record). The estimate is the newest estimation's recommended one for
 * the whole case, or, when that estimation is by governorate alone and the claim names
 * governorates, the sum over those strata (the sum of their bounds is wider than the sum's own
 * interval, so it is the cautious side). An estimate that covers more than the claim's scope (a
 * wider period or more places) still bounds it from above, and says so ({@code covers: wider}).
 */
public final class ClaimsLedger {
  private final CaseFile caseFile;
  private final EstimationResults estimations;

  public ClaimsLedger(CaseFile caseFile) {
    this.caseFile = caseFile;
    this.estimations = new EstimationResults(caseFile);
  }

  /**
   * What the case says about a scope.
   *
   * @param covers {@code exact} when the estimate is for exactly the claim's places and every
   *     documented person of it is in the claim's period, {@code wider} when it covers more
   */
  public record Figure(
      double total,
      Double lower,
      Double upper,
      String method,
      String model,
      long estimation,
      String covers,
      String basis) {}

  /**
   * One line of the ledger.
   *
   * @param places the places the claim was compared on (empty: the whole case)
   * @param documented persons documented by name in scope; null when the lists cannot say (a claim
   *     about the missing or injured, or a case not yet linked)
   * @param estimate null when no estimation covers the scope
   * @param evidence evidence items of the incidents in scope
   * @param aboveInterval the figure lies above the estimate's upper bound
   * @param belowDocumented the figure (its upper end) lies below the documented count
   */
  public record Entry(
      PublicClaim claim,
      List<String> places,
      Long documented,
      Figure estimate,
      long evidence,
      boolean aboveInterval,
      boolean belowDocumented,
      List<String> notes) {
    public Entry {
      places = List.copyOf(places);
      notes = List.copyOf(notes);
    }

    /** The marks in words, for tables and exports. */
    public List<String> marks() {
      List<String> m = new ArrayList<>();
      if (aboveInterval) {
        m.add("above the interval");
      }
      if (belowDocumented) {
        m.add("below the documented count");
      }
      return m;
    }
  }

  /** The ledger as someone who sees everything reads it. */
  public List<Entry> entries() {
    return entries(Visibility.everything(caseFile));
  }

  /**
   * The ledger, claims in the order they were made, as {@code seen} lets its reader see it: the
   * evidence count leaves out incidents and items restricted to groups the reader is not in, so it
   * tells nothing of them.
   */
  public List<Entry> entries(Visibility seen) {
    List<PublicClaim> claims = caseFile.publicClaims().all();
    Optional<LinkageRun> run = caseFile.linkageRuns().current();
    Map<Long, List<VictimRecord>> persons =
        run.map(r -> caseFile.linkageRuns().records(r.id())).orElse(Map.of());
    Set<String> governorates = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    persons.values().forEach(rs -> rs.forEach(r -> addIfPresent(governorates, r.governorate())));
    Map<Long, Location> locations = new HashMap<>();
    caseFile.locations().all().forEach(l -> locations.put(l.id(), l));
    Optional<EstimationResults.Results> est = estimations.latest();
    List<Incident> incidents = caseFile.incidents().all();
    List<Entry> out = new ArrayList<>(claims.size());
    for (PublicClaim c : claims) {
      out.add(entry(c, run.isPresent(), persons, governorates, locations, est, incidents, seen));
    }
    return out;
  }

  private Entry entry(
      PublicClaim c,
      boolean linked,
      Map<Long, List<VictimRecord>> persons,
      Set<String> governorates,
      Map<Long, Location> locations,
      Optional<EstimationResults.Results> est,
      List<Incident> incidents,
      Visibility seen) {
    List<String> notes = new ArrayList<>();
    // Places: by governorate names (of the lists) or by the names of a finer place.
    Set<String> govs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> finer = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Location where = c.locationId() == null ? null : locations.get(c.locationId());
    if (where != null) {
      Set<String> names = names(where);
      if ("governorate".equals(where.level())) {
        govs.addAll(names);
      } else {
        finer.addAll(names);
      }
    } else if (c.scope() != null) {
      for (String g : governorates) {
        if (Pattern.compile("\\b" + Pattern.quote(g) + "\\b", Pattern.CASE_INSENSITIVE)
            .matcher(c.scope())
            .find()) {
          govs.add(g);
        }
      }
    }
    List<String> places = new ArrayList<>();
    if (where != null) {
      places.add(where.nameEn() != null ? where.nameEn() : where.nameAr());
    } else {
      places.addAll(govs);
    }
    if (places.isEmpty()) {
      notes.add(
          c.scope() == null || c.scope().isBlank()
              ? "the claim names no place: compared with the whole case"
              : "the scope '"
                  + c.scope()
                  + "' names no governorate of the lists: compared with the whole case");
    }
    long evidence = evidence(c, where, govs, locations, incidents, seen);
    if (!"killed".equals(c.category())) {
      notes.add("the lists record deaths; a claim about the " + c.category() + " is not compared");
      return new Entry(c, places, null, null, evidence, false, false, notes);
    }
    if (!linked) {
      notes.add("the case has not been linked: no persons to compare with");
      return new Entry(c, places, null, null, evidence, false, false, notes);
    }
    long inScope = 0;
    long placeOnly = 0;
    for (List<VictimRecord> records : persons.values()) {
      boolean place = false;
      boolean both = false;
      for (VictimRecord r : records) {
        boolean p = inPlace(r, govs, finer);
        place |= p;
        both |= p && inPeriod(r.dateOfDeath(), c.periodStart(), c.periodEnd());
      }
      inScope += both ? 1 : 0;
      placeOnly += place ? 1 : 0;
    }
    Figure figure =
        est.isEmpty()
            ? null
            : figure(est.get(), govs, finer, inScope, placeOnly, notes).orElse(null);
    if (figure == null && est.isEmpty()) {
      notes.add("the case has not been estimated yet");
    }
    long high = c.figureHigh() == null ? c.figureLow() : c.figureHigh();
    boolean above = figure != null && figure.upper() != null && c.figureLow() > figure.upper();
    boolean below = high < inScope;
    return new Entry(c, places, inScope, figure, evidence, above, below, notes);
  }

  private static Optional<Figure> figure(
      EstimationResults.Results e,
      Set<String> govs,
      Set<String> finer,
      long inScope,
      long placeOnly,
      List<String> notes) {
    boolean wholePeriod = inScope == placeOnly;
    if (govs.isEmpty() && finer.isEmpty()) {
      return whole(e, wholePeriod ? "exact" : "wider", "the whole case");
    }
    if (finer.isEmpty() && e.strataFields().equals(List.of("governorate"))) {
      double total = 0;
      double lower = 0;
      double upper = 0;
      boolean bounds = true;
      Set<String> methods = new LinkedHashSet<>();
      int found = 0;
      for (EstimationResults.Stratum s : e.strata()) {
        if (s.name() != null && govs.contains(s.name()) && s.recommended() != null) {
          EstimationResults.Line r = s.recommended();
          total += r.total();
          bounds &= r.lower() != null && r.upper() != null;
          lower += r.lower() == null ? 0 : r.lower();
          upper += r.upper() == null ? 0 : r.upper();
          methods.add(r.method());
          found++;
        }
      }
      if (found == govs.size()) {
        return Optional.of(
            new Figure(
                total,
                bounds ? lower : null,
                bounds ? upper : null,
                String.join("+", methods),
                found == 1 ? e.strata().get(0).recommended().model() : "sum of strata",
                e.estimationId(),
                wholePeriod ? "exact" : "wider",
                found == 1
                    ? "the stratum " + String.join(", ", govs)
                    : "the sum of the strata "
                        + String.join(", ", govs)
                        + " (bounds summed: wider than the sum's own interval)"));
      }
    }
    notes.add(
        "no estimation is for these places alone: the whole case's estimate bounds them from above"
            + " (estimate by governorate to compare more closely)");
    return whole(e, "wider", "the whole case");
  }

  private static Optional<Figure> whole(EstimationResults.Results e, String covers, String basis) {
    EstimationResults.Line r = e.whole().recommended();
    if (r == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Figure(
            r.total(),
            r.lower(),
            r.upper(),
            r.method(),
            r.model(),
            e.estimationId(),
            covers,
            basis));
  }

  private static boolean inPlace(VictimRecord r, Set<String> govs, Set<String> finer) {
    if (govs.isEmpty() && finer.isEmpty()) {
      return true;
    }
    return r.governorate() != null && govs.contains(r.governorate().strip())
        || r.placeOfDeath() != null && finer.contains(r.placeOfDeath().strip());
  }

  /** Whether a date of death ({@code yyyy-MM-dd} or {@code yyyy-MM}) can fall in the period. */
  static boolean inPeriod(String date, LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return true;
    }
    if (date == null || date.isBlank()) {
      return false;
    }
    LocalDate first;
    LocalDate last;
    if (date.length() == 7) {
      YearMonth m = YearMonth.parse(date);
      first = m.atDay(1);
      last = m.atEndOfMonth();
    } else {
      first = LocalDate.parse(date);
      last = first;
    }
    return (from == null || !last.isBefore(from)) && (to == null || !first.isAfter(to));
  }

  /** Evidence items of the incidents in the claim's places whose dates overlap its period. */
  private long evidence(
      PublicClaim c,
      Location where,
      Set<String> govs,
      Map<Long, Location> locations,
      List<Incident> incidents,
      Visibility seen) {
    Set<Long> items = new java.util.HashSet<>();
    for (Incident i : incidents) {
      if (!seen.sees(ItemType.INCIDENT, i.id())) {
        continue;
      }
      LocalDate start = i.startDate();
      LocalDate end = i.endDate() != null ? i.endDate() : start;
      if (c.periodStart() != null && end != null && end.isBefore(c.periodStart())
          || c.periodEnd() != null && start != null && start.isAfter(c.periodEnd())) {
        continue;
      }
      if (where != null || !govs.isEmpty()) {
        if (!within(i.locationId(), where, govs, locations)) {
          continue;
        }
      }
      caseFile.evidence().forIncident(i.id()).stream()
          .filter(e -> seen.seesEvidence(e))
          .forEach(e -> items.add(e.id()));
    }
    return items.size();
  }

  /** Whether a place is the claim's location, or lies in it, or in one of its governorates. */
  private static boolean within(
      Long placeId, Location where, Set<String> govs, Map<Long, Location> locations) {
    for (int depth = 0; placeId != null && depth < 10; depth++) {
      Location l = locations.get(placeId);
      if (l == null) {
        return false;
      }
      if (where != null && l.id() == where.id()) {
        return true;
      }
      if (where == null && "governorate".equals(l.level())) {
        for (String n : names(l)) {
          if (govs.contains(n)) {
            return true;
          }
        }
      }
      placeId = l.parentId();
    }
    return false;
  }

  private static Set<String> names(Location l) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    addIfPresent(names, l.nameEn());
    addIfPresent(names, l.nameAr());
    if (l.variants() != null) {
      l.variants().forEach(v -> addIfPresent(names, v));
    }
    return names;
  }

  private static void addIfPresent(Set<String> set, String v) {
    if (v != null && !v.isBlank()) {
      set.add(v.strip());
    }
  }
}
