package org.sijill.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.EarlierCopy;
import org.sijill.workflow.FindEarlierCopies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill media seen FILE}: the recycled-footage question. Lists every earlier item of the
 * media index that matches the file, oldest acquisition first, with its source and date. For items
 * that came through the vault, acquisition date and source are read from the case file's {@code
 * evidence_item} and its {@code acquired} custody event.
 */
@Command(
    name = "seen",
    mixinStandardHelpOptions = true,
    description = "Earlier items (vault or media index) matching FILE, oldest acquisition first.")
final class MediaSeenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE")
  java.nio.file.Path file;

  @Override
  public Integer call() {
    Main main = Main.root(spec);
    FindEarlierCopies.Result r;
    try (CaseFile cf = main.openCaseFile()) {
      r = new FindEarlierCopies(main.dataDir(), cf).find(file);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (r.copies().isEmpty()) {
      out.println(file + ": not seen before (" + r.indexSize() + " items in the media index)");
    } else {
      out.println(
          file
              + ": "
              + r.related()
              + " earlier item(s) match, "
              + (r.copies().size() - r.related())
              + " share some frames; oldest acquisition first");
    }
    for (EarlierCopy c : r.copies()) {
      StringBuilder line = new StringBuilder();
      line.append(c.acquiredAt())
          .append("  ")
          .append(c.comparison().verdict().label())
          .append("  source: ")
          .append(c.source() == null || c.source().isBlank() ? "(unknown)" : c.source())
          .append("  item: ")
          .append(c.key())
          .append("  name: ")
          .append(c.name());
      if (c.thisVeryFile()) {
        line.append("  (this very file)");
      }
      out.println(line);
      MediaCommand.describeBriefly(out, c.comparison(), r.video());
    }
    out.flush();
    return 0;
  }

  /** An ISO instant or date (midnight UTC), or null when absent. */
  static Instant parseTime(String s, String option) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new UserError(option + ": not an ISO instant or date: " + s);
      }
    }
  }
}
