package org.sijill.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sijill.workflow.ExportEvidence;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.audit.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sijill vault export}: packages items with their custody proofs. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a BagIt package (directory, or .zip) with manifests, custody and proofs.")
final class VaultExport implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Option(names = "--out", required = true, paramLabel = "PKG", description = "New package.")
  Path out;

  @Option(
      names = "--case",
      paramLabel = "C",
      description = "Only the evidence linked to incident C (default: every item).")
  Long incident;

  @Option(
      names = "--redact",
      description =
          "A package for partners or the public: sources by stable pseudonyms (public ones by"
              + " name), no addresses, notes or GPS/Artist/serials; originals that may carry"
              + " such tags withheld, listed by hash in redaction.txt.")
  boolean redact;

  @Override
  public Integer call() {
    Main main = cli.main();
    ExportEvidence.Result r;
    try (VaultSession s = VaultSession.open(main)) {
      String who = main.who();
      if (!redact && !Accounts.over(s.caseFile).resolveActor().isAdmin(who)) {
        new AuditTrail(s.caseFile).export(who, "full refused", null, null, "not an administrator");
        throw new UserError(
            "the full (unredacted) package needs an administrator: give --as ADMIN_USER, or"
                + " --redact for a package for partners");
      }
      r = new ExportEvidence(s.vault).export(out, incident, who, redact);
    }
    cli.spec
        .commandLine()
        .getOut()
        .printf("exported %d items to %s%s%n", r.items(), r.out(), redact ? " (redacted)" : "");
    cli.out().flush();
    return 0;
  }
}
