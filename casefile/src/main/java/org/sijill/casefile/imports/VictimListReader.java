package org.sijill.casefile.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.repo.Victims.NewRecord;
import org.sijill.linkage.csv.ListFile;
import org.sijill.linkage.csv.ListFileException;

/**
 * Reads and validates a whole victim list (CSV with a header row, canonical columns of the
 * architecture document, extra columns kept as attributes) before anything is stored.
 *
 * <p>Every problem is collected with its line and column, so that a list-keeper can fix them all in
 * one pass; the caller stores nothing unless the list is clean.
 */
public final class VictimListReader {
  static final List<String> CANONICAL =
      List.of(
          "record_id",
          "full_name",
          "given_name",
          "father_name",
          "mother_name",
          "family_name",
          "sex",
          "age",
          "age_group",
          "date_of_death",
          "place_of_death",
          "governorate",
          "status",
          "cause");
  private static final List<String> NAME_COLUMNS =
      List.of("full_name", "given_name", "father_name", "family_name");
  private static final Set<String> SEXES = Set.of("M", "F");
  private static final Set<String> AGE_GROUPS = Set.of("child", "adult");
  private static final Set<String> STATUSES = Set.of("civilian", "combatant", "unknown");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether {@code column} (lower case) is one of the architecture's canonical columns. */
  public static boolean isCanonical(String column) {
    return CANONICAL.contains(column);
  }

  private final int maxProblems;

  public VictimListReader(int maxProblems) {
    this.maxProblems = maxProblems;
  }

  /** The validated rows of a list. */
  public record ValidList(String fileName, String sha256, List<NewRecord> rows) {}

  /**
   * Reads and validates {@code file}, naming it by its file name in problems.
   *
   * @param charset null means UTF-8
   */
  public ValidList read(Path file, Charset charset) throws IOException, ListRejectedException {
    return read(file, file.getFileName().toString(), charset);
  }

  /**
   * Reads and validates {@code file} by the shared list-file rules ({@link ListFile}: UTF-8 unless
   * told otherwise, a BOM skipped, strict decoding), then checks each row's meaning.
   *
   * @param name the file name to report problems under and to record (an upload's original name)
   * @param charset null means UTF-8
   */
  public ValidList read(Path file, String name, Charset charset)
      throws IOException, ListRejectedException {
    if (!Files.isRegularFile(file)) {
      throw new ListRejectedException(List.of(new ListProblem(name, 0, "-", "no such file")));
    }
    String sha256 = Hashing.sha256(file);
    List<NewRecord> rows = new ArrayList<>();
    Map<String, Long> seenIds = new HashMap<>();
    try {
      ListFile.read(
          file,
          name,
          charset,
          maxProblems,
          new ListFile.Handler() {
            List<String> header;

            @Override
            public void header(long line, List<String> names, ListFile.Problems problems) {
              header = names;
              checkHeader(line, names, problems);
            }

            @Override
            public void row(long line, String[] values, ListFile.Problems problems) {
              NewRecord r = validate(line, values, header, problems);
              if (r == null) {
                return;
              }
              Long earlier = seenIds.putIfAbsent(r.recordId(), line);
              if (earlier != null) {
                problems.add(
                    line,
                    "record_id",
                    "duplicate record id '" + r.recordId() + "' (first on line " + earlier + ")");
              } else {
                rows.add(r);
              }
            }
          });
    } catch (ListFileException e) {
      throw new ListRejectedException(
          e.problems().stream()
              .map(p -> new ListProblem(p.file(), p.line(), p.column(), p.reason()))
              .toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (rows.isEmpty()) {
      throw new ListRejectedException(
          List.of(new ListProblem(name, 2, "-", "the list has a header but no records")));
    }
    return new ValidList(name, sha256, rows);
  }

  /** Checks the required columns; column names match whatever their letter case. */
  private static void checkHeader(long line, List<String> header, ListFile.Problems problems) {
    Set<String> columns = new HashSet<>();
    for (String h : header) {
      if (!columns.add(h.toLowerCase(Locale.ROOT))) {
        problems.add(line, h, "column appears twice in the header (letter case aside)");
      }
    }
    if (!columns.contains("record_id")) {
      problems.add(line, "record_id", "missing required column");
    }
    if (NAME_COLUMNS.stream().noneMatch(columns::contains)) {
      problems.add(line, "full_name", "missing: a list needs full_name or given/father/family");
    }
  }

  /** The row as a record to store, or null (after adding its problems) when it has any. */
  private static NewRecord validate(
      long line, String[] rec, List<String> header, ListFile.Problems problems) {
    int before = problems.size();
    Map<String, String> v = new HashMap<>();
    ObjectNode raw = JSON.createObjectNode();
    ObjectNode attributes = JSON.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      String value = rec[i];
      raw.put(h, value);
      String key = h.trim().toLowerCase(Locale.ROOT);
      if (CANONICAL.contains(key)) {
        v.put(key, value.isEmpty() ? null : value);
      } else if (!value.isEmpty()) {
        attributes.put(h, value);
      }
    }
    String recordId = v.get("record_id");
    if (recordId == null) {
      problems.add(line, "record_id", "empty");
    }
    if (NAME_COLUMNS.stream().allMatch(c -> v.get(c) == null)) {
      problems.add(line, "full_name", "no name in any name column");
    }
    String sex = v.get("sex");
    if (sex != null) {
      sex = sex.toUpperCase(Locale.ROOT);
      if (!SEXES.contains(sex)) {
        problems.add(line, "sex", "'" + v.get("sex") + "' is not M, F or empty");
      }
    }
    Integer age = null;
    if (v.get("age") != null) {
      try {
        age = Integer.valueOf(v.get("age"));
        if (age < 0 || age > 130) {
          problems.add(line, "age", age + " is not an age in years (0-130)");
        }
      } catch (NumberFormatException e) {
        problems.add(line, "age", "'" + v.get("age") + "' is not a whole number");
      }
    }
    String ageGroup = lower(v.get("age_group"));
    if (ageGroup != null && !AGE_GROUPS.contains(ageGroup)) {
      problems.add(line, "age_group", "'" + ageGroup + "' is not child or adult");
    }
    String status = lower(v.get("status"));
    if (status != null && !STATUSES.contains(status)) {
      problems.add(line, "status", "'" + status + "' is not civilian, combatant or unknown");
    }
    String date = v.get("date_of_death");
    if (date != null) {
      String reason = checkDate(date);
      if (reason != null) {
        problems.add(line, "date_of_death", reason);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new NewRecord(
        (int) line,
        recordId,
        v.get("full_name"),
        v.get("given_name"),
        v.get("father_name"),
        v.get("mother_name"),
        v.get("family_name"),
        sex,
        age,
        ageGroup,
        date,
        v.get("place_of_death"),
        v.get("governorate"),
        status,
        v.get("cause"),
        attributes.toString(),
        raw.toString());
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** Null when {@code s} is an ISO date or a yyyy-MM month that exists; else why not. */
  static String checkDate(String s) {
    try {
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate.parse(s);
        return null;
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        YearMonth.parse(s);
        return null;
      }
      return "'" + s + "' is not a date (yyyy-MM-dd, or yyyy-MM when only the month is known)";
    } catch (DateTimeParseException e) {
      return "'" + s + "' is not a real date";
    }
  }
}
