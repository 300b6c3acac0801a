package org.sijill.workflow.access;

import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.AccessGroups;

/**
 * Restricts a source, evidence item, incident or victim record to a group: from then on only the
 * group's members (and admins) see who is in it; everyone else sees that it exists. A restriction
 * is a fact of record; {@link LiftRestriction} ends one.
 *
 * <p>A source restricted to a group is also sealed at rest (on a case with keys): a new version of
 * it is written with its names, address and notes sealed. Its earlier versions stay as they were
 * (nothing is rewritten): a source that must never lie in the clear is restricted as it is added
 * ({@code sijill source add --group}).
 */
public final class RestrictItem {
  private final CaseFile caseFile;

  public RestrictItem(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * @return true when the restriction is new, false when the item was already restricted to it
   * @throws GroupException when the group or the item does not exist
   */
  public boolean restrict(ItemType type, long id, String group, String by) {
    AccessGroups groups = caseFile.accessGroups();
    AccessGroups.Group g = Groups.named(groups, group);
    boolean exists =
        switch (type) {
          case SOURCE -> caseFile.sources().find(id).isPresent();
          case EVIDENCE -> caseFile.evidence().find(id).isPresent();
          case INCIDENT -> caseFile.incidents().find(id).isPresent();
          case VICTIM -> !caseFile.victims().byIds(List.of(id)).isEmpty();
        };
    if (!exists) {
      throw new GroupException("there is no " + type.db() + " " + id);
    }
    boolean reseal =
        type == ItemType.SOURCE
            && caseFile.sealer().sealing()
            && !caseFile.sources().sealedAtRest(id);
    if (reseal && !caseFile.sealer().unlocked()) {
      throw new GroupException(
          "this case is locked: give the passphrase to restrict a source (its identity is then"
              + " sealed)");
    }
    boolean added = groups.restrict(type.db(), id, g.id(), by);
    if (reseal) {
      caseFile
          .sources()
          .sealIdentity(id, by, "restricted to an access group: identity sealed at rest");
    }
    return added;
  }
}
