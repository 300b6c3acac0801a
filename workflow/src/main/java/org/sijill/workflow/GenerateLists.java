package org.sijill.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.sijill.linkage.synthetic.GeneratedList;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * Write synthetic victim lists to try Sijill with: the linkage library's generator draws one
 * simulated population and renders it as three overlapping lists (Arabic script, Latin
 * transliteration, and mixed), with the ground truth beside them and the settings that {@code
 * sijill link} needs. Everything written says it is synthetic: no real person is in these lists.
 */
public final class GenerateLists {
  /** The README's and the tests' default: about 800 documented people in three lists. */
  public static final int DEFAULT_PERSONS = 1000;

  public static final long DEFAULT_SEED = 1;

  static final String SYNTHETIC =
      "Synthetic: written by 'sijill generate lists'. These people never existed; the names are"
          + " drawn from a stock of common names.";

  /**
   * @param out the directory to write into (created when missing)
   * @param seed the generator's seed: the same seed and size give the same files, byte for byte
   * @param persons the simulated population (documented or not) that the lists are drawn from
   * @param force write into {@code out} even when it is not empty (files of the same names are
   *     replaced)
   * @param truthColumn also write each record's true person into the lists, as the last column
   *     {@code true_person_id} (linkage never compares it; a linkage run over such lists is scored
   *     against it: blocking recall, precision and recall on the diagnostics page)
   */
  public record Request(Path out, long seed, int persons, boolean force, boolean truthColumn) {
    public Request {
      if (persons < 1 || persons > 5_000_000) {
        throw new IllegalArgumentException("--persons must be between 1 and 5,000,000: " + persons);
      }
    }

    /** Lists without the truth column (the truth is in truth.csv beside them). */
    public Request(Path out, long seed, int persons, boolean force) {
      this(out, seed, persons, force, false);
    }
  }

  /**
   * What was written.
   *
   * @param lists the list files, in order
   * @param records rows in all lists together
   * @param documented distinct people on at least one list (what linkage should find)
   * @param population the simulated population (what estimation should recover)
   */
  public record Result(
      Path dir,
      List<Path> lists,
      Path truth,
      Path settings,
      Path readme,
      int records,
      int documented,
      int population) {}

  /** Thrown when {@code out} holds files and {@code force} was not given. */
  public static final class NotEmptyException extends Exception {
    private static final long serialVersionUID = 1L;

    NotEmptyException(Path dir) {
      super(dir + " is not empty; choose an empty folder, or --force to write into it");
    }
  }

  public Result run(Request r, ProgressListener progress) throws IOException, NotEmptyException {
    Path dir = r.out();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IOException(dir + " exists and is not a folder");
    }
    if (!r.force() && Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new NotEmptyException(dir);
        }
      }
    }
    progress.progress("drawing the population", 0, r.persons());
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(r.seed(), r.persons()));
    progress.progress("writing lists", r.persons(), r.persons());
    List<Path> lists = g.writeCsv(dir, r.truthColumn());
    Path settings = dir.resolve("settings.json");
    Files.writeString(settings, settingsJson(r.seed()), StandardCharsets.UTF_8);
    Path readme = dir.resolve("README.txt");
    int records = g.lists().stream().mapToInt(l -> l.rows().size()).sum();
    Files.writeString(readme, readme(r, g, records), StandardCharsets.UTF_8);
    return new Result(
        dir,
        lists,
        dir.resolve("truth.csv"),
        settings,
        readme,
        records,
        g.documentedPersons(),
        g.populationSize());
  }

  /** The victim-list settings of docs/linkage.md, marked synthetic. */
  static String settingsJson(long seed) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("comment", SYNTHETIC + " Generator seed " + seed + ".");
    root.setAll(VictimListSettings.node());
    return json.writeValueAsString(root) + "\n";
  }

  private static String readme(Request r, GeneratedLists g, int records) {
    StringBuilder b = new StringBuilder();
    b.append("SYNTHETIC DATA - NOT REAL PEOPLE\n\n");
    b.append(SYNTHETIC).append("\n\n");
    b.append("Generator: org.sijill.linkage.synthetic.VictimListGenerator, seed ")
        .append(r.seed())
        .append(", a simulated population of ")
        .append(g.populationSize())
        .append(" people who died,\nof whom ")
        .append(g.documentedPersons())
        .append(" are on at least one list (")
        .append(records)
        .append(" records in all; a list may name a person twice).\n\n");
    b.append("Files:\n");
    for (GeneratedList l : g.lists()) {
      b.append(String.format("  %-14s %5d records%n", l.name() + ".csv", l.rows().size()));
    }
    b.append(
        "  truth.csv      the ground truth: source,record_id,person_id (who each record is)\n");
    if (r.truthColumn()) {
      b.append(
          "  (each list also has the column true_person_id: the same truth, inside the list)\n");
    }
    b.append("  settings.json  the victim-list settings for 'sijill link'\n\n");
    b.append(
        "list-a is written in Arabic script, list-b in Latin transliteration, list-c in both.\n");
    b.append("Try (from the folder that holds this one):\n");
    String d = r.out().toString();
    b.append("  ./sijill link --settings ")
        .append(d)
        .append("/settings.json --out clusters.csv ")
        .append(d)
        .append("/list-a.csv ")
        .append(d)
        .append("/list-b.csv ")
        .append(d)
        .append("/list-c.csv\n");
    b.append("  ./sijill estimate --clusters clusters.csv\n");
    b.append("  ./sijill import-list --source \"Group A\" ").append(d).append("/list-a.csv\n");
    return b.toString();
  }
}
