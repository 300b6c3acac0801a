package org.sijill.workflow.accounts;

import org.sijill.casefile.model.Enums.Role;

/**
 * Who makes a request, once authenticated: the account, its current role, and how it proved itself.
 * {@code sessionId} and {@code csrf} are set for a browser session only (an API token needs no CSRF
 * token: a hostile page cannot make a browser send it).
 */
public record Principal(long userId, String username, Role role, Long sessionId, String csrf) {
  /** True when the request came with a session cookie rather than a bearer token. */
  public boolean viaSession() {
    return sessionId != null;
  }

  /** The name recorded with this person's writes. */
  public String recordedAs() {
    return username;
  }
}
