package org.sijill.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.LinkageException;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;

/**
 * {@code spark-submit --class org.sijill.spark.SparkLink sijill-spark-submit.jar ...}: the file
 * mode of {@code sijill link} on a Spark cluster.
 *
 * <pre>
 * --settings SETTINGS.json --out CLUSTERS(.csv|.parquet) [--pairs PAIRS(.csv|.parquet)]
 * [--mode link-and-dedupe|link|dedupe] [--master URL] [--partitions N] INPUT(.csv|.parquet)...
 * </pre>
 *
 * CSV lists are read by the same reader as {@code sijill link} (on the driver: the file must be
 * reachable there); Parquet lists (a file or a directory, any file system Spark reads) through
 * Spark, every kept column read as text and trimmed. Outputs ending in {@code .parquet} are written
 * by Spark (a directory), others as CSV by the driver, with the same columns as {@code sijill
 * link}.
 */
public final class SparkLink {
  private SparkLink() {}

  public static void main(String[] args) throws IOException {
    try {
      System.exit(run(args));
    } catch (LinkageException | IllegalArgumentException e) {
      System.err.println("sijill spark: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args) throws IOException {
    return run(args, null);
  }

  /**
   * As {@link #run(String[])}, on {@code shared} when not null: a session the caller owns and stops
   * (the tests share one, since each new local session costs seconds). With null the run makes its
   * own session from {@code --master} and stops it when done, as spark-submit expects.
   */
  static int run(String[] args, SparkSession shared) throws IOException {
    String settings = null;
    String out = null;
    String pairs = null;
    String master = null;
    Mode mode = Mode.LINK_AND_DEDUPE;
    int partitions = 0;
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--settings" -> settings = value(args, ++i, a);
        case "--out" -> out = value(args, ++i, a);
        case "--pairs" -> pairs = value(args, ++i, a);
        case "--master" -> master = value(args, ++i, a);
        case "--partitions" -> partitions = Integer.parseInt(value(args, ++i, a));
        case "--mode" -> mode = mode(value(args, ++i, a));
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + a);
          }
          inputs.add(a);
        }
      }
    }
    if (settings == null || out == null || inputs.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: --settings S.json --out CLUSTERS [--pairs PAIRS] [--mode M] [--master URL]"
              + " [--partitions N] INPUT...");
    }
    Settings s = Settings.read(Path.of(settings));
    SparkSession spark = shared != null ? shared : SparkPairWork.session(master);
    try {
      List<Source> sources = new ArrayList<>();
      for (String in : inputs) {
        sources.add(read(spark, in, Linker.columns(s)));
      }
      int parts =
          partitions > 0
              ? partitions
              : Math.max(
                  2, spark.sparkContext().defaultParallelism() * SparkEngine.PARTITIONS_PER_CORE);
      LinkResult r;
      try (SparkPairWork work = new SparkPairWork(spark, parts, true, System.err::println, false)) {
        r = new Linker(s, mode).link(sources, List.of(), List.of(), System.err::println, work);
      }
      write(spark, r, out, true);
      if (pairs != null) {
        write(spark, r, pairs, false);
      }
      System.err.printf(
          "%,d records, %,d clusters, %,d pairs scored%n",
          r.size(), r.clusterCount(), r.pairCount());
      return 0;
    } finally {
      if (shared == null) {
        spark.stop();
      }
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static Mode mode(String m) {
    return switch (m) {
      case "link-and-dedupe" -> Mode.LINK_AND_DEDUPE;
      case "link" -> Mode.LINK;
      case "dedupe" -> Mode.DEDUPE;
      default -> throw new IllegalArgumentException("unknown mode " + m);
    };
  }

  static boolean parquet(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.endsWith(".parquet");
  }

  /** The source name: the file or directory name without folder and extension. */
  static String sourceName(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String name = p.substring(p.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static Source read(SparkSession spark, String path, List<String> columns) {
    if (!parquet(path)) {
      return Source.read(Path.of(path), columns, null);
    }
    Dataset<Row> df = spark.read().parquet(path);
    List<String> have = List.of(df.columns());
    for (String c : columns) {
      if (!have.contains(c)) {
        throw new LinkageException(path + ": missing column " + c);
      }
    }
    org.apache.spark.sql.Column[] cols = new org.apache.spark.sql.Column[columns.size()];
    for (int c = 0; c < cols.length; c++) {
      cols[c] =
          functions.coalesce(
              functions.trim(functions.col("`" + columns.get(c) + "`").cast("string")),
              functions.lit(""));
    }
    // In a fixed order (part files by name, rows as stored): Spark packs files into partitions
    // largest first, and the record order fixes the record indexes the seeded u-sample draws.
    Dataset<Row> ordered =
        df.withColumn("_sijill_file", functions.col("_metadata.file_path"))
            .withColumn("_sijill_row", functions.col("_metadata.row_index"))
            .orderBy("_sijill_file", "_sijill_row")
            .select(cols);
    List<String[]> rows = new ArrayList<>();
    for (Row row : ordered.collectAsList()) {
      String[] v = new String[columns.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = row.getString(c);
      }
      rows.add(v);
    }
    return Source.of(sourceName(path), columns, rows);
  }

  private static void write(SparkSession spark, LinkResult r, String path, boolean clusters)
      throws IOException {
    if (!parquet(path)) {
      if (clusters) {
        r.writeClusters(Path.of(path));
      } else {
        r.writePairs(Path.of(path));
      }
      return;
    }
    // The same rows as the CSV, typed: written once by the linkage writer, then read by Spark.
    Path csv = Files.createTempFile("sijill-spark", ".csv");
    try {
      StructType schema;
      if (clusters) {
        r.writeClusters(csv);
        schema =
            new StructType()
                .add("cluster_id", DataTypes.IntegerType, false)
                .add("source", DataTypes.StringType, false)
                .add("record_id", DataTypes.StringType, false);
      } else {
        r.writePairs(csv);
        schema =
            new StructType()
                .add("source_l", DataTypes.StringType, false)
                .add("record_id_l", DataTypes.StringType, false)
                .add("source_r", DataTypes.StringType, false)
                .add("record_id_r", DataTypes.StringType, false)
                .add("match_probability", DataTypes.DoubleType, false);
      }
      List<String> lines = Files.readAllLines(csv);
      Dataset<String> text =
          spark.createDataset(
              lines.subList(1, lines.size()), org.apache.spark.sql.Encoders.STRING());
      spark
          .read()
          .schema(schema)
          .option("mode", "FAILFAST")
          .option("escape", "\"")
          .csv(text)
          .coalesce(1)
          .write()
          .parquet(path);
    } finally {
      Files.deleteIfExists(csv);
    }
  }
}
