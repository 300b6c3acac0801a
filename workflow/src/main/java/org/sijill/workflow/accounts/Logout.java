package org.sijill.workflow.accounts;

import org.sijill.casefile.repo.Sessions;

/** Ends the caller's own session. */
public final class Logout {
  private final Sessions sessions;

  public Logout(Sessions sessions) {
    this.sessions = sessions;
  }

  public void logout(Principal who) {
    if (who.viaSession()) {
      sessions.end(who.sessionId(), "logout", who.username());
    }
  }
}
