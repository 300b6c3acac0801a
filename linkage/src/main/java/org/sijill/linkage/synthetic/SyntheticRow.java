package org.sijill.linkage.synthetic;

import java.util.Map;

/**
 * One generated record: its values by canonical column name (blank = missing) and, kept apart from
 * the values, the id of the simulated person it documents (the ground truth).
 */
public record SyntheticRow(String personId, Map<String, String> values) {
  public SyntheticRow {
    values = Map.copyOf(values);
  }

  /** The value of a column, "" when blank. */
  public String get(String column) {
    return values.getOrDefault(column, "");
  }

  public String recordId() {
    return get("record_id");
  }
}
