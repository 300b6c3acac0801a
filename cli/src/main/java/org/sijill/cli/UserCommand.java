package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.casefile.model.User;
import org.sijill.casefile.model.Vocabulary;
import org.sijill.workflow.accounts.AccountException;
import org.sijill.workflow.accounts.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sijill user add|list|disable|role}: the accounts of a case. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage the accounts of the case (add, list, disable, role).",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Disable.class,
      UserCommand.SetRole.class,
      UserCommand.Password.class,
      UserCommand.RequireTotp.class,
      UserCommand.ResetTotp.class
    })
final class UserCommand {

  static Role role(String raw) {
    try {
      return Vocabulary.parse(Role.class, raw);
    } catch (IllegalArgumentException e) {
      throw new UserError("--role is one of viewer, analyst, reviewer, admin (not '" + raw + "')");
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer, analyst, reviewer or admin.")
    String role;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "A longer name.")
    String displayName;

    @Mixin PasswordStdin stdin;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      Role r = role(role);
      String password = stdin.read();
      try (CaseFile cf = main.openCaseFile()) {
        Accounts accounts = Accounts.over(cf);
        var added = accounts.addUser().add(name, displayName, r, password, main.who());
        accounts.audit().admin(main.who(), "user added as " + r.db(), added.username(), "cli");
        spec.commandLine().getOut().println("added " + added.username() + " (" + r.db() + ")");
      } catch (AccountException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      try (CaseFile cf = main.openCaseFile()) {
        var out = spec.commandLine().getOut();
        for (User u : Accounts.over(cf).list().users()) {
          out.println(
              u.username()
                  + "\t"
                  + u.roleValue().db()
                  + "\t"
                  + (u.active() ? "active" : "disabled"));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a user and end their sessions.")
  static final class Disable implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return change(
          spec,
          name,
          "disabled",
          "disabled " + name,
          (accounts, who) -> accounts.changeUser().disable(name, who));
    }
  }

  @Command(
      name = "role",
      mixinStandardHelpOptions = true,
      description = "Give a user another role (ends their sessions).")
  static final class SetRole implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(
        index = "1",
        paramLabel = "ROLE",
        description = "viewer, analyst, reviewer or admin.")
    String role;

    @Override
    public Integer call() {
      Role r = role(role);
      return change(
          spec,
          name,
          "role " + r.db(),
          name + " is now " + r.db(),
          (accounts, who) -> accounts.changeUser().role(name, r, who));
    }
  }

  @Command(
      name = "password",
      mixinStandardHelpOptions = true,
      description = "Set a user's password from standard input (ends their sessions).")
  static final class Password implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Mixin PasswordStdin stdin;

    @Override
    public Integer call() {
      String password = stdin.read();
      return change(
          spec,
          name,
          "password set",
          "changed the password of " + name,
          (accounts, who) -> accounts.changeUser().password(name, password, who));
    }
  }

  @Command(
      name = "require-totp",
      mixinStandardHelpOptions = true,
      description =
          "Require a second factor (authenticator app) of a user, or of everyone with --all;"
              + " --off stops requiring it.")
  static final class RequireTotp implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(names = "--all", description = "Every user of the case.")
    boolean all;

    @Option(names = "--off", description = "Stop requiring it.")
    boolean off;

    @Override
    public Integer call() {
      if (all == (name != null)) {
        throw new UserError("give either a user NAME or --all");
      }
      Main main = Main.root(spec);
      try (CaseFile cf = main.openCaseFile()) {
        Accounts accounts = Accounts.over(cf);
        accounts.secondFactor().require(all ? null : name, !off, main.who());
        String what = off ? "second factor optional" : "second factor required";
        accounts.audit().admin(main.who(), what + (all ? " for everyone" : ""), name, "cli");
        spec.commandLine().getOut().println(what + " for " + (all ? "everyone" : name));
      } catch (AccountException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }

  @Command(
      name = "reset-totp",
      mixinStandardHelpOptions = true,
      description = "Remove a user's second factor (a lost phone): they log in with the password.")
  static final class ResetTotp implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return change(
          spec,
          name,
          "second factor reset",
          "reset the second factor of " + name,
          (accounts, who) -> accounts.secondFactor().reset(name, who));
    }
  }

  /** One admin change to an account, as the command's caller. */
  @FunctionalInterface
  private interface AccountChange {
    void apply(Accounts accounts, String who);
  }

  /**
   * Makes one change to a user's account, records it in the audit trail as an admin action from the
   * command line, and prints what was done; a refusal becomes the command's error message.
   */
  private static int change(
      CommandSpec spec, String user, String audited, String printed, AccountChange change) {
    Main main = Main.root(spec);
    try (CaseFile cf = main.openCaseFile()) {
      Accounts accounts = Accounts.over(cf);
      change.apply(accounts, main.who());
      accounts.audit().admin(main.who(), audited, user, "cli");
      spec.commandLine().getOut().println(printed);
    } catch (AccountException e) {
      throw new UserError(e.getMessage(), e);
    }
    return 0;
  }
}
