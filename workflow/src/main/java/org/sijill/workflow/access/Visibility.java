package org.sijill.workflow.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Source;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.AccessGroups;
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
 * <p>One instance serves one request (it caches what it read); it is not thread-safe. The
 * restrictions themselves are read once per version of the restriction tables ({@link
 * Restrictions}) and shared; how a hidden item looks is {@link Masks}'.
 */
public final class Visibility {
  /** The name shown for a victim record one may not see. */
  public static final String RESTRICTED_RECORD = "restricted record";

  /** What replaces a hidden value in custody details, file names and metadata. */
  public static final String RESTRICTED = "(restricted)";

  private final CaseFile caseFile;
  private final boolean everything;
  private final Set<Long> groups;
  private final Restrictions restricted;
  private final Long sourceRows;
  private Map<Long, Source> sources;
  private Set<String> hiddenSourceNames;
  private Map<Long, List<String>> namedSources;
  private final Map<Long, Boolean> evidenceSeen = new HashMap<>();

  private Visibility(CaseFile caseFile, boolean everything, Set<Long> groups) {
    this(caseFile, everything, groups, Restrictions.of(caseFile), null);
  }

  private Visibility(
      CaseFile caseFile,
      boolean everything,
      Set<Long> groups,
      Restrictions restricted,
      Long sourceRows) {
    this.caseFile = caseFile;
    this.everything = everything;
    this.groups = groups;
    this.restricted = restricted;
    this.sourceRows = sourceRows;
  }

  /** For a request: a logged-in person, or an anonymous reader of the demo (who is in no group). */
  public static Visibility of(CaseFile caseFile, Optional<Principal> who) {
    return who.map(
            p -> p.access() == null ? forUser(caseFile, p.userId(), p.role()) : of(caseFile, p))
        .orElseGet(() -> new Visibility(caseFile, false, Set.of()));
  }

  /** For a principal whose access was read with its account (no further round trip). */
  private static Visibility of(CaseFile caseFile, Principal p) {
    AccessGroups.ViewerState state = p.access();
    boolean admin = p.role() == Role.ADMIN;
    return new Visibility(
        caseFile,
        admin,
        admin ? Set.of() : Set.copyOf(state.groups()),
        Restrictions.of(caseFile, state.version()),
        state.sourceRows());
  }

  /** For one account: admins see everything, anyone else what their groups allow. */
  public static Visibility forUser(CaseFile caseFile, long userId, Role role) {
    if (role == Role.ADMIN) {
      return everything(caseFile);
    }
    // The user's groups and the restriction tables' and sources' versions in one round trip.
    AccessGroups.ViewerState state = caseFile.accessGroups().viewerState(userId);
    return new Visibility(
        caseFile,
        false,
        Set.copyOf(state.groups()),
        Restrictions.of(caseFile, state.version()),
        state.sourceRows());
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
    return restricted.restricted(type, id);
  }

  /** Whether this person may see who is in the item, as far as its own restriction goes. */
  public boolean sees(ItemType type, long id) {
    if (everything) {
      return true;
    }
    Set<Long> g = restricted.groups(type, id);
    return g == null || g.stream().anyMatch(groups::contains);
  }

  /** The ids of the items of a type this person may not see (for searches that must skip them). */
  public Set<Long> hidden(ItemType type) {
    Set<Long> out = new TreeSet<>();
    for (Long id : restricted.items(type)) {
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
    return Masks.source(s, sourceLabel(s));
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

  /**
   * Every source of the case (current versions, by name), unmasked: show each through {@link
   * #source}. Read once per version of the sources when the request's access state gave one.
   */
  public List<Source> allSources() {
    return List.copyOf(sources().values());
  }

  private Map<Long, Source> sources() {
    if (sources == null) {
      sources = new LinkedHashMap<>();
      List<Source> all =
          sourceRows == null ? caseFile.sources().all() : caseFile.sources().all(sourceRows);
      for (Source s : all) {
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
    return Masks.evidence(e);
  }

  /** A custody event as this person may see it: on a hidden item, only its technical details. */
  public CustodyEvent custody(CustodyEvent c) {
    boolean hidden = c.evidenceId() != null && !seesEvidence(c.evidenceId());
    if (!hidden && (everything || !c.details().contains("\"source\""))) {
      return c;
    }
    return Masks.custody(c, hidden, this::sourceName);
  }

  // Incidents and victims

  /** The incident as this person may see it: a restricted one without its title and account. */
  public Incident incident(Incident i) {
    if (sees(ItemType.INCIDENT, i.id())) {
      return i;
    }
    return Masks.incident(i);
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
    return Masks.victim(r);
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
