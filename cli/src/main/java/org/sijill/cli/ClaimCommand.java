package org.sijill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sijill.casefile.model.PublicClaim;
import org.sijill.workflow.RecordPublicClaim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sijill claim add|list}: public claims (who claimed what figure, and when), recorded
 * through the same workflow as {@code /public-claims} and {@code POST /api/public-claims}.
 */
@Command(
    name = "claim",
    mixinStandardHelpOptions = true,
    description = "Public claims: figures others published (add, list).",
    subcommands = {ClaimCommand.Add.class, ClaimCommand.ListClaims.class})
final class ClaimCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Record a public claim; prints its id.")
  static final class Add implements Callable<Integer> {
    @Mixin CaseAccess cli;

    @Option(names = "--claimant", required = true, paramLabel = "WHO", description = "Who.")
    String claimant;

    @Option(
        names = "--stated-as",
        paramLabel = "TEXT",
        description = "The figure in the claimant's words (\"about 9,000 killed on the coast\").")
    String statedAs;

    @Option(names = "--figure", paramLabel = "N", description = "The number the words name.")
    Integer figure;

    @Option(names = "--lower", paramLabel = "N", description = "Low end of its range.")
    Integer lower;

    @Option(names = "--upper", paramLabel = "N", description = "High end of its range.")
    Integer upper;

    @Option(
        names = "--claimed-on",
        required = true,
        paramLabel = "DATE",
        description = "When it was claimed (2025-03-08).")
    String claimedOn;

    @Option(names = "--scope", paramLabel = "TEXT", description = "What it covers, in words.")
    String scope;

    @Option(names = "--place", paramLabel = "PLACE", description = "A place it is about.")
    String place;

    @Option(names = "--period-from", paramLabel = "DATE", description = "Start of its period.")
    String periodFrom;

    @Option(names = "--period-to", paramLabel = "DATE", description = "End of its period.")
    String periodTo;

    @Option(
        names = "--category",
        paramLabel = "CATEGORY",
        description = "killed (default), missing or injured.")
    String category;

    @Option(
        names = "--qualifier",
        paramLabel = "Q",
        description = "at_least, about, up_to or exactly (read from --stated-as when left out).")
    String qualifier;

    @Option(
        names = "--evidence",
        paramLabel = "ITEM",
        description = "The evidence item that preserves the claim itself (the video, the post).")
    Long evidence;

    @Option(names = "--quote", paramLabel = "TEXT", description = "The claim's words in full.")
    String quote;

    @Override
    public Integer call() {
      RecordPublicClaim.Draft d =
          new RecordPublicClaim.Draft(
              claimant,
              statedAs,
              figure,
              lower,
              upper,
              claimedOn,
              scope,
              place,
              periodFrom,
              periodTo,
              category,
              qualifier,
              evidence,
              quote);
      RecordPublicClaim.Recorded r =
          cli.desk(o -> new RecordPublicClaim(o.data(), o.caseFile()).record(d, o.who()));
      cli.out().println(r.id());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List public claims: id, claimed on, claimant, figure, as stated, evidence item"
              + " (tab-separated).")
  static final class ListClaims implements Callable<Integer> {
    @Mixin CaseAccess cli;

    @Override
    public Integer call() {
      PrintWriter out = cli.out();
      cli.withCase(
          o -> {
            for (PublicClaim c : o.caseFile().publicClaims().all()) {
              out.println(
                  String.join(
                      "\t",
                      Long.toString(c.id()),
                      c.claimedOn() == null ? "" : c.claimedOn().toString(),
                      c.claimant(),
                      c.figureText(),
                      c.statedAs() == null ? "" : c.statedAs(),
                      c.evidenceId() == null ? "" : c.evidenceId().toString()));
            }
            return null;
          });
      return 0;
    }
  }
}
