package org.sijill.workflow.accounts;

import java.time.Clock;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.audit.AuditTrail;

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
    ResolveActor resolveActor,
    SecondFactor secondFactor,
    Throttle throttle,
    AuditTrail audit) {

  /** The use cases with the real clock, Argon2id's default cost and the real failure delay. */
  public static Accounts over(CaseFile caseFile) {
    return over(caseFile, Clock.systemUTC(), Login.Delay.SLEEP);
  }

  public static Accounts over(CaseFile caseFile, Clock clock, Login.Delay delay) {
    Throttle throttle = Throttle.standard(clock);
    // The failures of the last window, from the audit trail: a restart must not reset the count.
    throttle.recall(caseFile.auditEvents().failuresSince(clock.instant().minus(Throttle.WINDOW)));
    return over(caseFile, clock, delay, throttle);
  }

  /** As {@link #over(CaseFile, Clock, Login.Delay)}, with the given limits on failures. */
  public static Accounts over(
      CaseFile caseFile, Clock clock, Login.Delay delay, Throttle throttle) {
    Passwords passwords = new Passwords();
    var users = caseFile.users();
    var sessions = caseFile.sessions();
    AuditTrail audit = new AuditTrail(caseFile);
    SecondFactor secondFactor =
        new SecondFactor(users, caseFile.secondFactors(), caseFile::sealer, clock);
    return new Accounts(
        new AddUser(users, passwords),
        new ChangeUser(users, sessions, passwords),
        new ListAccounts(users, sessions, clock),
        new Login(
            users,
            sessions,
            caseFile.loginAttempts(),
            passwords,
            clock,
            delay,
            throttle,
            secondFactor,
            audit),
        new Logout(sessions),
        new Authenticate(users, clock),
        new CreateToken(users, caseFile.apiTokens(), clock),
        new ResolveActor(users),
        secondFactor,
        throttle,
        audit);
  }

  /** A first-admin link for a case with no users (see {@link FirstAdmin}). */
  public FirstAdmin firstAdmin(CaseFile caseFile) {
    return new FirstAdmin(caseFile.users(), addUser);
  }
}
