package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.BackupCase;
import org.sijill.workflow.BackupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill backup --out FILE}: the whole case in one file, consistent as of one instant, also
 * while {@code sijill serve} runs on the same data directory.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Write the whole case (database, vault, custody log, keys as sealed at rest, media index)"
            + " to one file, consistent while the server runs.")
final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file.")
  Path out;

  @Override
  public Integer call() {
    Main main = Main.root(spec);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path data = main.dataDir();
    if (main.jdbcUrl().isEmpty() && !Files.isDirectory(data.resolve("db"))) {
      throw new UserError(data + " holds no case (no db folder): nothing to back up");
    }
    BackupCase.Result r;
    try (CaseFile cf = openShared(main)) {
      r = new BackupCase(data, cf, ProgressOnStderr.on(err, "backup")).write(out);
    } catch (BackupException e) {
      throw new UserError(e.getMessage(), e);
    }
    stdout.printf(
        "backup %s: %,d bytes; %d tables, %,d rows; %,d custody log entries (checkpoint signed);"
            + " %,d blobs; %d parts, each with its SHA-256 in manifest.json%n",
        r.file(), r.bytes(), r.tables(), r.rows(), r.logEntries(), r.blobs(), r.parts());
    stdout.flush();
    return 0;
  }

  private static CaseFile openShared(Main main) {
    try {
      return CaseFile.openShared(main.dataDir(), main.jdbcUrl());
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
