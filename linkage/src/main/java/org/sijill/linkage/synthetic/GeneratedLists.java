package org.sijill.linkage.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The output of {@link VictimListGenerator}: the lists and the ground truth.
 *
 * @param populationSize the true number of people who died (documented or not)
 * @param lists the lists, in the order of the config
 */
public record GeneratedLists(int populationSize, List<GeneratedList> lists) {

  /** The canonical victim-list columns (ARCHITECTURE.md), in file order. */
  public static final List<String> COLUMNS =
      List.of(
          "record_id",
          "full_name",
          "given_name",
          "father_name",
          "family_name",
          "mother_name",
          "sex",
          "age",
          "age_group",
          "date_of_death",
          "place_of_death",
          "governorate",
          "status",
          "cause");

  public GeneratedLists {
    lists = List.copyOf(lists);
  }

  /** Number of distinct people on at least one list. */
  public int documentedPersons() {
    Set<String> ids = new HashSet<>();
    for (GeneratedList l : lists) {
      for (SyntheticRow r : l.rows()) {
        ids.add(r.personId());
      }
    }
    return ids.size();
  }

  /**
   * Writes {@code <list name>.csv} per list (UTF-8, header = {@link #COLUMNS}) and {@code
   * truth.csv} ({@code source,record_id,person_id}) into {@code dir}, creating it if needed.
   * Returns the list files in order.
   */
  public List<Path> writeCsv(Path dir) throws IOException {
    return writeCsv(dir, false);
  }

  /** The column {@link #writeCsv(Path, boolean)} adds: each record's true person. */
  public static final String TRUTH_COLUMN = "true_person_id";

  /**
   * As {@link #writeCsv(Path)}; with {@code truthColumn}, each list also names every record's true
   * person in a last column {@value #TRUTH_COLUMN} (what truth.csv says, inside the list).
   */
  public List<Path> writeCsv(Path dir, boolean truthColumn) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (GeneratedList l : lists) {
      Path f = dir.resolve(l.name() + ".csv");
      try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
          CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(w)) {
        List<String> header = new ArrayList<>(COLUMNS);
        if (truthColumn) {
          header.add(TRUTH_COLUMN);
        }
        p.printRecord(header);
        for (SyntheticRow r : l.rows()) {
          List<String> vals = new ArrayList<>(COLUMNS.size() + 1);
          for (String c : COLUMNS) {
            vals.add(r.get(c));
          }
          if (truthColumn) {
            vals.add(r.personId());
          }
          p.printRecord(vals);
        }
      }
      files.add(f);
    }
    writeTruth(dir.resolve("truth.csv"));
    return files;
  }

  /** Writes {@code source,record_id,person_id} for every row of every list. */
  public void writeTruth(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(w)) {
      p.printRecord("source", "record_id", "person_id");
      for (GeneratedList l : lists) {
        for (SyntheticRow r : l.rows()) {
          p.printRecord(l.name(), r.recordId(), r.personId());
        }
      }
    }
  }
}
