package org.sijill.workflow.accounts;

import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.repo.AccessGroups;

/**
 * Who makes a request, once authenticated: the account, its current role, and how it proved itself.
 * {@code sessionId} and {@code csrf} are set for a browser session only (an API token needs no CSRF
 * token: a hostile page cannot make a browser send it). {@code access} is what the account may see
 * (its groups, the restriction tables' and the sources' versions) as read with the account at the
 * start of the request, or null when it was not read; a principal lives for one request only.
 */
public record Principal(
    long userId,
    String username,
    Role role,
    Long sessionId,
    String csrf,
    AccessGroups.ViewerState access) {
  public Principal(long userId, String username, Role role, Long sessionId, String csrf) {
    this(userId, username, role, sessionId, csrf, null);
  }

  /** True when the request came with a session cookie rather than a bearer token. */
  public boolean viaSession() {
    return sessionId != null;
  }

  /** The name recorded with this person's writes. */
  public String recordedAs() {
    return username;
  }
}
