package org.sijill.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Source;
import org.sijill.linkage.testing.TestLists;

/** The spark-submit entry point: a Parquet list in, Parquet clusters and CSV pairs out. */
class SparkLinkTest {
  @TempDir Path tmp;

  @Test
  void linksAParquetListAsTheSingleEngineLinksTheCsv() throws Exception {
    Path csv = Path.of(getClass().getResource("/febrl/dataset3.csv").toURI());
    Source src = Source.read(csv, Linker.columns(TestLists.FEBRL), null);
    Path parquet = tmp.resolve("dataset3.parquet");
    SparkSession spark = SharedSpark.get();
    StructType schema = new StructType();
    for (String c : src.columns()) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> rows = new ArrayList<>();
    for (String[] r : src.rows()) {
      rows.add(RowFactory.create((Object[]) r));
    }
    spark.createDataFrame(rows, schema).write().parquet(parquet.toString());

    Path settings = tmp.resolve("settings.json");
    Files.writeString(
        settings,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(TestLists.FEBRL)
            .replace("\"NAME\"", "\"name\"")
            .replace("\"TEXT\"", "\"text\"")
            .replace("\"EXACT\"", "\"exact\"")
            .replace("\"DATE\"", "\"date\""));
    Path clusters = tmp.resolve("clusters.parquet");
    Path pairs = tmp.resolve("pairs.csv");
    int exit =
        SparkLink.run(
            new String[] {
              "--master",
              "local[2]",
              "--settings",
              settings.toString(),
              "--mode",
              "dedupe",
              "--partitions",
              "3",
              "--out",
              clusters.toString(),
              "--pairs",
              pairs.toString(),
              parquet.toString()
            },
            spark);
    assertThat(exit).isZero();

    LinkResult single =
        new Linker(TestLists.FEBRL, Mode.DEDUPE).link(List.of(src), List.of(), List.of(), m -> {});
    Path expectPairs = tmp.resolve("expected-pairs.csv");
    single.writePairs(expectPairs);
    assertThat(Files.readAllLines(pairs)).isEqualTo(Files.readAllLines(expectPairs));

    Path expectClusters = tmp.resolve("expected-clusters.csv");
    single.writeClusters(expectClusters);
    List<String> expected = Files.readAllLines(expectClusters);
    List<String> got = new ArrayList<>();
    got.add("cluster_id,source,record_id");
    for (Row r : spark.read().parquet(clusters.toString()).collectAsList()) {
      got.add(r.getInt(0) + "," + r.getString(1) + "," + r.getString(2));
    }
    assertThat(got).hasSize(5001);
    assertThat(got.subList(1, got.size()))
        .containsExactlyInAnyOrderElementsOf(expected.subList(1, expected.size()));
    assertThat(got.get(1)).startsWith("1,dataset3,"); // the source name is the file's
  }

  @Test
  void refusesAListWithoutTheComparedColumns() throws Exception {
    Path settings = tmp.resolve("settings.json");
    Files.writeString(
        settings,
        "{\"id\": \"record_id\", \"fields\": [{\"column\": \"name\", \"kind\": \"name\"}]}");
    Path in = tmp.resolve("list.csv");
    Files.writeString(in, "record_id,other\n1,x\n");
    assertThatThrownBy(
            () ->
                SparkLink.run(
                    new String[] {
                      "--master",
                      "local[1]",
                      "--settings",
                      settings.toString(),
                      "--out",
                      tmp.resolve("c.csv").toString(),
                      in.toString()
                    },
                    SharedSpark.get()))
        .hasMessageContaining("name")
        .hasMessageContaining("missing column");
    assertThat(tmp.resolve("c.csv")).doesNotExist();
  }
}
