package org.sijill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.access.GroupException;
import org.sijill.workflow.access.Groups;
import org.sijill.workflow.access.ItemType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill group add|list|member add|remove}: access groups, whose members alone (with admins)
 * see who is in the items restricted to them ({@code sijill restrict}).
 */
@Command(
    name = "group",
    mixinStandardHelpOptions = true,
    description = "Access groups for restricted items (add, list, member add|remove).",
    subcommands = {
      GroupCommand.Add.class,
      GroupCommand.ListGroups.class,
      GroupCommand.Member.class
    })
final class GroupCommand {

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a group.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The group's name (any script).")
    String name;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      try (CaseFile cf = main.openCaseFile()) {
        long id = Groups.over(cf).create().create(name, main.who());
        spec.commandLine().getOut().println(id);
      } catch (GroupException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the groups: name, restricted items, members.")
  static final class ListGroups implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      PrintWriter out = spec.commandLine().getOut();
      try (CaseFile cf = main.openCaseFile()) {
        for (Groups.Info g : Groups.over(cf).list()) {
          out.println(g.name() + "\t" + g.items() + " items\t" + String.join(",", g.members()));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "member",
      mixinStandardHelpOptions = true,
      description = "Add a user to a group or remove them.",
      subcommands = {MemberAdd.class, MemberRemove.class})
  static final class Member {}

  abstract static class MemberChange implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GROUP", description = "The group's name.")
    String group;

    @Parameters(index = "1", paramLabel = "USER", description = "The user name.")
    String user;

    abstract void change(Groups groups, String by);

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      try (CaseFile cf = main.openCaseFile()) {
        change(Groups.over(cf), main.who());
      } catch (GroupException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add USER to GROUP.")
  static final class MemberAdd extends MemberChange {
    @Override
    void change(Groups groups, String by) {
      groups.members().add(group, user, by);
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove USER from GROUP (a new fact; the earlier membership stays on record).")
  static final class MemberRemove extends MemberChange {
    @Override
    void change(Groups groups, String by) {
      groups.members().remove(group, user, by);
    }
  }

  /**
   * {@code sijill restrict source|evidence|incident|victim ID --group G}, and with {@code --lift
   * --reason R} (an administrator) the restriction's end.
   */
  @Command(
      name = "restrict",
      mixinStandardHelpOptions = true,
      description =
          "Restrict a source, evidence item, incident or victim record to an access group: others"
              + " see that it exists, not who is in it. With --lift (an administrator, --reason"
              + " required) the restriction to that group ends; both stay on record.")
  static final class Restrict implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "TYPE",
        description = "source, evidence, incident or victim.")
    String type;

    @Parameters(index = "1", paramLabel = "ID", description = "The item's id.")
    long id;

    @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The group.")
    String group;

    @Option(
        names = "--lift",
        description = "Lift the item's restriction to GROUP instead (needs --as ADMIN_USER).")
    boolean lift;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        description = "Why the restriction is lifted (required with --lift; audited).")
    String reason;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      if (!lift && reason != null) {
        throw new UserError("--reason goes with --lift");
      }
      try (CaseFile cf = main.openCaseFile()) {
        ItemType t = ItemType.parse(type);
        if (lift) {
          Groups.over(cf).lift().lift(t, id, group, reason, main.who(), null);
          spec.commandLine()
              .getErr()
              .println("lifted the restriction of " + t.db() + " " + id + " to " + group);
          return 0;
        }
        boolean added = Groups.over(cf).restrict().restrict(t, id, group, main.who());
        if (!added) {
          spec.commandLine()
              .getErr()
              .println(t.db() + " " + id + " was already restricted to " + group);
        }
      } catch (GroupException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }
}
