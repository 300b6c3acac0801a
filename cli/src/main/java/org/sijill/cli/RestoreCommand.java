package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sijill.workflow.BackupException;
import org.sijill.workflow.RestoreCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill restore FILE --data DIR}: rebuilds the case of a backup in a new (or empty) data
 * directory and reports success only after every check passed.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a backup into a new or empty --data folder; checks every part's SHA-256, the"
            + " custody log and its checkpoints, every blob and the database's row counts before"
            + " it reports success.")
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
  Path file;

  @Override
  public Integer call() {
    Main main = Main.root(spec);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // The passphrase is optional: with one, the restored keys are opened as a further check.
    Optional<char[]> passphrase = Optional.ofNullable(Passphrases.fromFile(main.passphraseFile));
    RestoreCase.Result r;
    try {
      r =
          new RestoreCase(ProgressOnStderr.on(err, "restore"))
              .restore(file, main.dataDir(), main.jdbcUrl(), passphrase);
    } catch (BackupException e) {
      throw new UserError("restore refused, nothing restored: " + e.getMessage(), e);
    }
    for (String n : r.notes()) {
      err.println("restore: " + n);
    }
    err.flush();
    long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
    stdout.printf(
        "restored %s: %d tables, %,d rows (each count as in the backup); %,d custody log"
            + " entries and their checkpoints verified; %,d blobs re-hashed; %,d evidence items"
            + " checked against the log%s%n",
        r.dataDir(),
        r.rows().size(),
        rows,
        r.logEntries(),
        r.blobs(),
        r.items(),
        passphrase.isPresent() ? "; the sealing keys open with the passphrase" : "");
    stdout.flush();
    return 0;
  }
}
