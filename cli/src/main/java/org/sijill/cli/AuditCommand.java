package org.sijill.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.Page;
import org.sijill.workflow.audit.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill audit [--user U] [--since DATE] [--until DATE] [--kind K] [--item TYPE:ID]}: the
 * audit trail, newest first, one event a line (tab-separated: time, kind, who, what, item, from,
 * detail).
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Show the audit trail: reads, exports, failed logins, throttled requests, admins' actions.")
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--user", paramLabel = "U", description = "Only events by this user name.")
  String user;

  @Option(names = "--since", paramLabel = "DATE", description = "From this day (UTC), included.")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Up to this day (UTC), included.")
  String until;

  @Option(
      names = "--kind",
      paramLabel = "K",
      description = "read, export, login_failed, admin, throttled or second_factor.")
  String kind;

  @Option(
      names = "--item",
      paramLabel = "TYPE:ID",
      description = "Only events about this item (e.g. evidence:12).")
  String item;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "500",
      description = "At most N events (default ${DEFAULT-VALUE}, at most 500).")
  int limit;

  @Override
  public Integer call() {
    Main main = Main.root(spec);
    AuditTrail.Kind k = null;
    if (kind != null) {
      k = AuditTrail.Kind.parse(kind);
      if (k == null) {
        throw new UserError(
            "--kind is one of read, export, login_failed, admin, throttled, second_factor (not '"
                + kind
                + "')");
      }
    }
    if (limit < 1 || limit > 500) {
      throw new UserError("--limit: from 1 to 500");
    }
    LocalDate from = day(since, "--since");
    LocalDate to = day(until, "--until");
    try (CaseFile cf = main.openCaseFile()) {
      Page<AuditTrail.Row> rows =
          new AuditTrail(cf).list(new AuditTrail.Query(user, k, item, from, to, 1, limit));
      PrintWriter out = spec.commandLine().getOut();
      for (AuditTrail.Row r : rows.items()) {
        out.println(
            String.join(
                "\t",
                r.at().toString(),
                r.kind(),
                r.actor(),
                r.action(),
                r.itemType() == null ? "" : r.itemType() + ":" + r.itemId(),
                r.remote() == null ? "" : r.remote(),
                r.detail() == null ? "" : r.detail().replace('\t', ' ').replace('\n', ' ')));
      }
      if (rows.total() > rows.items().size()) {
        spec.commandLine()
            .getErr()
            .printf(
                "(%d of %d events shown; narrow the filters)%n", rows.items().size(), rows.total());
      }
      out.flush();
    }
    return 0;
  }

  private static LocalDate day(String raw, String option) {
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw new UserError(option + ": a day as YYYY-MM-DD (not '" + raw + "')");
    }
  }
}
