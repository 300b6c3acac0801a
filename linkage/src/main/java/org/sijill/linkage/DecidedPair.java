package org.sijill.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.internal.Records;

/**
 * A must-link or cannot-link {@link Decision} resolved to the run's record indexes, {@code left <
 * right}: what blocking adds to the candidates and clustering obeys.
 */
record DecidedPair(int left, int right, boolean same) {
  /** The candidate pairs with every decided pair added, sorted and distinct. */
  static long[] withDecided(long[] pairs, List<DecidedPair> decided) {
    if (decided.isEmpty()) {
      return pairs;
    }
    LongList l = new LongList(pairs.length + decided.size());
    for (long p : pairs) {
      l.add(p);
    }
    for (DecidedPair d : decided) {
      l.add(d.key());
    }
    return l.sortedDistinct();
  }

  /** Decisions on record indexes; unsure ones and a record paired with itself are left out. */
  static List<DecidedPair> resolve(Records records, List<Decision> ds, String what) {
    if (ds.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> byKey = new HashMap<>();
    for (int i = 0; i < records.size; i++) {
      byKey.put(records.sourceName(i) + '\u0000' + records.id(i), i);
    }
    List<DecidedPair> out = new ArrayList<>();
    for (Decision d : ds) {
      Integer a = byKey.get(d.sourceL() + '\u0000' + d.recordIdL());
      Integer b = byKey.get(d.sourceR() + '\u0000' + d.recordIdR());
      if (a == null || b == null) {
        boolean left = a == null;
        throw new LinkageException(
            d.origin()
                + ": "
                + (left ? "record_id_l" : "record_id_r")
                + ": "
                + what
                + " names no input record \""
                + (left ? d.recordIdL() : d.recordIdR())
                + "\" in source \""
                + (left ? d.sourceL() : d.sourceR())
                + "\"");
      }
      if (a.intValue() != b.intValue() && d.verdict() != Decision.Verdict.UNSURE) {
        out.add(
            new DecidedPair(Math.min(a, b), Math.max(a, b), d.verdict() == Decision.Verdict.SAME));
      }
    }
    return out;
  }

  long key() {
    return Linker.key(left, right);
  }
}
