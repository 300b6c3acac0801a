package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.Vocabulary;
import org.sijill.workflow.access.GroupException;
import org.sijill.workflow.access.Groups;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.sources.AddSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill source add --name NAME [--confidential] [--group GROUP]}: prints the new source's
 * id.
 */
@Command(
    name = "source",
    mixinStandardHelpOptions = true,
    description = "Sources of information (add).",
    subcommands = {SourceCommand.Add.class})
final class SourceCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a source and print its id.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Its name.")
    String name;

    @Option(
        names = "--confidential",
        description =
            "Withhold its identity on the sources pages and API (a witness, an informant).")
    boolean confidential;

    @Option(
        names = "--group",
        paramLabel = "GROUP",
        description =
            "Restrict it to this access group: only its members (and admins) see who it is.")
    String group;

    @Option(
        names = "--kind",
        paramLabel = "KIND",
        defaultValue = "documentation_group",
        description =
            "documentation_group, media, witness, social_account, official or archive (default:"
                + " ${DEFAULT-VALUE}).")
    String kind;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      SourceKind k;
      try {
        k = Vocabulary.parse(SourceKind.class, kind);
      } catch (IllegalArgumentException e) {
        throw new UserError("--kind: " + e.getMessage(), e);
      }
      try (CaseFile cf = main.openCaseFile()) {
        Groups groups = Groups.over(cf);
        if (group != null) {
          // Refuse an unknown group before the source is stored, not after.
          groups
              .find(group.strip())
              .orElseThrow(() -> new UserError("--group: there is no group '" + group + "'"));
        }
        long id = new AddSource(cf.sources()).add(name, k, confidential, group != null, main.who());
        if (group != null) {
          groups.restrict().restrict(ItemType.SOURCE, id, group, main.who());
        }
        spec.commandLine().getOut().println(id);
      } catch (IllegalArgumentException | GroupException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }
}
