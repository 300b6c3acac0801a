package org.sijill.workflow;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.imports.ListProblem;
import org.sijill.casefile.imports.ListRejectedException;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.repo.AlreadyImportedException;
import org.sijill.linkage.csv.ListFile;

/**
 * Import a victim list: read and check the whole file, then store it in one transaction, or store
 * nothing. The same bytes imported before are refused with the earlier import named, unless the
 * caller gives a reason to import them again (then recorded, and the repeat's records are not
 * counted twice). {@code sijill import-list} and the web's list upload both call this.
 */
public final class ImportList {
  /** Problems reported before a list is given up on. */
  public static final int MAX_PROBLEMS = 20;

  private final CaseFile caseFile;

  public ImportList(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * What to import.
   *
   * @param file where the bytes are
   * @param fileName the name to report and record (the path as typed, or an upload's file name)
   * @param source the group whose list this is; created as a documentation group when new
   * @param encoding a charset name as the user typed it; null or blank means UTF-8
   * @param againReason null, or why a file imported before is imported again
   * @param by who imports
   */
  public record Request(
      Path file, String fileName, String source, String encoding, String againReason, String by) {
    public Request {
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException("a list needs a source (the group whose list it is)");
      }
      if (againReason != null && againReason.isBlank()) {
        throw new IllegalArgumentException("importing a list again needs a reason (--reason TEXT)");
      }
    }
  }

  /** How an import ended. */
  public sealed interface Result permits Imported, Refused, AlreadyImported {}

  /**
   * Stored.
   *
   * @param repeats the earlier import of the same bytes, when this was imported again; else null
   */
  public record Imported(
      long importId, int records, String list, String sha256, String encoding, ListImport repeats)
      implements Result {}

  /** Not stored: the file has problems, each {@code FILE:LINE: column: reason}. */
  public record Refused(List<ListProblem> problems, boolean moreNotShown) implements Result {}

  /** Not stored: the same bytes were imported before, as {@code earlier}. */
  public record AlreadyImported(ListImport earlier) implements Result {}

  /**
   * @throws IllegalArgumentException when the encoding is not a charset Java knows
   * @throws IOException when the file cannot be read
   */
  public Result run(Request r, ProgressListener progress) throws IOException {
    Charset charset = ListFile.charset(r.encoding());
    VictimListReader.ValidList list;
    progress.progress("reading " + r.fileName(), 0, -1);
    try {
      list = new VictimListReader(MAX_PROBLEMS).read(r.file(), r.fileName(), charset);
    } catch (ListRejectedException e) {
      return new Refused(e.problems(), e.problems().size() >= MAX_PROBLEMS);
    }
    ListImport earlier = caseFile.victims().firstImportOf(list.sha256()).orElse(null);
    if (earlier != null && r.againReason() == null) {
      return new AlreadyImported(earlier);
    }
    long sourceId =
        caseFile
            .sources()
            .findByName(r.source())
            .map(s -> s.id())
            .orElseGet(
                () ->
                    caseFile
                        .sources()
                        .add(
                            SourceKind.DOCUMENTATION_GROUP,
                            null,
                            r.source(),
                            Confidentiality.RESTRICTED,
                            null,
                            r.by()));
    int total = list.rows().size();
    long importId;
    try {
      importId =
          caseFile
              .victims()
              .importList(
                  r.source(),
                  sourceId,
                  list.fileName(),
                  list.sha256(),
                  charset.name(),
                  list.rows(),
                  r.againReason(),
                  r.by(),
                  done -> progress.progress("storing records", done, total));
    } catch (AlreadyImportedException e) {
      return new AlreadyImported(e.earlier()); // imported by someone else meanwhile
    }
    return new Imported(importId, total, r.source(), list.sha256(), charset.name(), earlier);
  }
}
