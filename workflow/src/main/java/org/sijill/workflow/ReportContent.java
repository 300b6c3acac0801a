package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.Estimate;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.Location;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.seal.Sealer;
import org.sijill.estimate.AlgorithmVersion;
import org.sijill.estimate.ReportJson;

/**
 * Everything a report publishes, read from the case file in one place so that the site, the PDF,
 * {@code --reproduce} and the tests all see the same numbers.
 *
 * <p>The public list is redacted by rule: a person is left out when an administrator withheld them
 * ({@code sijill report withhold}), or when none of their records comes from a list whose source
 * may be named in public (a source marked restricted or confidential; a list without a source is
 * the case's own and counts as public). A listed person's entry shows only the allowed fields of
 * their first public record: name, sex, age group, date of death, governorate. Every other field
 * (parents' names, exact age, place, cause, status, extra columns) is never published. Left-out
 * persons are still counted in every number.
 *
 * @param numbers what the site and PDF show (JSON, no secrets, no timestamps)
 * @param inputs what the numbers were made from (hashes, run ids, settings, seeds)
 * @param entries the public list, ordered by person id, each entry's exact leaf bytes as text
 */
record ReportContent(ObjectNode numbers, ObjectNode inputs, List<Entry> entries) {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The key, in {@code inputs.json}'s {@code estimation}, of the algorithms' versions. */
  static final String ALGORITHM_VERSIONS = "algorithm_versions";

  /** Fields a public entry may carry, in this order. */
  static final List<String> PUBLIC_FIELDS =
      List.of("name", "sex", "age_group", "date_of_death", "governorate");

  /** One entry of the public list: its person and its canonical JSON text (the leaf's bytes). */
  record Entry(long personId, String id, String json) {}

  static ReportContent read(CaseFile caseFile) {
    LinkageRun run =
        caseFile
            .linkageRuns()
            .current()
            .orElseThrow(
                () ->
                    new PublishException(
                        "the case has no linkage run: link and estimate before publishing"));
    Estimate recommended =
        caseFile
            .estimates()
            .recommended()
            .filter(e -> e.estimationId() != null)
            .orElseThrow(
                () ->
                    new PublishException(
                        caseFile.estimates().latestEstimation().isPresent()
                            ? "the newest estimation recommends no number (refused: its reason"
                                + " is on the estimates page); the report needs a recommended"
                                + " estimate"
                            : "the case has no estimate: estimate before publishing"));
    List<Estimate> estimates = caseFile.estimates().ofEstimation(recommended.estimationId());
    return read(caseFile, run, estimates);
  }

  static ReportContent read(CaseFile caseFile, LinkageRun run, List<Estimate> estimates) {
    Estimate first = estimates.get(0);
    if (first.linkageRunId() != null && first.linkageRunId() != run.id()) {
      throw new PublishException(
          "the newest estimate counts linkage run "
              + first.linkageRunId()
              + " but the current run is "
              + run.id()
              + ": estimate again before publishing");
    }
    Sealer sealer = caseFile.sealer();
    Map<Long, List<VictimRecord>> persons = caseFile.linkageRuns().records(run.id());
    List<String> strataFields =
        first.strata() == null || first.strata().isBlank()
            ? List.of()
            : List.of(first.strata().split(","));

    // Which lists may be named in public: by the confidentiality of their source, and whether the
    // source is restricted to an access group.
    Map<String, java.util.Set<Long>> restricted = ReportListLabels.restricted(caseFile);
    List<ListImport> imports = caseFile.victims().imports();
    Map<Long, Boolean> importPublic = ReportListLabels.importPublic(caseFile, imports, restricted);
    Map<Long, String> marked = caseFile.publications().withheld();
    Map<String, String> listLabel = ReportListLabels.labels(imports, importPublic);
    Map<String, String[]> coverage = new TreeMap<>();

    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> withheldBy = new TreeMap<>();
    Map<String, Integer> documentedBy = new TreeMap<>();
    for (Map.Entry<Long, List<VictimRecord>> p : persons.entrySet()) {
      List<VictimRecord> records = p.getValue();
      for (VictimRecord r : records) {
        String d = r.dateOfDeath();
        if (d != null && !d.isBlank()) {
          String[] c = coverage.computeIfAbsent(r.listName(), k -> new String[] {d, d});
          c[0] = d.compareTo(c[0]) < 0 ? d : c[0];
          c[1] = d.compareTo(c[1]) > 0 ? d : c[1];
        }
      }
      if (!strataFields.isEmpty()) {
        List<RawRow> raws = records.stream().map(r -> new RawRow(r, sealer)).toList();
        List<String> parts = new ArrayList<>();
        for (String f : strataFields) {
          parts.add(EstimateCase.mostCommon(raws, f));
        }
        documentedBy.merge(String.join(" / ", parts), 1, Integer::sum);
      }
      if (marked.containsKey(p.getKey())) {
        withheldBy.merge("withheld by an administrator", 1, Integer::sum);
        continue;
      }
      Optional<VictimRecord> shown =
          records.stream()
              .filter(r -> importPublic.getOrDefault(r.importId(), false))
              .filter(r -> !restricted.get("victim").contains(r.id()))
              .findFirst();
      if (shown.isEmpty()) {
        withheldBy.merge("named only in restricted records or sources", 1, Integer::sum);
        continue;
      }
      entries.add(entry(p.getKey(), shown.get()));
    }
    int withheld = withheldBy.values().stream().mapToInt(Integer::intValue).sum();

    ObjectNode numbers = JSON.createObjectNode();
    numbers.put("demo", org.sijill.casefile.demo.DemoCase.isLoaded(caseFile));
    numbers.put("documented", persons.size());
    numbers.put("listed", entries.size());
    ObjectNode w = numbers.putObject("withheld");
    w.put("total", withheld);
    withheldBy.forEach(w::put);
    ArrayNode sf = numbers.putArray("strata_fields");
    strataFields.forEach(sf::add);
    ArrayNode strata = numbers.putArray("strata");
    Map<String, List<Estimate>> byStratum = new LinkedHashMap<>();
    for (Estimate e : estimates) {
      byStratum
          .computeIfAbsent(e.stratum() == null ? "" : e.stratum(), k -> new ArrayList<>())
          .add(e);
    }
    for (Map.Entry<String, List<Estimate>> s : byStratum.entrySet()) {
      ObjectNode o = strata.addObject();
      o.put("stratum", s.getKey().isEmpty() ? "all" : s.getKey());
      o.put(
          "documented",
          s.getKey().isEmpty() ? persons.size() : documentedBy.getOrDefault(s.getKey(), 0));
      ArrayNode es = o.putArray("estimates");
      for (Estimate e : s.getValue()) {
        ObjectNode x = es.addObject();
        x.put("method", e.method());
        x.put("model", ReportListLabels.relabel(e.model(), listLabel));
        x.put("total", round(e.total()));
        x.put("lower", e.lowerBound() == null ? null : round(e.lowerBound()));
        x.put("upper", e.upperBound() == null ? null : round(e.upperBound()));
        x.put("recommended", e.recommended());
      }
    }

    Map<Long, Location> places = new HashMap<>();
    caseFile.locations().all().forEach(l -> places.put(l.id(), l));
    // The claims ledger, as the counting desk's /desk/claims shows it to a reader outside every
    // access group: the same scope rules, documented counts and estimates (ClaimsLedger).
    numbers.set("claims", ReportClaims.rows(caseFile, listLabel));

    ArrayNode incidents = numbers.putArray("incidents");
    List<String> evidenceHashes = new ArrayList<>();
    List<Incident> all = new ArrayList<>(caseFile.incidents().all());
    all.sort(
        Comparator.comparing(Incident::startDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Incident::id));
    int hiddenIncidents = 0;
    for (Incident i : all) {
      if (restricted.get("incident").contains(i.id())) {
        hiddenIncidents++;
        continue;
      }
      ObjectNode o = incidents.addObject();
      o.put("id", i.id());
      o.put("title_en", i.titleEn());
      o.put("title_ar", i.titleAr());
      o.put("type", i.type());
      o.put("start", i.startDate() == null ? null : i.startDate().toString());
      o.put("start_precision", i.startPrecision());
      o.put("end", i.endDate() == null ? null : i.endDate().toString());
      Location l = i.locationId() == null ? null : places.get(i.locationId());
      o.put("place_en", l == null ? null : l.nameEn());
      o.put("place_ar", l == null ? null : l.nameAr());
      o.put("lat", l == null ? null : l.latitude());
      o.put("lon", l == null ? null : l.longitude());
      o.put("killed_best", i.casualtiesBest());
      o.put("killed_low", i.casualtiesLow());
      o.put("killed_high", i.casualtiesHigh());
      o.put(
          "grade",
          caseFile
              .claims()
              .current(AssessmentTarget.INCIDENT, i.id())
              .map(Assessment::grade)
              .orElse(null));
      ArrayNode ev = o.putArray("evidence");
      for (EvidenceItem e : caseFile.evidence().forIncident(i.id())) {
        if (restricted.get("evidence").contains(e.id())) {
          continue;
        }
        Optional<Assessment> a = caseFile.claims().current(AssessmentTarget.EVIDENCE, e.id());
        ObjectNode x = ev.addObject();
        x.put("sha256", e.sha256());
        x.put("media_type", e.mediaType());
        x.put("grade", a.map(Assessment::grade).orElse(null));
        x.put("status", a.map(Assessment::status).orElse("unverified"));
        // The verification desk's finalised (four-eyes) judgement, when there is one.
        String finalised = null;
        String desk = VerifyEvidence.NEW;
        var versions = caseFile.verifications().versions(e.id());
        for (var step : caseFile.verifications().steps(e.id())) {
          desk = step.status();
          if (step.status().equals(VerifyEvidence.FINALISED)) {
            for (var v : versions) {
              if (step.verificationId() != null && v.id() == step.verificationId().longValue()) {
                finalised = v.judgement();
              }
            }
          }
        }
        x.put("judgement", finalised);
        x.put("desk_status", desk);
        evidenceHashes.add(e.sha256());
      }
    }

    numbers.put("incidents_not_shown", hiddenIncidents);

    ObjectNode inputs = JSON.createObjectNode();
    inputs.put("software", SoftwareVersion.current());
    ArrayNode lists = inputs.putArray("lists");
    for (ListImport li : imports) {
      ObjectNode o = lists.addObject();
      o.put("list", listLabel.getOrDefault(li.listName(), li.listName()));
      o.put("sha256", li.fileSha256());
      String[] c = coverage.get(li.listName());
      o.put("first_death", c == null ? null : c[0]);
      o.put("last_death", c == null ? null : c[1]);
      o.put("records", li.rowCount());
      o.put("repeat_of", li.repeats());
    }
    ArrayNode ev = inputs.putArray("evidence_sha256");
    evidenceHashes.stream().distinct().sorted().forEach(ev::add);
    ObjectNode lr = inputs.putObject("linkage_run");
    lr.put("id", run.id());
    lr.put("records", run.recordCount());
    lr.put("persons", run.personCount());
    lr.put("review_pairs", run.reviewCount());
    lr.put("decisions", run.decisionIds().size());
    lr.put("software", run.softwareVersion());
    lr.set("settings", readTree(run.settings()));
    ArrayNode runLists = lr.putArray("lists");
    run.lists().forEach(l -> runLists.add(listLabel.getOrDefault(l, l)));
    ObjectNode est = inputs.putObject("estimation");
    est.put("id", first.estimationId());
    est.put("seed", first.seed());
    est.put("input_sha256", first.inputSha256());
    est.put("software", first.softwareVersion());
    est.set("options", readTree(first.inputs()));
    JsonNode storedReport =
        caseFile
            .estimates()
            .estimation(first.estimationId())
            .map(x -> readTree(x.reportJson()))
            .orElse(JSON.missingNode());
    JsonNode lu = storedReport.path("details").path("linkageUncertainty");
    if (lu.isObject()) {
      est.set("linkage_uncertainty", lu.deepCopy());
    }
    // The versions of the algorithms that made the estimates, as the estimating build recorded
    // them; an estimation stored before versions were recorded has none, and none is written.
    // (The database keeps JSON keys in its own order: they are written in the build's order, then
    // any this build does not know.)
    JsonNode versions = storedReport.path(ReportJson.VERSIONS);
    if (versions.isObject()) {
      ObjectNode v = est.putObject(ALGORITHM_VERSIONS);
      for (AlgorithmVersion a : AlgorithmVersion.values()) {
        if (versions.has(a.key())) {
          v.set(a.key(), versions.get(a.key()));
        }
      }
      versions.fields().forEachRemaining(f -> v.set(f.getKey(), f.getValue()));
    }
    ArrayNode ef = est.putArray("strata");
    strataFields.forEach(ef::add);
    inputs.put("withheld_by_administrator", marked.size());
    return new ReportContent(numbers, inputs, entries);
  }

  /** The canonical entry text: keys in a fixed order, blanks left out, no spaces. */
  static Entry entry(long personId, VictimRecord r) {
    String id = "P" + personId;
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    putIf(o, "name", r.displayName());
    putIf(o, "sex", r.sex());
    putIf(o, "age_group", r.ageGroup());
    putIf(o, "date_of_death", r.dateOfDeath());
    putIf(o, "governorate", r.governorate());
    try {
      return new Entry(personId, id, JSON.writeValueAsString(o));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putIf(ObjectNode o, String k, String v) {
    if (v != null && !v.isBlank()) {
      if (Sealer.isSealed(v) || Sealer.LOCKED.equals(v)) {
        throw new PublishException(
            "a published field is sealed: open the case with its passphrase to publish");
      }
      o.put(k, v.strip());
    }
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return json == null ? JSON.nullNode() : JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }
}
