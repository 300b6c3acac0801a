package org.sijill.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.accounts.AccountException;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.keys.CaseKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code sijill} command. Global options ({@code --data}, {@code --db}) are inherited by every
 * subcommand, so {@code sijill --data D serve} and {@code sijill serve --data D} mean the same.
 *
 * <p>Each command is registered once, in {@link #COMMANDS}. A run builds picocli's model of the
 * command it names only ({@link #commandLineFor}): picocli builds a model by reflection over every
 * option of every command it is given, which cost about 0.3 s of CPU per run for all of them.
 */
@Command(
    name = "sijill",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Document a mass atrocity, verify what circulates about it, count its dead.")
public final class Main {

  /**
   * Every command, registered once here in the order {@code sijill --help} lists them; its one-line
   * description is what that list shows.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          ServeCommand.class,
          ImportListCommand.class,
          LinkCommand.class,
          ExportCommand.class,
          VaultCommand.class,
          EstimateCommand.class,
          MediaCommand.class,
          GenerateCommand.class,
          KeysCommand.class,
          UserCommand.class,
          TokenCommand.class,
          SourceCommand.class,
          BackupCommand.class,
          RestoreCommand.class,
          GroupCommand.class,
          GroupCommand.Restrict.class,
          ReportCommand.class,
          VerifyReportCommand.class,
          AuditCommand.class,
          IncidentCommand.class,
          ClaimCommand.class,
          CommandLine.HelpCommand.class);

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
      description =
          "Who is recorded as making changes: an existing user of the case (default: your login"
              + " name, recorded as os:NAME).")
  String as;

  /** The name --as resolved to once the case file is open (null before). */
  private String resolvedAs;

  /**
   * The name recorded with every write: the checked {@code --as} user, else the operating-system
   * login marked {@code os:} (it was not checked against the case's users).
   */
  String who() {
    if (resolvedAs != null) {
      return resolvedAs;
    }
    if (as != null && !as.isBlank()) {
      // Asked before the command opened the case file: open it briefly to check the name.
      try (CaseFile cf = openCaseFileLocked()) {
        return resolvedAs;
      }
    }
    return "os:" + System.getProperty("user.name", "unknown");
  }

  @Option(
      names = "--passphrase-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "File whose first line is the passphrase of the sealing keys (default:"
              + " $SIJILL_PASSPHRASE_FILE, else asked on the console when the case has keys).")
  Path passphraseFile;

  /** The passphrase from a file, else asked on the console; null when neither gives one. */
  char[] passphrase() {
    char[] p = Passphrases.fromFile(passphraseFile);
    return p != null ? p : Passphrases.prompt("Passphrase (Enter: go on with identities locked): ");
  }

  /**
   * Opens the case file of the data directory in force, with a clear message on failure. When the
   * case has sealing keys they are unlocked with the passphrase; without one the case is open
   * locked (sealed identities read as "locked").
   */
  CaseFile openCaseFile() {
    CaseFile cf = openCaseFileLocked();
    try {
      CaseKeys keys = new CaseKeys(dataDir(), cf);
      if (keys.exist()) {
        char[] p = passphrase();
        if (p != null) {
          keys.unlock(p);
        }
      }
      return cf;
    } catch (RuntimeException e) {
      cf.close();
      throw e;
    }
  }

  /**
   * Opens the case file without asking for the passphrase, and checks that {@code --as} names one
   * of its users.
   */
  CaseFile openCaseFileLocked() {
    CaseFile cf;
    try {
      cf = CaseFile.open(dataDir(), jdbcUrl());
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    try {
      resolvedAs =
          Accounts.over(cf).resolveActor().resolve(as, System.getProperty("user.name", "unknown"));
    } catch (AccountException e) {
      cf.close();
      throw new UserError(e.getMessage(), e);
    }
    return cf;
  }

  /** The root command of any (sub)command, for its global options. */
  static Main root(CommandLine.Model.CommandSpec spec) {
    return (Main) spec.root().userObject();
  }

  public static void main(String[] args) {
    if (QuickHelp.answer(args, System.out)) {
      System.exit(0);
    }
    System.exit(commandLineFor(args).execute(args));
  }

  /** The configured command line with every command, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * The command line for one run: with only the command that {@code args} names, or with every
   * command when they name none or one this list does not know ({@code help}, a typo: picocli then
   * answers or suggests from the whole list). The command's model is the same either way.
   */
  static CommandLine commandLineFor(String[] args) {
    // the root's options from its spec alone: a CommandLine would also set up a parser (its type
    // converters, found by reflection) that this look-up does not use
    String name = commandName(CommandLine.Model.CommandSpec.forAnnotatedObject(new Main()), args);
    for (Class<?> c : COMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (name != null
          && c != CommandLine.HelpCommand.class
          && (name.equals(command.name()) || List.of(command.aliases()).contains(name))) {
        return commandLine(List.of(c));
      }
    }
    return commandLine();
  }

  /** The first argument that is not a root option or its value: the command's name, or null. */
  private static String commandName(CommandLine.Model.CommandSpec root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        return a;
      }
      int eq = a.indexOf('=');
      CommandLine.Model.OptionSpec option = root.findOption(eq < 0 ? a : a.substring(0, eq));
      if (option == null) {
        return null; // picocli reports the unknown option
      }
      if (eq < 0 && option.arity().max() > 0) {
        i++; // its value
      }
    }
    return null;
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    CommandLine cl = new CommandLine(new Main());
    for (Class<?> c : commands) {
      cl.addSubcommand(c);
    }
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
