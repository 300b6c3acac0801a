package org.sijill.workflow.access;

import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.AccessGroups;
import org.sijill.workflow.accounts.ResolveActor;
import org.sijill.workflow.audit.AuditTrail;

/**
 * Ends an item's restriction to one group: from then on the group's placeholder no longer hides it
 * (other groups it is restricted to still do). Only an administrator may lift, and must say why;
 * the lift is a new row beside the restriction it ends (nothing is deleted) and an entry in the
 * audit trail, so who could see the item when, and why that changed, stays answerable.
 */
public final class LiftRestriction {
  static final int MAX_REASON = 2000;

  private final CaseFile caseFile;
  private final ResolveActor actors;
  private final AuditTrail audit;

  public LiftRestriction(CaseFile caseFile, ResolveActor actors, AuditTrail audit) {
    this.caseFile = caseFile;
    this.actors = actors;
    this.audit = audit;
  }

  /**
   * @param by who lifts it, as recorded (a user name; an operating-system login is not an admin)
   * @param remote the address the request came from (null on the command line)
   * @throws GroupException when {@code by} is not an active administrator, the reason is missing,
   *     or the item is not restricted to that group
   */
  public void lift(ItemType type, long id, String group, String reason, String by, String remote) {
    if (!actors.isAdmin(by)) {
      throw new GroupException(
          "lifting a restriction needs an administrator (on the command line: --as ADMIN_USER)");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new GroupException("a reason is required to lift a restriction");
    }
    if (why.length() > MAX_REASON) {
      throw new GroupException("the reason is longer than " + MAX_REASON + " characters");
    }
    AccessGroups groups = caseFile.accessGroups();
    AccessGroups.Group g = Groups.named(groups, group);
    if (!groups.lift(type.db(), id, g.id(), why, by)) {
      throw new GroupException(
          "there is no restriction of " + type.db() + " " + id + " to '" + g.name() + "' to lift");
    }
    audit.restrictionLifted(by, type.db(), id, g.name(), why, remote);
  }
}
