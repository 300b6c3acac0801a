package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident desk on the command line: an incident recorded and corrected, a piece of evidence
 * linked and attributed, a link withdrawn and a public claim recorded, each with the same checks as
 * the web desk; {@code show} and {@code list} read them back, and the custody log holds every
 * write.
 */
class IncidentCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  private CliRun desk(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = data.toString();
    all[2] = "--as";
    all[3] = "analyst-1";
    System.arraycopy(args, 0, all, 4, args.length);
    return run(all);
  }

  private static String ok(CliRun r) {
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().strip();
  }

  @Test
  void anIncidentIsRecordedLinkedAttributedWithdrawnAndShown() throws Exception {
    CliRun.addUser(data, "analyst-1", "analyst");
    Path statement = files.resolve("statement.txt");
    Files.writeString(statement, "a synthetic statement about a raid");
    ok(desk("vault", "add", "--source", "partner A", statement.toString()));
    long item = 1;

    String id =
        ok(
            desk(
                "incident",
                "add",
                "--title",
                "Raid on a farm (synthetic)",
                "--title-ar",
                "مداهمة مزرعة (اصطناعية)",
                "--from",
                "2025-03-07",
                "--killed",
                "6",
                "--killed-low",
                "5",
                "--killed-high",
                "9",
                "--grade",
                "weak",
                "--grade-reasons",
                "one statement"));
    assertThat(id).matches("\\d+");

    CliRun bad = desk("incident", "add", "--title", "x", "--killed-low", "9", "--killed-high", "2");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("killedLow: is more than killedHigh");
    CliRun noReason = desk("incident", "edit", id, "--killed", "7");
    assertThat(noReason.code()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");

    assertThat(ok(desk("incident", "edit", id, "--killed", "7", "--reason", "a seventh body")))
        .isEqualTo(id + " version 2");
    String link = ok(desk("incident", "link-evidence", id, Long.toString(item), "--to", "12.5"));
    assertThat(link).matches("\\d+ log_index \\d+");
    String attribution =
        ok(
            desk(
                "incident",
                "attribute",
                id,
                "--actor",
                "Armed group A (synthetic)",
                "--actor-kind",
                "armed_group",
                "--grade",
                "fair",
                "--evidence",
                Long.toString(item)));
    assertThat(attribution).matches("\\d+ new actor \\d+");
    String attributionId = attribution.split(" ")[0];
    assertThat(ok(desk("incident", "list", "--actor", "Armed group A (synthetic)")))
        .startsWith(id + "\t2025-03-07\t7 (5–9)\tweak\t\tRaid on a farm (synthetic)");

    // A victim person is linked by the id the linkage runs keep; one no run gave is refused.
    CliRun noPerson = desk("incident", "link", id, "--kind", "person", "--target", "999999");
    assertThat(noPerson.code()).isEqualTo(1);
    assertThat(noPerson.err()).contains("target: there is no person 999999");

    CliRun noSuch =
        desk("incident", "withdraw", id, "--kind", "attribution", "--link", "999", "--reason", "x");
    assertThat(noSuch.code()).isEqualTo(1);
    assertThat(noSuch.err()).contains("linkId:");
    assertThat(
            ok(
                desk(
                    "incident",
                    "withdraw",
                    id,
                    "--kind",
                    "attribution",
                    "--link",
                    attributionId,
                    "--reason",
                    "the insignia is another group's")))
        .matches("\\d+");
    assertThat(ok(desk("incident", "list", "--actor", "Armed group A (synthetic)"))).isEmpty();

    String shown = ok(desk("incident", "show", id));
    assertThat(shown)
        .contains("incident " + id + " version 2")
        .contains("title_ar: مداهمة مزرعة (اصطناعية)")
        .contains("killed: 7 (5–9)")
        .contains("grade: weak: one statement")
        .contains("evidence link " + link.split(" ")[0] + ": item 1, seconds 0–12.5")
        .contains(
            "withdrawn attribution "
                + attributionId
                + ": Armed group A (synthetic), alleged_perpetrator, fair (by analyst-1")
        .contains("the insignia is another group's")
        .contains("version 2: analyst-1")
        .doesNotContain("\nattribution ");
    // Every write is a custody log entry, the incident's own ones too.
    assertThat(shown.lines().filter(l -> l.startsWith("custody ")).toList())
        .allSatisfy(l -> assertThat(l).contains(" by analyst-1, "))
        .extracting(l -> l.replaceAll("^custody \\d+: (\\S+).*?action=(\\w+)?.*$", "$1 $2"))
        .hasSize(7);
    assertThat(shown)
        .contains("recorded by analyst-1")
        .containsPattern("custody \\d+: recorded by .*action=created")
        .containsPattern("custody \\d+: recorded by .*action=corrected")
        .containsPattern("custody \\d+: linked_to_incident item 1 by ")
        .containsPattern("custody \\d+: recorded by .*action=attributed")
        .containsPattern("custody \\d+: unlinked_from_incident item 1 by ")
        .containsPattern("custody \\d+: recorded by .*action=withdrawn");

    String claim =
        ok(
            desk(
                "claim",
                "add",
                "--claimant",
                "A synthetic spokesman",
                "--stated-as",
                "at least 1,300 in two towns",
                "--figure",
                "1300",
                "--claimed-on",
                "2025-03-10",
                "--evidence",
                Long.toString(item)));
    assertThat(ok(desk("claim", "list")))
        .contains(claim + "\t2025-03-10\tA synthetic spokesman\tat least 1,300")
        .contains("\tat least 1,300 in two towns\t" + item);
    CliRun badClaim = desk("claim", "add", "--claimant", "x", "--claimed-on", "2025-03-10");
    assertThat(badClaim.code()).isEqualTo(1);
    assertThat(badClaim.err()).contains("figure:");

    // Every write is in the custody log: the item's entries and the desk's own, all by the analyst.
    CliRun verify = run("--data", data.toString(), "vault", "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    CliRun log = run("--data", data.toString(), "vault", "history", sha(statement));
    assertThat(ok(log))
        .contains("linked_to_incident")
        .contains("unlinked_from_incident")
        .contains("annotated");
  }

  private static String sha(Path f) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }
}
