package org.sijill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.VerifyVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sijill vault verify}: re-hashes every blob, names blob files no log entry names, checks
 * every log entry, every checkpoint and every database row of the evidence trail; prints one line
 * per fault and exits 1 on any.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Check every blob, log entry, checkpoint and database record; exit 1 on any fault.")
final class VaultVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Main main = Main.root(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VerifyVault.Report r;
    try (CaseFile cf = main.openCaseFile()) {
      r = new VerifyVault(main.dataDir(), cf, ProgressOnStderr.on(err, "verify")).verify();
    }
    for (String n : r.notes()) {
      err.println("verify: " + n);
    }
    err.flush();
    if (r.sound()) {
      out.printf(
          "ok: %d items, %d custody log entries, every blob re-hashed, every checkpoint and"
              + " database row checked%n",
          r.items(), r.logEntries());
      out.flush();
      return 0;
    }
    for (String f : r.faults()) {
      out.println("FAULT " + f);
    }
    out.printf("%d fault%s found%n", r.faults().size(), r.faults().size() == 1 ? "" : "s");
    out.flush();
    return 1;
  }
}
