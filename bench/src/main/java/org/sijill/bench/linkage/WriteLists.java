package org.sijill.bench.linkage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;

/**
 * Writes generated lists of either scenario as CSV, for scripts that link them with {@code sijill
 * link} (bench/spark.sh). {@code sijill generate lists} writes only the one-week scenario; the
 * countrywide one (deaths over 2011-2024 in forty towns) is the benchmarks' and {@code
 * SameAnswerTest}'s, so it is written here:
 *
 * <pre>WriteLists OUT_DIR PERSONS SEED week|country</pre>
 *
 * <p>The lists and truth.csv only; the settings are the victim-list settings that {@code sijill
 * generate lists} writes (the same for both scenarios). Synthetic people only.
 */
public final class WriteLists {
  private WriteLists() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: WriteLists OUT_DIR PERSONS SEED week|country");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int persons = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    GeneratorConfig config =
        switch (args[3]) {
          case "week" -> GeneratorConfig.example(seed, persons);
          case "country" -> GeneratorConfig.countrywide(seed, persons);
          default -> throw new IllegalArgumentException("scenario must be week or country");
        };
    GeneratedLists g = VictimListGenerator.generate(config);
    List<Path> files = g.writeCsv(out);
    int records = g.lists().stream().mapToInt(l -> l.rows().size()).sum();
    System.out.printf(
        Locale.ROOT,
        "wrote %d SYNTHETIC lists (%s scenario) to %s: %,d records%n",
        files.size(),
        args[3],
        out,
        records);
  }
}
