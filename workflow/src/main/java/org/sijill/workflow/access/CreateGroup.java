package org.sijill.workflow.access;

import org.sijill.casefile.repo.AccessGroups;

/** Creates a named access group (any script; at most 100 characters, no control characters). */
public final class CreateGroup {
  private final AccessGroups groups;

  public CreateGroup(AccessGroups groups) {
    this.groups = groups;
  }

  /**
   * @return the new group's id
   * @throws GroupException when the name is empty, too long, has control characters or is taken
   */
  public long create(String name, String by) {
    String n = validName(name);
    if (groups.find(n).isPresent()) {
      throw new GroupException("a group named '" + n + "' exists already");
    }
    return groups.create(n, by);
  }

  static String validName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new GroupException("a group needs a name");
    }
    if (n.codePointCount(0, n.length()) > 100) {
      throw new GroupException("a group name has at most 100 characters");
    }
    if (n.codePoints().anyMatch(Character::isISOControl)) {
      throw new GroupException("a group name may not hold control characters");
    }
    return n;
  }
}
