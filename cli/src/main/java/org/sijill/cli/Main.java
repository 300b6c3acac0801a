package org.sijill.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code sijill} command. Global options ({@code --data}, {@code --db}) are inherited by every
 * subcommand, so {@code sijill --data D serve} and {@code sijill serve --data D} mean the same.
 *
 * <p>Each command is registered once, in the {@code subcommands} list below; its one-line
 * description is what {@code sijill --help} shows.
 */
@Command(
    name = "sijill",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Document a mass atrocity, verify what circulates about it, count its dead.",
    subcommands = {
      ServeCommand.class,
      ImportListCommand.class,
      LinkCommand.class,
      ExportCommand.class,
      VaultCommand.class,
      EstimateCommand.class,
      MediaCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main {

  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description =
          "Data directory: database, vault, keys (default: $SIJILL_DATA or ./sijill-data).")
  Path data;

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "JDBC_URL",
      description =
          "An existing PostgreSQL (jdbc:postgresql://host/db?user=…&password=…) instead of the"
              + " embedded one (default: $SIJILL_DB).")
  String db;

  /** The data directory in force: the option, else {@code $SIJILL_DATA}, else ./sijill-data. */
  Path dataDir() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("SIJILL_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "sijill-data");
  }

  /** The external database URL, when one is given by option or {@code $SIJILL_DB}. */
  Optional<String> jdbcUrl() {
    if (db != null && !db.isBlank()) {
      return Optional.of(db);
    }
    return Optional.ofNullable(System.getenv("SIJILL_DB")).filter(s -> !s.isBlank());
  }

  @Option(
      names = "--as",
      scope = ScopeType.INHERIT,
      paramLabel = "USER",
      description = "Who is recorded as making changes (default: the login name).")
  String as;

  /** The name recorded with every write. */
  String who() {
    return as != null && !as.isBlank() ? as : System.getProperty("user.name", "unknown");
  }

  /** Opens the case file of the data directory in force, with a clear message on failure. */
  CaseFile openCaseFile() {
    try {
      return CaseFile.open(dataDir(), jdbcUrl());
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /** The root command of any (sub)command, for its global options. */
  static Main root(CommandLine.Model.CommandSpec spec) {
    return (Main) spec.root().userObject();
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new Errors());
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sijill " + (v == null ? "development build" : v)};
    }
  }
}
