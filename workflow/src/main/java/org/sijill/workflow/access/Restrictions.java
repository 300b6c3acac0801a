package org.sijill.workflow.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.AccessGroups;
import org.sijill.casefile.repo.KeptUntilChanged;

/**
 * The restrictions in force, by item type and item id: the groups each restricted item is
 * restricted to. Immutable, so one read serves every request: {@link #of} reads them again only
 * when the restriction tables' version ({@link AccessGroups#restrictionVersion}, a count of rows
 * that only grows) differs from the one they were read after — one small query per request instead
 * of the whole table.
 */
final class Restrictions {
  private static final KeptUntilChanged<CaseFile, Restrictions> LATEST = new KeptUntilChanged<>();

  private final Map<ItemType, Map<Long, Set<Long>>> byType;

  private Restrictions(Map<ItemType, Map<Long, Set<Long>>> byType) {
    this.byType = byType;
  }

  /** The restrictions of the case as they are now. */
  static Restrictions of(CaseFile caseFile) {
    return of(caseFile, caseFile.accessGroups().restrictionVersion());
  }

  /**
   * The restrictions of the case at version {@code now}, which the caller has just read. The
   * version must be read before the rows: a restriction committed after it makes the stored version
   * older than the rows read, so the next request reads again (never the reverse).
   */
  static Restrictions of(CaseFile caseFile, AccessGroups.RestrictionVersion now) {
    return LATEST.get(caseFile, now, () -> read(caseFile.accessGroups()));
  }

  private static Restrictions read(AccessGroups groups) {
    Map<ItemType, Map<Long, Set<Long>>> byType = new EnumMap<>(ItemType.class);
    for (ItemType t : ItemType.values()) {
      byType.put(t, new HashMap<>());
    }
    for (AccessGroups.Restriction r : groups.restrictions()) {
      byType
          .get(ItemType.parse(r.itemType()))
          .computeIfAbsent(r.itemId(), k -> new HashSet<>())
          .add(r.groupId());
    }
    for (ItemType t : ItemType.values()) {
      Map<Long, Set<Long>> m = byType.get(t);
      m.replaceAll((id, g) -> Set.copyOf(g));
      byType.put(t, Collections.unmodifiableMap(m));
    }
    return new Restrictions(byType);
  }

  /** Whether the item is restricted to any group. */
  boolean restricted(ItemType type, long id) {
    return byType.get(type).containsKey(id);
  }

  /** The groups the item is restricted to, or null when it is not restricted. */
  Set<Long> groups(ItemType type, long id) {
    return byType.get(type).get(id);
  }

  /** The restricted items of a type. */
  Set<Long> items(ItemType type) {
    return byType.get(type).keySet();
  }
}
