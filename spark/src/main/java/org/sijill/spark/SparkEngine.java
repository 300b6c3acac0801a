package org.sijill.spark;

import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.sijill.linkage.pairs.PairWork;
import org.sijill.linkage.pairs.PairWorkProvider;

/**
 * The {@code spark} engine of {@code sijill link --engine spark [--master URL]}: found through
 * {@link java.util.ServiceLoader} when this module's jar and Spark's are on the class path.
 */
public final class SparkEngine implements PairWorkProvider {
  /** Partitions per core of the master when none are configured. */
  static final int PARTITIONS_PER_CORE = 4;

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public PairWork open(String master, Consumer<String> progress) {
    SparkSession spark = SparkPairWork.session(master == null ? "local[*]" : master);
    spark.sparkContext().setLogLevel("WARN");
    int cores = spark.sparkContext().defaultParallelism();
    int partitions =
        Integer.getInteger("sijill.spark.partitions", Math.max(2, cores * PARTITIONS_PER_CORE));
    progress.accept(
        "spark: master "
            + spark.sparkContext().master()
            + ", "
            + cores
            + " cores, "
            + partitions
            + " partitions");
    return new SparkPairWork(spark, partitions, true, progress, true);
  }
}
