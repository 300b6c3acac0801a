package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.accounts.AccountException;
import org.sijill.workflow.accounts.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sijill token create NAME [--expires DAYS]}: an API token, printed alone on stdout. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "API tokens (Authorization: Bearer TOKEN).",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create an API token for a user and print it alone on stdout (it is stored only as a"
              + " hash: keep it now).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user the token acts as.")
    String name;

    @Option(
        names = "--expires",
        paramLabel = "DAYS",
        description = "Days until the token stops working (default: never).")
    Integer days;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      try (CaseFile cf = main.openCaseFile()) {
        var created = Accounts.over(cf).createToken().create(name, days, main.who());
        spec.commandLine().getOut().println(created.token());
        spec.commandLine().getOut().flush();
        if (created.expiresAt() != null) {
          spec.commandLine().getErr().println("expires " + created.expiresAt());
        }
      } catch (AccountException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }
}
