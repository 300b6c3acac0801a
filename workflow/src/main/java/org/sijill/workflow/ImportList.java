package org.sijill.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.imports.ListProblem;
import org.sijill.casefile.imports.ListRejectedException;
import org.sijill.casefile.imports.VictimListReader;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.repo.AlreadyImportedException;
import org.sijill.casefile.repo.Victims;
import org.sijill.casefile.repo.Victims.NewRecord;
import org.sijill.casefile.seal.KeyringException;
import org.sijill.casefile.seal.Sealer;
import org.sijill.linkage.csv.ListFile;
import org.sijill.workflow.keys.KeysException;

/**
 * Import a victim list: read and check the whole file, then store it in one transaction, or store
 * nothing. The same bytes imported before are refused with the earlier import named, unless the
 * caller gives a reason to import them again (then recorded, and the repeat's records are not
 * counted twice). {@code sijill import-list} and the web's list upload both call this.
 */
public final class ImportList {
  /** Problems reported before a list is given up on. */
  public static final int MAX_PROBLEMS = 20;

  private static final ObjectMapper JSON = new ObjectMapper();
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
   * @param publicColumns the extra (non-canonical) columns that identify nobody and may be stored
   *     in the clear; every other extra column (an informant's name or phone, say) is sensitive and
   *     sealed when the case has keys. Names match whatever their letter case.
   */
  public record Request(
      Path file,
      String fileName,
      String source,
      String encoding,
      String againReason,
      String by,
      Set<String> publicColumns) {
    /** A request in which every extra column is sensitive. */
    public Request(
        Path file, String fileName, String source, String encoding, String againReason, String by) {
      this(file, fileName, source, encoding, againReason, by, Set.of());
    }

    public Request {
      publicColumns =
          publicColumns.stream()
              .map(c -> c.strip().toLowerCase(Locale.ROOT))
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
   * @param sensitiveColumns the extra columns treated as sensitive, in header order
   * @param sealed whether they were sealed (false: the case has no keys, they are in the clear)
   */
  public record Imported(
      long importId,
      int records,
      String list,
      String sha256,
      String encoding,
      ListImport repeats,
      List<String> sensitiveColumns,
      boolean sealed)
      implements Result {}

  /** Not stored: the file has problems, each {@code FILE:LINE: column: reason}. */
  public record Refused(List<ListProblem> problems, boolean moreNotShown) implements Result {}

  /** Not stored: the same bytes were imported before, as {@code earlier}. */
  public record AlreadyImported(ListImport earlier) implements Result {}

  /**
   * A list's source is stored by name in the clear (the list is known by it). When that name is the
   * sealed name of a protected source (confidential, or restricted to access groups), finding no
   * public source of that name and adding one would write the protected name in plaintext — so the
   * import is refused before anything is stored. (On a locked case sealed names cannot be read, so
   * this check cannot see them; importing needs an unlocked case to seal extra columns anyway.)
   */
  private void refuseProtectedSourceName(String name) {
    if (caseFile.sources().findByName(name).isPresent()) {
      return;
    }
    boolean protectedName =
        caseFile.sources().all().stream()
            .anyMatch(s -> name.equals(s.nameEn()) || name.equals(s.nameAr()));
    if (protectedName) {
      throw new IllegalArgumentException(
          "source '"
              + name
              + "' is a protected source, whose name is kept sealed; a list is stored under its"
              + " source's name in the clear, so give the list's source a name that may be public"
              + " (add it with: sijill source add --name NAME)");
    }
  }

  /**
   * @throws IllegalArgumentException when the encoding is not a charset Java knows, or the source
   *     named is a protected one (its name would be stored in the clear)
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
    List<String> sensitive = sensitiveColumns(list, r.publicColumns());
    List<NewRecord> rows;
    try {
      rows = sealed(list.rows(), sensitive);
    } catch (KeyringException e) {
      throw new KeysException(e.getMessage(), e);
    }
    ListImport earlier = caseFile.victims().firstImportOf(list.sha256()).orElse(null);
    if (earlier != null && r.againReason() == null) {
      return new AlreadyImported(earlier);
    }
    refuseProtectedSourceName(r.source());
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
                  rows,
                  r.againReason(),
                  r.by(),
                  done -> progress.progress("storing records", done, total));
    } catch (AlreadyImportedException e) {
      return new AlreadyImported(e.earlier()); // imported by someone else meanwhile
    }
    return new Imported(
        importId,
        total,
        r.source(),
        list.sha256(),
        charset.name(),
        earlier,
        sensitive,
        !sensitive.isEmpty() && caseFile.sealer().sealing());
  }

  /** The extra columns of a list (first seen first) that are not declared public. */
  private static List<String> sensitiveColumns(
      VictimListReader.ValidList list, Set<String> publicColumns) {
    Set<String> out = new LinkedHashSet<>();
    for (NewRecord row : list.rows()) {
      for (String column : columnsOf(row.raw())) {
        String key = column.strip().toLowerCase(Locale.ROOT);
        if (!VictimListReader.isCanonical(key) && !publicColumns.contains(key)) {
          out.add(column);
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> columnsOf(String json) {
    try {
      List<String> out = new ArrayList<>();
      JSON.readTree(json).fieldNames().forEachRemaining(out::add);
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the list reader wrote bad JSON", e);
    }
  }

  /**
   * Rows with the sensitive columns sealed in both their attributes and their raw copy, so that the
   * database never holds them in the clear (a case without keys keeps them as they are).
   */
  private List<NewRecord> sealed(List<NewRecord> rows, List<String> sensitive) {
    Sealer s = caseFile.sealer();
    if (sensitive.isEmpty() || !s.sealing()) {
      return rows;
    }
    Set<String> keys = Set.copyOf(sensitive);
    String prefix = Victims.SEALED_FIELD_PREFIX;
    return rows.stream()
        .map(
            n ->
                new NewRecord(
                    n.lineNumber(),
                    n.recordId(),
                    n.fullName(),
                    n.givenName(),
                    n.fatherName(),
                    n.motherName(),
                    n.familyName(),
                    n.sex(),
                    n.age(),
                    n.ageGroup(),
                    n.dateOfDeath(),
                    n.placeOfDeath(),
                    n.governorate(),
                    n.status(),
                    n.cause(),
                    s.sealJson(n.attributes(), prefix, keys),
                    s.sealJson(n.raw(), prefix, keys)))
        .toList();
  }
}
