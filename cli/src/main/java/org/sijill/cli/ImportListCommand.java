package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.imports.ListProblem;
import org.sijill.casefile.model.ListImport;
import org.sijill.workflow.ImportList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill import-list}: parses options, runs {@link ImportList} and prints its outcome. Any
 * problem means nothing is stored; the first 20 problems are printed as FILE:LINE: column: reason.
 */
@Command(
    name = "import-list",
    mixinStandardHelpOptions = true,
    description =
        "Import a victim list (CSV) from one source; nothing is stored if any row is bad.")
final class ImportListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "NAME",
      description = "The group whose list this is (created as a documentation group if new).")
  String source;

  @Option(
      names = "--encoding",
      defaultValue = "UTF-8",
      paramLabel = "ENC",
      description =
          "UTF-8 (with or without BOM), windows-1256, or any charset Java knows (default:"
              + " ${DEFAULT-VALUE}); bytes not valid in it are refused, never replaced.")
  String encoding;

  @Option(
      names = "--again",
      description =
          "Import a file whose bytes were imported before (needs --reason); its records are not"
              + " counted twice.")
  boolean again;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why the same file is imported again (recorded with the import).")
  String reason;

  @Option(
      names = "--public-columns",
      split = ",",
      paramLabel = "COL",
      description =
          "Extra columns that identify nobody and may be stored in the clear (comma-separated)."
              + " Every other extra column, such as informant_name or informant_phone, is"
              + " sensitive: sealed when the case has keys (sijill keys init).")
  List<String> publicColumns = List.of();

  @Parameters(
      paramLabel = "FILE.csv",
      description = "The list: a header row, then one victim a row.")
  Path file;

  @Override
  public Integer call() throws Exception {
    Main main = Main.root(spec);
    if (again && (reason == null || reason.isBlank())) {
      throw new UserError("--again needs --reason TEXT: say why the same list is imported again");
    }
    if (!again && reason != null) {
      throw new UserError("--reason goes with --again");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    ImportList.Result result;
    try (CaseFile caseFile = main.openCaseFile()) {
      Progress[] bar = new Progress[1];
      ImportList.Request request =
          new ImportList.Request(
              file,
              file.getFileName().toString(),
              source,
              encoding,
              again ? reason : null,
              main.who(),
              Set.copyOf(publicColumns));
      result =
          new ImportList(caseFile)
              .run(
                  request,
                  (step, done, total) -> {
                    if (total > 0) {
                      if (bar[0] == null) {
                        bar[0] = new Progress(err, step, total);
                      }
                      bar[0].update(done);
                    }
                  });
      if (bar[0] != null) {
        bar[0].done();
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    if (result instanceof ImportList.Refused r) {
      for (ListProblem p : r.problems()) {
        // Problems name the file as given on the command line, so that it can be opened.
        err.println(new ListProblem(file.toString(), p.line(), p.column(), p.reason()));
      }
      err.println(
          "sijill: "
              + file
              + " was not imported"
              + (r.moreNotShown() ? " (first " + ImportList.MAX_PROBLEMS + " problems shown)" : "")
              + "; nothing was stored");
      return 1;
    }
    if (result instanceof ImportList.AlreadyImported a) {
      ListImport e = a.earlier();
      err.printf(
          "sijill: %s was imported before (same SHA-256 %s): import %d of list '%s', file %s,"
              + " at %s by %s; nothing was stored. If it must be imported again, add --again"
              + " --reason TEXT (its records will not be counted twice).%n",
          file, e.fileSha256(), e.id(), e.listName(), e.fileName(), e.recordedAt(), e.recordedBy());
      return 1;
    }
    ImportList.Imported i = (ImportList.Imported) result;
    out.printf(
        "imported %d records from %s as list '%s' (import %d, sha256 %s)%n",
        i.records(), file, i.list(), i.importId(), i.sha256());
    if (!i.sensitiveColumns().isEmpty()) {
      String cols = String.join(", ", i.sensitiveColumns());
      if (i.sealed()) {
        out.printf("sealed (sensitive): %s%n", cols);
      } else {
        err.printf(
            "sijill: warning: sensitive columns stored unsealed (this case has no keys: run"
                + " `sijill keys init`): %s%n",
            cols);
      }
    }
    if (i.repeats() != null) {
      out.printf(
          "this file repeats import %d of list '%s' (%s by %s); its records are stored but not"
              + " counted twice%n",
          i.repeats().id(),
          i.repeats().listName(),
          i.repeats().recordedAt(),
          i.repeats().recordedBy());
    }
    return 0;
  }
}
