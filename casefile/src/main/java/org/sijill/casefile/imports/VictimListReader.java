package org.sijill.casefile.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sijill.casefile.repo.Victims.NewRecord;

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

  private final int maxProblems;

  public VictimListReader(int maxProblems) {
    this.maxProblems = maxProblems;
  }

  /** The validated rows of a list. */
  public record ValidList(String fileName, String sha256, List<NewRecord> rows) {}

  public ValidList read(Path file, Charset charset) throws IOException, ListRejectedException {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new ListRejectedException(List.of(new ListProblem(name, 0, "-", "no such file")));
    }
    String sha256 = Hashing.sha256(file);
    try (InputStream in = Files.newInputStream(file);
        Reader reader = Encodings.open(in, charset)) {
      return new ValidList(name, sha256, parse(name, reader, charset));
    }
  }

  List<NewRecord> parse(String name, Reader reader, Charset charset)
      throws IOException, ListRejectedException {
    List<ListProblem> problems = new ArrayList<>();
    List<NewRecord> rows = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = format.parse(reader)) {
      Map<String, String> columns = headerColumns(name, parser.getHeaderNames(), problems);
      if (!problems.isEmpty()) {
        throw new ListRejectedException(problems);
      }
      Map<String, Long> seenIds = new HashMap<>();
      long lastLine = 1;
      Iterator<CSVRecord> it = parser.iterator();
      while (problems.size() < maxProblems) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException e) {
          problems.add(
              new ListProblem(name, lastLine + 1, "-", readFailure(e.getCause(), charset)));
          break;
        }
        long line = lastLine + 1;
        lastLine = Math.max(line, parser.getCurrentLineNumber());
        NewRecord r = validate(name, line, rec, parser.getHeaderNames(), columns, problems);
        if (r != null) {
          Long earlier = seenIds.putIfAbsent(r.recordId(), line);
          if (earlier != null) {
            problems.add(
                new ListProblem(
                    name,
                    line,
                    "record_id",
                    "duplicate record id '" + r.recordId() + "' (first on line " + earlier + ")"));
          } else {
            rows.add(r);
          }
        }
      }
    } catch (UncheckedIOException e) {
      problems.add(new ListProblem(name, 1, "-", readFailure(e.getCause(), charset)));
    } catch (CharacterCodingException e) {
      problems.add(new ListProblem(name, 1, "-", readFailure(e, charset)));
    } catch (IllegalArgumentException e) {
      problems.add(new ListProblem(name, 1, "header", e.getMessage()));
    }
    if (problems.isEmpty() && rows.isEmpty()) {
      problems.add(new ListProblem(name, 2, "-", "the list has a header but no records"));
    }
    if (!problems.isEmpty()) {
      throw new ListRejectedException(problems.subList(0, Math.min(maxProblems, problems.size())));
    }
    return rows;
  }

  private static String readFailure(Throwable e, Charset charset) {
    if (e instanceof CharacterCodingException) {
      return "bytes that are not valid "
          + charset.name()
          + " (is the file in another encoding? try --encoding windows-1256 or UTF-8)";
    }
    String m = e == null ? "unreadable" : String.valueOf(e.getMessage());
    return "malformed CSV: " + m;
  }

  /** Maps lower-cased header names to the header as written; checks the required columns. */
  private static Map<String, String> headerColumns(
      String file, List<String> header, List<ListProblem> problems) {
    Map<String, String> columns = new HashMap<>();
    for (String h : header) {
      String key = h.trim().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        problems.add(new ListProblem(file, 1, "header", "a column has no name"));
      } else if (columns.putIfAbsent(key, h) != null) {
        problems.add(new ListProblem(file, 1, h, "column appears twice in the header"));
      }
    }
    if (!columns.containsKey("record_id")) {
      problems.add(new ListProblem(file, 1, "record_id", "missing required column"));
    }
    if (NAME_COLUMNS.stream().noneMatch(columns::containsKey)) {
      problems.add(
          new ListProblem(
              file, 1, "full_name", "missing: a list needs full_name or given/father/family"));
    }
    return columns;
  }

  private NewRecord validate(
      String file,
      long line,
      CSVRecord rec,
      List<String> header,
      Map<String, String> columns,
      List<ListProblem> problems) {
    if (rec.size() != header.size()) {
      problems.add(
          new ListProblem(
              file,
              line,
              "-",
              "has " + rec.size() + " fields but the header has " + header.size()));
      return null;
    }
    int before = problems.size();
    Map<String, String> v = new HashMap<>();
    ObjectNode raw = JSON.createObjectNode();
    ObjectNode attributes = JSON.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      String value = rec.get(i);
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
      problems.add(new ListProblem(file, line, "record_id", "empty"));
    }
    if (NAME_COLUMNS.stream().allMatch(c -> v.get(c) == null)) {
      problems.add(new ListProblem(file, line, "full_name", "no name in any name column"));
    }
    String sex = v.get("sex");
    if (sex != null) {
      sex = sex.toUpperCase(Locale.ROOT);
      if (!SEXES.contains(sex)) {
        problems.add(
            new ListProblem(file, line, "sex", "'" + v.get("sex") + "' is not M, F or empty"));
      }
    }
    Integer age = null;
    if (v.get("age") != null) {
      try {
        age = Integer.valueOf(v.get("age"));
        if (age < 0 || age > 130) {
          problems.add(new ListProblem(file, line, "age", age + " is not an age in years (0-130)"));
        }
      } catch (NumberFormatException e) {
        problems.add(
            new ListProblem(file, line, "age", "'" + v.get("age") + "' is not a whole number"));
      }
    }
    String ageGroup = lower(v.get("age_group"));
    if (ageGroup != null && !AGE_GROUPS.contains(ageGroup)) {
      problems.add(
          new ListProblem(file, line, "age_group", "'" + ageGroup + "' is not child or adult"));
    }
    String status = lower(v.get("status"));
    if (status != null && !STATUSES.contains(status)) {
      problems.add(
          new ListProblem(
              file, line, "status", "'" + status + "' is not civilian, combatant or unknown"));
    }
    String date = v.get("date_of_death");
    if (date != null) {
      String reason = checkDate(date);
      if (reason != null) {
        problems.add(new ListProblem(file, line, "date_of_death", reason));
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
