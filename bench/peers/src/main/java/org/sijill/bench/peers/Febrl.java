package org.sijill.bench.peers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A FEBRL file as the peers see it: the header and the rows, every field trimmed (FEBRL separates
 * fields with a comma and a space and never quotes). {@code rec_id} is kept only to name the
 * record in the output; no peer is given it as a feature.
 */
record Febrl(String source, List<String> columns, List<String[]> rows) {

  static final String ID = "rec_id";

  static Febrl read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
    List<String[]> rows = new ArrayList<>(lines.size());
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] v = line.split(",", -1);
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i].trim();
      }
      rows.add(v);
    }
    String name = file.getFileName().toString();
    return new Febrl(name.substring(0, name.lastIndexOf('.')), header, rows);
  }

  int idColumn() {
    return columns.indexOf(ID);
  }

  String id(int row) {
    return rows.get(row)[idColumn()];
  }

  /** The feature columns: every column but {@code rec_id}. */
  List<String> features() {
    return columns.stream().filter(c -> !c.equals(ID)).toList();
  }

  /**
   * Writes clusters in Sijill's CLUSTERS.csv shape ({@code cluster_id,source,record_id}), one
   * line per record, so that one scorer reads every tool's output.
   *
   * @param cluster the cluster number of each record of each file, in file order
   */
  static void writeClusters(Path out, List<Febrl> files, List<int[]> cluster) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.println("cluster_id,source,record_id");
      for (int f = 0; f < files.size(); f++) {
        Febrl file = files.get(f);
        for (int r = 0; r < file.rows().size(); r++) {
          w.println(cluster.get(f)[r] + "," + file.source() + "," + file.id(r));
        }
      }
    }
  }
}
