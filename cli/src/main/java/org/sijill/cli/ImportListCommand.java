package org.sijill.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.imports.ListProblem;
import org.sijill.casefile.imports.ListRejectedException;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.linkage.csv.ListFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill import-list}: validates a whole victim list, then stores it in one transaction. Any
 * problem means nothing is stored; the first 20 problems are printed as FILE:LINE: column: reason.
 */
@Command(
    name = "import-list",
    mixinStandardHelpOptions = true,
    description =
        "Import a victim list (CSV) from one source; nothing is stored if any row is bad.")
final class ImportListCommand implements Callable<Integer> {
  static final int MAX_PROBLEMS = 20;

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

  @Parameters(
      paramLabel = "FILE.csv",
      description = "The list: a header row, then one victim a row.")
  Path file;

  @Override
  public Integer call() throws Exception {
    Main main = Main.root(spec);
    Charset charset;
    try {
      charset = ListFile.charset(encoding);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    VictimListReader.ValidList list;
    try {
      list = new VictimListReader(MAX_PROBLEMS).read(file, charset);
    } catch (ListRejectedException e) {
      var err = spec.commandLine().getErr();
      for (ListProblem p : e.problems()) {
        err.println(file.getParent() == null ? p : withPath(p));
      }
      err.println(
          "sijill: "
              + file
              + " was not imported"
              + (e.problems().size() >= MAX_PROBLEMS
                  ? " (first " + MAX_PROBLEMS + " problems shown)"
                  : "")
              + "; nothing was stored");
      return 1;
    }
    try (CaseFile caseFile = main.openCaseFile()) {
      long sourceId =
          caseFile
              .sources()
              .findByName(source)
              .map(s -> s.id())
              .orElseGet(
                  () ->
                      caseFile
                          .sources()
                          .add(
                              SourceKind.DOCUMENTATION_GROUP,
                              null,
                              source,
                              Confidentiality.RESTRICTED,
                              null,
                              main.who()));
      int total = list.rows().size();
      Progress progress = new Progress(spec.commandLine().getErr(), "storing records", total);
      long importId =
          caseFile
              .victims()
              .importList(
                  source,
                  sourceId,
                  list.fileName(),
                  list.sha256(),
                  charset.name(),
                  list.rows(),
                  main.who(),
                  progress::update);
      progress.done();
      spec.commandLine()
          .getOut()
          .printf(
              "imported %d records from %s as list '%s' (import %d, sha256 %s)%n",
              total, file, source, importId, list.sha256());
    }
    return 0;
  }

  private ListProblem withPath(ListProblem p) {
    return new ListProblem(file.toString(), p.line(), p.column(), p.reason());
  }
}
