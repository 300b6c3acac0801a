package org.sijill.workflow.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.User;
import org.sijill.casefile.repo.AccessGroups;

/**
 * The access-group use cases over one case file, wired once (as {@code Accounts} is): create a
 * group, change its members, restrict an item or lift its restriction, list the groups.
 */
public record Groups(
    CreateGroup create,
    ChangeMembership members,
    RestrictItem restrict,
    LiftRestriction lift,
    CaseFile caseFile) {

  public static Groups over(CaseFile caseFile) {
    return new Groups(
        new CreateGroup(caseFile.accessGroups()),
        new ChangeMembership(caseFile.accessGroups(), caseFile.users()),
        new RestrictItem(caseFile),
        new LiftRestriction(
            caseFile,
            new org.sijill.workflow.accounts.ResolveActor(caseFile.users()),
            new org.sijill.workflow.audit.AuditTrail(caseFile)),
        caseFile);
  }

  /** One group as listed: its members' user names and how many items are restricted to it. */
  public record Info(
      long id,
      String name,
      List<String> members,
      long items,
      Instant recordedAt,
      String recordedBy) {}

  /** Every group, by name. */
  public List<Info> list() {
    AccessGroups groups = caseFile.accessGroups();
    Map<Long, String> names =
        caseFile.users().all().stream()
            .collect(Collectors.toMap(User::id, User::username, (a, b) -> a));
    Map<Long, Long> items =
        groups.restrictions().stream()
            .collect(
                Collectors.groupingBy(AccessGroups.Restriction::groupId, Collectors.counting()));
    List<Info> out = new ArrayList<>();
    for (AccessGroups.Group g : groups.all()) {
      List<String> members = groups.members(g.id()).stream().map(names::get).sorted().toList();
      out.add(
          new Info(
              g.id(),
              g.name(),
              members,
              items.getOrDefault(g.id(), 0L),
              g.recordedAt(),
              g.recordedBy()));
    }
    return out;
  }

  /** One group by name. */
  public java.util.Optional<Info> find(String name) {
    return list().stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The names of the groups an item is restricted to (empty: not restricted). */
  public List<String> restrictionsOf(ItemType type, long id) {
    return caseFile.accessGroups().restrictions().stream()
        .filter(r -> r.itemType().equals(type.db()) && r.itemId() == id)
        .map(AccessGroups.Restriction::groupName)
        .sorted()
        .toList();
  }

  static AccessGroups.Group named(AccessGroups groups, String name) {
    String n = name == null ? "" : name.strip();
    return groups.find(n).orElseThrow(() -> new GroupException("there is no group '" + n + "'"));
  }
}
