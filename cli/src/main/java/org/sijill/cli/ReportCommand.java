package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.PublishException;
import org.sijill.workflow.PublishReport;
import org.sijill.workflow.ReproduceReport;
import org.sijill.workflow.WithholdPerson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill report --out DIR}: the public report (site, PDF, the provable public list); {@code
 * --reproduce DIR} rebuilds a report's numbers from the case and names any that differ; {@code
 * report withhold} keeps a person out of later public lists. The work is {@link PublishReport},
 * {@link ReproduceReport} and {@link WithholdPerson}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Publish the case as a static report with a provable public list.",
    subcommands = {ReportCommand.Withhold.class})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  What what;

  static final class What {
    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Write the report into this new folder.")
    Path out;

    @Option(
        names = "--reproduce",
        paramLabel = "DIR",
        description =
            "Rebuild the numbers of the report in DIR from this case; exit 1 naming any that"
                + " differ, and for each method whether a change of algorithm version explains it.")
    Path reproduce;
  }

  @Option(
      names = "--previous",
      paramLabel = "DIR",
      description =
          "The edition this one follows: prove this one only adds to it, or list what changed.")
  Path previous;

  @Option(
      names = "--pdf-font",
      paramLabel = "FILE.ttf",
      description =
          "A TrueType font with Arabic glyphs for the PDF (default: DejaVu Sans or Noto, if installed).")
  Path pdfFont;

  @Option(names = "--no-pdf", description = "Leave out report.pdf (faster for large lists).")
  boolean noPdf;

  @Override
  public Integer call() {
    Main main = Main.root(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (CaseFile cf = main.openCaseFile()) {
      if (what.reproduce != null) {
        ReproduceReport.Result r =
            new ReproduceReport(cf).reproduce(what.reproduce, ProgressOnStderr.on(err, "report"));
        if (r.identical()) {
          out.printf(
              "identical: all %d numbers of %s rebuilt the same%n", r.checked(), what.reproduce);
          out.flush();
          return 0;
        }
        r.differences().forEach(d -> out.println("DIFFERS " + printable(d)));
        r.methods().forEach(m -> out.println(printable(m.sentence())));
        out.printf(
            "%d of %d numbers differ; %s explained by a change of algorithm version%n",
            r.differences().size(),
            r.checked(),
            r.explained() == 0
                ? "none"
                : r.explained() == r.differences().size() ? "all" : r.explained() + "");
        out.flush();
        return 1;
      }
      PublishReport.Result r =
          new PublishReport(cf, main.dataDir())
              .publish(
                  new PublishReport.Request(
                      what.out,
                      Optional.ofNullable(previous),
                      Optional.ofNullable(pdfFont),
                      !noPdf,
                      main.who()),
                  ProgressOnStderr.on(err, "report"));
      out.printf(
          "report written to %s: %d persons documented, %d in the public list, %d withheld; list root %s%n",
          r.out(), r.documented(), r.listed(), r.withheld(), r.root());
      if (previous != null) {
        if (r.extendsPrevious()) {
          out.printf(
              "this edition only adds to %s (consistency proof in data/consistency.json)%n",
              previous);
        } else {
          out.printf(
              "this edition changes %d entries of %s (listed in data/changes.json):%n",
              r.changes().size(), previous);
          r.changes().forEach(c -> out.println("  " + c));
        }
      }
      out.flush();
      return 0;
    } catch (PublishException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  @Command(
      name = "withhold",
      mixinStandardHelpOptions = true,
      description =
          "Keep a person out of every later public list (still counted); the reason is recorded.")
  static final class Withhold implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "PERSON",
        description = "The person's id (as in the public list, with or without the P).")
    String person;

    @Option(names = "--reason", required = true, description = "Why (recorded, never published).")
    String reason;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      String id = person.startsWith("P") ? person.substring(1) : person;
      long personId;
      try {
        personId = Long.parseLong(id);
      } catch (NumberFormatException e) {
        throw new UserError("PERSON: not a person id: " + person);
      }
      try (CaseFile cf = main.openCaseFile()) {
        new WithholdPerson(cf).withhold(personId, reason, main.who());
      } catch (PublishException e) {
        throw new UserError(e.getMessage(), e);
      }
      spec.commandLine().getOut().printf("P%d is withheld from later public lists%n", personId);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /**
   * The text with every control and bidirectional-format character written as a backslash-u escape
   * of its four hex digits: the lines name methods and models read from the report folder, which
   * anyone may have handed over, and a terminal acts on the escape sequences a crafted name could
   * carry (the joiners Arabic text uses, U+200C and U+200D, stay).
   */
  static String printable(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)
                  || Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
