package org.sijill.workflow.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.AccessGroups;

/**
 * The restrictions in force, by item type and item id: the groups each restricted item is
 * restricted to. Immutable, so one read serves every request: {@link #of} reads them again only
 * when the restriction tables' version ({@link AccessGroups#restrictionVersion}, a count of rows
 * that only grows) differs from the one they were read after — one small query per request instead
 * of the whole table.
 */
final class Restrictions {
  private static final Map<CaseFile, Restrictions> LATEST =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final AccessGroups.RestrictionVersion version;
  private final Map<ItemType, Map<Long, Set<Long>>> byType;

  private Restrictions(
      AccessGroups.RestrictionVersion version, Map<ItemType, Map<Long, Set<Long>>> byType) {
    this.version = version;
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
    AccessGroups groups = caseFile.accessGroups();
    Restrictions kept = LATEST.get(caseFile);
    if (kept != null && kept.version.equals(now)) {
      return kept;
    }
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
    Restrictions fresh = new Restrictions(now, byType);
    LATEST.put(caseFile, fresh);
    return fresh;
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
