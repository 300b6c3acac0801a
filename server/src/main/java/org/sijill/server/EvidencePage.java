package org.sijill.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Enums.AssessmentTarget;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.repo.IncidentLinks;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.access.Visibility;

/**
 * The page of one evidence item ({@code /evidence/{id}}): the item as the asker may see it, its
 * source, readable metadata with the GPS position for the map, the custody timeline with each
 * event's details as fields, copies, verification, the incidents it is linked to and the
 * restriction box.
 */
final class EvidencePage {
  /** Metadata of one item is shown up to this many values; the API has all of it. */
  private static final int MAX_FIELDS = 300;

  private final CaseFile caseFile;
  private final ObjectMapper json;
  private final Pages pages;
  private final org.sijill.workflow.access.Groups groups;

  EvidencePage(CaseFile caseFile, ObjectMapper json, Pages pages) {
    this.caseFile = caseFile;
    this.json = json;
    this.pages = pages;
    this.groups = org.sijill.workflow.access.Groups.over(caseFile);
  }

  /** {@code GET /evidence/{id}}. */
  void page(Context ctx) {
    long id = Params.id(ctx);
    Visibility seen = Seen.by(ctx, caseFile);
    EvidenceItem item =
        caseFile
            .evidence()
            .find(id)
            .map(seen::evidence)
            .orElseThrow(() -> HttpProblem.notFound("There is no evidence item " + id + "."));
    SourceView source = item.sourceId() == null ? null : pages.sources(seen).get(item.sourceId());
    List<CustodyEvent> events = caseFile.evidence().events(id).stream().map(seen::custody).toList();
    Map<Long, List<EvidenceView.Field>> details = new java.util.HashMap<>();
    for (CustodyEvent c : events) {
      details.put(c.id(), fields(c.details()));
    }
    ReadableMetadata.Result metadata = ReadableMetadata.of(item.metadata(), json);
    String place =
        metadata
            .gps()
            .map(
                g ->
                    Json.write(
                        json,
                        List.of(
                            new Marker(
                                g.latitude(),
                                g.longitude(),
                                null,
                                "Where the file says it was made",
                                "/evidence/" + id + "#metadata"))))
            .orElse(null);
    EvidenceView view =
        new EvidenceView(
            item,
            source,
            metadata,
            place,
            events,
            caseFile.claims().assessments(AssessmentTarget.EVIDENCE, id),
            details,
            EvidenceCopies.of(caseFile, id, seen),
            VerificationPages.view(caseFile, id, seen),
            incidents(id, seen));
    pages.render(
        ctx,
        "evidence.jte",
        pages.chrome("Evidence item " + id, "evidence"),
        view,
        GroupDesk.form(ctx, groups, ItemType.EVIDENCE, id));
  }

  /**
   * {@code GET /api/evidence/{id}/incidents}: the incidents the item documents, as its page lists
   * them (current links, oldest first).
   */
  void incidentsApi(Context ctx) {
    long id = Params.id(ctx);
    if (caseFile.evidence().find(id).isEmpty()) {
      throw HttpProblem.notFound("There is no evidence item " + id + ".");
    }
    ctx.json(incidents(id, Seen.by(ctx, caseFile)));
  }

  /** The incidents the item documents, by its current links, each as the reader may see it. */
  private List<EvidenceView.IncidentLink> incidents(long id, Visibility seen) {
    List<EvidenceView.IncidentLink> out = new ArrayList<>();
    for (IncidentLinks.EvidenceLink l : caseFile.incidentLinks().ofEvidence(id)) {
      caseFile
          .incidents()
          .find(l.incidentId())
          .map(seen::incident)
          .ifPresent(
              i ->
                  out.add(
                      new EvidenceView.IncidentLink(
                          i.id(),
                          i.titleEn(),
                          i.titleAr(),
                          l.from(),
                          l.to(),
                          l.recordedAt(),
                          l.recordedBy())));
    }
    return out;
  }

  private List<EvidenceView.Field> fields(String metadata) {
    List<EvidenceView.Field> out = new ArrayList<>();
    if (metadata == null) {
      return out;
    }
    try {
      flatten("", json.readTree(metadata), out);
    } catch (JsonProcessingException e) {
      out.add(new EvidenceView.Field("(unreadable)", metadata));
    }
    return out.size() > MAX_FIELDS ? out.subList(0, MAX_FIELDS) : out;
  }

  private static void flatten(String prefix, JsonNode node, List<EvidenceView.Field> out) {
    if (out.size() > MAX_FIELDS) {
      return;
    }
    if (node.isObject()) {
      var names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        flatten(prefix.isEmpty() ? name : prefix + "." + name, node.get(name), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.add(new EvidenceView.Field(prefix, node.isTextual() ? node.asText() : node.toString()));
    }
  }
}
