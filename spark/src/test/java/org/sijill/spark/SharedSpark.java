package org.sijill.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session the spark tests share: starting one costs seconds on a busy machine,
 * so every test class asks here instead of starting and stopping its own. It is stopped when the
 * test JVM exits.
 */
final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      SparkSession s = SparkPairWork.session("local[2]");
      s.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
      session = s;
    }
    return session;
  }
}
