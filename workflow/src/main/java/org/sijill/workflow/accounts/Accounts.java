package org.sijill.workflow.accounts;

import java.time.Clock;
import org.sijill.casefile.CaseFile;

/**
 * The account use cases over one case file, wired once: what the CLI and the web app hold. Each
 * field is one use case.
 */
public record Accounts(
    AddUser addUser,
    ChangeUser changeUser,
    ListAccounts list,
    Login login,
    Logout logout,
    Authenticate authenticate,
    CreateToken createToken,
    ResolveActor resolveActor) {

  /** The use cases with the real clock, Argon2id's default cost and the real failure delay. */
  public static Accounts over(CaseFile caseFile) {
    return over(caseFile, Clock.systemUTC(), Login.Delay.SLEEP);
  }

  public static Accounts over(CaseFile caseFile, Clock clock, Login.Delay delay) {
    Passwords passwords = new Passwords();
    var users = caseFile.users();
    var sessions = caseFile.sessions();
    return new Accounts(
        new AddUser(users, passwords),
        new ChangeUser(users, sessions, passwords),
        new ListAccounts(users, sessions, clock),
        new Login(users, sessions, caseFile.loginAttempts(), passwords, clock, delay),
        new Logout(sessions),
        new Authenticate(users, sessions, caseFile.apiTokens(), clock),
        new CreateToken(users, caseFile.apiTokens(), clock),
        new ResolveActor(users));
  }

  /** A first-admin link for a case with no users (see {@link FirstAdmin}). */
  public FirstAdmin firstAdmin(CaseFile caseFile) {
    return new FirstAdmin(caseFile.users(), addUser);
  }
}
