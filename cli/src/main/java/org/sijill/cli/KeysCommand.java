package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.keys.CaseKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sijill keys …}: the keys that seal witnesses' identities in the data directory. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Sealing keys: encrypt identities of sources, witnesses, informants at rest.",
    subcommands = {KeysCommand.Init.class, KeysCommand.Rotate.class, KeysCommand.Status.class})
final class KeysCommand {

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Create the case's sealing keys under a passphrase (asked twice, or a file).")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      char[] pass = Passphrases.fromFile(main.passphraseFile);
      if (pass == null) {
        pass = Passphrases.prompt("New passphrase: ");
        char[] again = Passphrases.prompt("The same again: ");
        if (pass == null || !Arrays.equals(pass, again)) {
          throw new UserError(
              "no passphrase: type it twice, or give --passphrase-file / SIJILL_PASSPHRASE_FILE");
        }
      }
      try (CaseFile cf = main.openCaseFileLocked()) {
        CaseKeys keys = new CaseKeys(main.dataDir(), cf);
        keys.create(pass);
        spec.commandLine()
            .getOut()
            .println(
                "keys created in "
                    + CaseFile.keysDir(main.dataDir())
                    + "; identities are sealed from now on. Without the passphrase nobody,"
                    + " including you, can read them: keep it safe.");
      }
      return 0;
    }
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "A new data key for new values (old values stay readable), the keys wrapped anew.")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--new-passphrase-file",
        paramLabel = "FILE",
        description = "Wrap the keys under the passphrase in this file from now on.")
    Path newPassphraseFile;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      char[] pass = main.passphrase();
      if (pass == null) {
        throw new UserError("rotating the keys needs the passphrase");
      }
      char[] next = newPassphraseFile == null ? null : Passphrases.read(newPassphraseFile);
      try (CaseFile cf = main.openCaseFileLocked()) {
        CaseKeys.Status s = new CaseKeys(main.dataDir(), cf).rotate(pass, next);
        spec.commandLine()
            .getOut()
            .println(
                "new data key in use; "
                    + s.dataKeys()
                    + " data keys held (older ones open older values)"
                    + (next == null ? "" : "; the new passphrase is in force"));
      }
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Whether the case has keys and whether the passphrase given unlocks them.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      PrintWriter out = spec.commandLine().getOut();
      try (CaseFile cf = main.openCaseFile()) {
        CaseKeys.Status s = new CaseKeys(main.dataDir(), cf).status();
        out.println(
            s.hasKeys()
                ? "keys: "
                    + s.state()
                    + (s.dataKeys() > 0 ? ", " + s.dataKeys() + " data keys" : "")
                : "keys: none (identities are stored unsealed; run `sijill keys init`)");
      }
      return 0;
    }
  }
}
