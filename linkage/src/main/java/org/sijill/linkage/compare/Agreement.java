package org.sijill.linkage.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.internal.Records;

/**
 * How two records agree on each compared field of some settings: the level (0 = disagree, up to
 * exact agreement; -1 when either value is missing) and its label, exactly as a linkage run with
 * those settings compares them. The review desk uses it to draw how each field moved a pair's match
 * weight.
 */
public final class Agreement {
  private Agreement() {}

  /**
   * One field's agreement.
   *
   * @param level -1 when either record has no value (missing is never disagreement)
   * @param label the level's description, or "missing"
   */
  public record Level(String column, String kind, int level, String label) {}

  /**
   * Compares two records, each given as its values by column name (a missing column is a missing
   * value).
   */
  public static List<Level> of(Settings settings, Map<String, String> a, Map<String, String> b) {
    List<String> columns = new ArrayList<>();
    columns.add(settings.id());
    settings.fields().forEach(f -> columns.add(f.column()));
    List<String[]> rows = new ArrayList<>(2);
    rows.add(row(columns, a, "a"));
    rows.add(row(columns, b, "b"));
    Records records = new Records(List.of(Source.of("pair", columns, rows)), settings);
    List<Level> out = new ArrayList<>();
    for (int f = 0; f < settings.fields().size(); f++) {
      FieldSpec spec = settings.fields().get(f);
      FieldComparator c = FieldComparator.of(spec);
      c.prepare(records, f);
      int level = c.level(0, 1);
      out.add(
          new Level(
              spec.column(),
              spec.kind().name().toLowerCase(java.util.Locale.ROOT),
              level,
              level < 0 ? "missing" : c.label(level)));
    }
    return out;
  }

  private static String[] row(List<String> columns, Map<String, String> values, String id) {
    String[] row = new String[columns.size()];
    row[0] = id;
    for (int i = 1; i < row.length; i++) {
      String v = values.get(columns.get(i));
      row[i] = v == null ? "" : v.strip();
    }
    return row;
  }
}
