package org.sijill.casefile.backup;

import java.util.List;

/**
 * What a backup records about the database besides the rows themselves.
 *
 * @param migrations the applied schema migrations, in the order they were installed
 * @param tables every table with its columns (in the order its data is written) and row count
 * @param sequences the last value handed out by each sequence
 */
public record TableData(
    List<Migration> migrations, List<Table> tables, List<SequenceValue> sequences) {
  public TableData {
    migrations = List.copyOf(migrations);
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
  }

  /** One applied migration: its version (null for a repeatable one) and Flyway's checksum. */
  public record Migration(String version, String description, Integer checksum) {}

  /** One table: its name, the columns its data holds, and how many rows it has. */
  public record Table(String name, List<String> columns, long rows) {
    public Table {
      columns = List.copyOf(columns);
    }
  }

  /** A sequence and the last value it handed out. */
  public record SequenceValue(String name, long lastValue) {}
}
