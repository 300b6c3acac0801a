package org.sijill.workflow.access;

import static org.sijill.workflow.access.Visibility.RESTRICTED;
import static org.sijill.workflow.access.Visibility.RESTRICTED_RECORD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Source;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.vault.IdentifyingMetadata;

/**
 * How a hidden item looks to someone who may not see who is in it: the placeholders {@link
 * Visibility} hands out in place of a source, an evidence item, a custody event, an incident or a
 * victim record. {@link Visibility} decides who sees what; this class only masks.
 */
final class Masks {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Custody detail keys that never name or locate anyone; every other key is masked. */
  private static final Set<String> SAFE_DETAILS =
      Set.of(
          "sha256",
          "sha512",
          "size",
          "mime_type",
          "media_type",
          "acquired_at",
          "how",
          "outcome",
          "kind",
          "frames",
          "method",
          "retry",
          "via",
          "log_index",
          "tree_size",
          "package");

  private Masks() {}

  /** A hidden source: its placeholder label, without name or address. */
  static Source source(Source s, String label) {
    return new Source(
        s.id(),
        s.version(),
        s.kind(),
        null,
        label,
        s.confidentiality(),
        null,
        null,
        s.recordedAt(),
        s.recordedBy());
  }

  /**
   * A hidden evidence item: file name, address and note masked, metadata without anything that can
   * lead to a person, a place or a device.
   */
  static EvidenceItem evidence(EvidenceItem e) {
    return new EvidenceItem(
        e.id(),
        e.sha256(),
        e.sha512(),
        e.mediaType(),
        e.sizeBytes(),
        RESTRICTED,
        null,
        e.acquiredAt(),
        e.acquiredBy(),
        e.sourceId(),
        stripMetadata(e.metadata()),
        null,
        e.recordedAt(),
        e.recordedBy());
  }

  /**
   * A custody event's details masked: on a {@code hidden} item only the technical ones stay; the
   * {@code source} detail goes through {@code sourceName} (a visible item's hidden source).
   */
  static CustodyEvent custody(CustodyEvent c, boolean hidden, UnaryOperator<String> sourceName) {
    try {
      JsonNode node = JSON.readTree(c.details());
      if (!(node instanceof ObjectNode o)) {
        return c;
      }
      Map<String, Object> out = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        String k = f.getKey();
        JsonNode v = f.getValue();
        if (k.equals("source")) {
          out.put(k, hidden ? RESTRICTED : sourceName.apply(v.asText()));
        } else if (!hidden || SAFE_DETAILS.contains(k)) {
          out.put(k, JSON.treeToValue(v, Object.class));
        } else {
          out.put(k, RESTRICTED);
        }
      }
      return new CustodyEvent(
          c.id(),
          c.evidenceId(),
          c.action(),
          c.actor(),
          c.occurredAt(),
          JSON.writeValueAsString(out),
          c.logIndex());
    } catch (JsonProcessingException e) {
      return new CustodyEvent(
          c.id(), c.evidenceId(), c.action(), c.actor(), c.occurredAt(), "{}", c.logIndex());
    }
  }

  /** Metadata (a JSON document) without any key, at any depth, that can identify someone. */
  static String stripMetadata(String metadata) {
    if (metadata == null) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(metadata);
      strip(root);
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      return "{}";
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (IdentifyingMetadata.identifies(n)) {
          o.remove(n);
        } else {
          strip(o.get(n));
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(Masks::strip);
    }
  }

  /** A restricted incident: without its title and account. */
  static Incident incident(Incident i) {
    return new Incident(
        i.id(),
        i.version(),
        null,
        "Restricted incident #" + i.id(),
        i.type(),
        null,
        i.startDate(),
        i.startPrecision(),
        i.endDate(),
        i.endPrecision(),
        i.locationId(),
        i.casualtiesBest(),
        i.casualtiesLow(),
        i.casualtiesHigh(),
        i.status(),
        i.recordedAt(),
        i.recordedBy(),
        null);
  }

  /**
   * A restricted victim record: keeps its list, line and governorate (so it still counts, by place
   * too) and loses its names, its particulars and its extra columns.
   */
  static VictimRecord victim(VictimRecord r) {
    return new VictimRecord(
        r.id(),
        r.importId(),
        r.listName(),
        r.lineNumber(),
        RESTRICTED,
        RESTRICTED_RECORD,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        r.governorate(),
        null,
        null,
        "{}",
        "{}");
  }
}
