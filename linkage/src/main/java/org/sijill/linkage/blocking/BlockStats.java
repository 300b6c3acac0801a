package org.sijill.linkage.blocking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Settings;

/**
 * The layout of a run's blocking statistics, one long[] per thread: pairs emitted per key family,
 * pairs skipped per key family, then pairs emitted and skipped per split path of the name-pair
 * family. A split path is (first split field + 1) * stride + (second split field + 1), 0 for none,
 * with stride = fields + 1.
 */
final class BlockStats {
  private final Settings settings;
  private final List<String> familyNames = new ArrayList<>();

  /** Number of split paths: (fields + 1)² (first and second split field, or none). */
  private final int paths;

  final int stride;

  BlockStats(Settings settings) {
    this.settings = settings;
    familyNames.add("name-pairs");
    familyNames.add("lsh");
    familyNames.add("token+initial");
    List<String> numbers = new ArrayList<>();
    for (FieldSpec f : settings.fields()) {
      if (f.kind() == Kind.NUMBER) {
        numbers.add(f.column());
      }
    }
    familyNames.add("token+" + (numbers.isEmpty() ? "number" : String.join("/", numbers)));
    for (FieldSpec f : settings.fields()) {
      familyNames.add(f.column());
    }
    stride = settings.fields().size() + 1;
    paths = stride * stride;
  }

  long[] newStats() {
    return new long[2 * familyNames.size() + 2 * paths];
  }

  /** Index of the pairs emitted by blocks of a key family. */
  int emitted(int family) {
    return family;
  }

  /** Index of the pairs of a key family's oversized blocks that were not compared in full. */
  int skipped(int family) {
    return familyNames.size() + family;
  }

  /** Index of the pairs emitted along a name-pair split path. */
  int pathEmitted(int path) {
    return 2 * familyNames.size() + path;
  }

  /** Index of the pairs of a split path's oversized sub-blocks not compared in full. */
  int pathSkipped(int path) {
    return 2 * familyNames.size() + paths + path;
  }

  static void add(long[] into, long[] from) {
    for (int k = 0; k < into.length; k++) {
      into[k] += from[k];
    }
  }

  /** Pairs emitted and skipped per key family (and name-pair split path), by name. */
  Map<String, long[]> perKey(long[] stats) {
    Map<String, long[]> perKey = new LinkedHashMap<>();
    for (int f = 0; f < familyNames.size(); f++) {
      if (stats[emitted(f)] > 0 || stats[skipped(f)] > 0) {
        perKey.put(familyNames.get(f), new long[] {stats[emitted(f)], stats[skipped(f)]});
      }
      for (int p = 1; f == BlockKeys.FAMILY_NAME_PAIRS && p < paths; p++) {
        if (stats[pathEmitted(p)] > 0 || stats[pathSkipped(p)] > 0) {
          perKey.put(pathName(f, p), new long[] {stats[pathEmitted(p)], stats[pathSkipped(p)]});
        }
      }
    }
    return perKey;
  }

  /**
   * "name-pairs+age", "name-pairs+age+date_of_death": the family and the fields of a split path.
   */
  private String pathName(int family, int p) {
    StringBuilder b = new StringBuilder(familyNames.get(family));
    int first = p / stride;
    int second = p % stride;
    if (first > 0) {
      b.append('+').append(settings.fields().get(first - 1).column());
    }
    if (second > 0) {
      b.append('+').append(settings.fields().get(second - 1).column());
    }
    return b.toString();
  }
}
