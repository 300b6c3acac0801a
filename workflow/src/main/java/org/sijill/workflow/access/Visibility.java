package org.sijill.workflow.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Source;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.AccessGroups;
import org.sijill.vault.IdentifyingMetadata;
import org.sijill.workflow.accounts.Principal;

/**
 * What one person may see of who is in the case: the one policy that every read path (pages, API,
 * exports) asks before it shows a source, an evidence item, its custody details and metadata, an
 * incident or a victim record.
 *
 * <p>The rule: an item restricted to access groups shows who is in it only to admins and to members
 * of one of its groups. A confidential source restricted to no group shows its identity to admins
 * only. An evidence item is as hidden as its source (by id, or by the name its custody details
 * give), since what it says about itself (GPS, Artist, serials) can lead to that source. Everyone
 * else gets the item with its identifying fields replaced by a stable placeholder ("Restricted
 * source #12", "restricted record"), so they still see that it exists and it still counts.
 *
 * <p>One instance serves one request (it caches what it read); it is not thread-safe.
 */
public final class Visibility {
  /** The name shown for a victim record one may not see. */
  public static final String RESTRICTED_RECORD = "restricted record";

  /** What replaces a hidden value in custody details, file names and metadata. */
  public static final String RESTRICTED = "(restricted)";

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

  private final CaseFile caseFile;
  private final boolean everything;
  private final Set<Long> groups;
  private final Map<ItemType, Map<Long, Set<Long>>> restricted;
  private Map<Long, Source> sources;
  private Set<String> hiddenSourceNames;
  private Map<Long, List<String>> namedSources;
  private final Map<Long, Boolean> evidenceSeen = new HashMap<>();

  private Visibility(CaseFile caseFile, boolean everything, Set<Long> groups) {
    this.caseFile = caseFile;
    this.everything = everything;
    this.groups = groups;
    this.restricted = new EnumMap<>(ItemType.class);
    for (ItemType t : ItemType.values()) {
      restricted.put(t, new HashMap<>());
    }
    for (AccessGroups.Restriction r : caseFile.accessGroups().restrictions()) {
      restricted
          .get(ItemType.parse(r.itemType()))
          .computeIfAbsent(r.itemId(), k -> new HashSet<>())
          .add(r.groupId());
    }
  }

  /** For a request: a logged-in person, or an anonymous reader of the demo (who is in no group). */
  public static Visibility of(CaseFile caseFile, Optional<Principal> who) {
    return who.map(p -> forUser(caseFile, p.userId(), p.role()))
        .orElseGet(() -> new Visibility(caseFile, false, Set.of()));
  }

  /** For one account: admins see everything, anyone else what their groups allow. */
  public static Visibility forUser(CaseFile caseFile, long userId, Role role) {
    if (role == Role.ADMIN) {
      return everything(caseFile);
    }
    return new Visibility(caseFile, false, Set.copyOf(caseFile.accessGroups().groupsOf(userId)));
  }

  /** Sees everything (admins; the full export, which only admins may make). */
  public static Visibility everything(CaseFile caseFile) {
    return new Visibility(caseFile, true, Set.of());
  }

  /** Whether this person sees everything. */
  public boolean all() {
    return everything;
  }

  /** Whether the item is restricted to any group (whoever asks). */
  public boolean restricted(ItemType type, long id) {
    return restricted.get(type).containsKey(id);
  }

  /** Whether this person may see who is in the item, as far as its own restriction goes. */
  public boolean sees(ItemType type, long id) {
    if (everything) {
      return true;
    }
    Set<Long> g = restricted.get(type).get(id);
    return g == null || g.stream().anyMatch(groups::contains);
  }

  /** The ids of the items of a type this person may not see (for searches that must skip them). */
  public Set<Long> hidden(ItemType type) {
    Set<Long> out = new TreeSet<>();
    for (Long id : restricted.get(type).keySet()) {
      if (!sees(type, id)) {
        out.add(id);
      }
    }
    return out;
  }

  // Sources

  public boolean seesSource(Source s) {
    if (everything) {
      return true;
    }
    if (restricted(ItemType.SOURCE, s.id())) {
      return sees(ItemType.SOURCE, s.id());
    }
    return !"confidential".equals(s.confidentiality());
  }

  /** By id; an id the case does not know hides nothing. */
  public boolean seesSource(long id) {
    Source s = sources().get(id);
    return s == null || seesSource(s);
  }

  /** The source as this person may see it: itself, or its placeholder without name or address. */
  public Source source(Source s) {
    if (seesSource(s)) {
      return s;
    }
    return new Source(
        s.id(),
        s.version(),
        s.kind(),
        null,
        sourceLabel(s),
        s.confidentiality(),
        null,
        null,
        s.recordedAt(),
        s.recordedBy());
  }

  /** The placeholder of a hidden source: "Restricted source #12", "Confidential witness #7". */
  public static String placeholder(Source s, boolean restrictedToGroups) {
    if (restrictedToGroups) {
      return "Restricted source #" + s.id();
    }
    return "Confidential " + s.kind().replace('_', ' ') + " #" + s.id();
  }

  private String sourceLabel(Source s) {
    return placeholder(s, restricted(ItemType.SOURCE, s.id()));
  }

  /** A source name as custody details give it, or a placeholder when it names a hidden source. */
  public String sourceName(String name) {
    if (name == null || everything || !hiddenSourceNames().contains(name.strip())) {
      return name;
    }
    return sources().values().stream()
        .filter(s -> !seesSource(s) && name.strip().equals(nameOf(s)))
        .findFirst()
        .map(this::sourceLabel)
        .orElse(RESTRICTED);
  }

  private static String nameOf(Source s) {
    return s.nameEn() != null ? s.nameEn().strip() : s.nameAr() == null ? null : s.nameAr().strip();
  }

  private Map<Long, Source> sources() {
    if (sources == null) {
      sources = new LinkedHashMap<>();
      for (Source s : caseFile.sources().all()) {
        sources.put(s.id(), s);
      }
    }
    return sources;
  }

  private Set<String> hiddenSourceNames() {
    if (hiddenSourceNames == null) {
      hiddenSourceNames = new HashSet<>();
      for (Source s : sources().values()) {
        if (!seesSource(s)) {
          for (String n : new String[] {s.nameEn(), s.nameAr()}) {
            if (n != null) {
              hiddenSourceNames.add(n.strip());
            }
          }
        }
      }
    }
    return hiddenSourceNames;
  }

  // Evidence

  /**
   * Whether this person sees what an item says about who made it and where: the item is not
   * restricted away from them, and neither is its source.
   */
  public boolean seesEvidence(EvidenceItem e) {
    if (everything) {
      return true;
    }
    return evidenceSeen.computeIfAbsent(e.id(), id -> judge(e));
  }

  /** By id; an unknown id hides nothing. */
  public boolean seesEvidence(long id) {
    if (everything) {
      return true;
    }
    Boolean known = evidenceSeen.get(id);
    if (known != null) {
      return known;
    }
    return caseFile.evidence().find(id).map(this::seesEvidence).orElse(true);
  }

  private boolean judge(EvidenceItem e) {
    if (!sees(ItemType.EVIDENCE, e.id())) {
      return false;
    }
    if (e.sourceId() != null && !seesSource(e.sourceId())) {
      return false;
    }
    if (hiddenSourceNames().isEmpty()) {
      return true;
    }
    if (namedSources == null) {
      namedSources = caseFile.evidence().namedSources();
    }
    return namedSources.getOrDefault(e.id(), List.of()).stream()
        .noneMatch(n -> n != null && hiddenSourceNames().contains(n.strip()));
  }

  /**
   * The item as this person may see it: itself, or with its file name, address and note masked and
   * its metadata without anything that can lead to a person, a place or a device.
   */
  public EvidenceItem evidence(EvidenceItem e) {
    if (seesEvidence(e)) {
      return e;
    }
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

  /** A custody event as this person may see it: on a hidden item, only its technical details. */
  public CustodyEvent custody(CustodyEvent c) {
    boolean hidden = c.evidenceId() != null && !seesEvidence(c.evidenceId());
    if (!hidden && (everything || !c.details().contains("\"source\""))) {
      return c;
    }
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
          out.put(k, hidden ? RESTRICTED : sourceName(v.asText()));
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
      node.forEach(Visibility::strip);
    }
  }

  // Incidents and victims

  /** The incident as this person may see it: a restricted one without its title and account. */
  public Incident incident(Incident i) {
    if (sees(ItemType.INCIDENT, i.id())) {
      return i;
    }
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

  public boolean seesVictim(long id) {
    return sees(ItemType.VICTIM, id);
  }

  /**
   * The record as this person may see it: a restricted one keeps its list, line and governorate (so
   * it still counts, by place too) and loses its names, its particulars and its extra columns.
   */
  public VictimRecord victim(VictimRecord r) {
    if (seesVictim(r.id())) {
      return r;
    }
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

  /**
   * A person of a linkage run as this person may see it: hidden records without names, and the
   * person's display name masked when it may come from one of them.
   */
  public org.sijill.casefile.model.Person person(org.sijill.casefile.model.Person p) {
    if (everything || p.records().stream().allMatch(r -> seesVictim(r.victimId()))) {
      return p;
    }
    List<org.sijill.casefile.model.Person.Record> records = new ArrayList<>();
    for (org.sijill.casefile.model.Person.Record r : p.records()) {
      records.add(
          seesVictim(r.victimId())
              ? r
              : new org.sijill.casefile.model.Person.Record(
                  r.victimId(), r.list(), RESTRICTED, RESTRICTED_RECORD, r.probability()));
    }
    return new org.sijill.casefile.model.Person(p.id(), RESTRICTED_RECORD, p.linkageRun(), records);
  }
}
