package org.sijill.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which person ids a new linkage run keeps from the run it supersedes, so that notes, reviews and a
 * published list do not churn when the lists barely change. The rule, in order:
 *
 * <ol>
 *   <li>a new person whose records are exactly those of an earlier person takes its id;
 *   <li>otherwise it takes the id of the earlier person it shares most records with, if that is
 *       unambiguous both ways: no other earlier person shares as many records with it, and no other
 *       new person shares as many records with that earlier person (a split or a merge keeps the id
 *       only on the side that is clearly the continuation);
 *   <li>otherwise it gets a new id.
 * </ol>
 *
 * An id is given at most once per run. Records are compared by their stored id, so a record
 * re-imported (a new row) counts as a new record.
 */
final class PersonIds {
  private PersonIds() {}

  /**
   * @param previous the earlier run's persons: id to record ids
   * @param clusters the new run's persons, as record ids
   * @return per cluster, the id it keeps, or null for a new id
   */
  static List<Long> assign(Map<Long, Set<Long>> previous, List<Set<Long>> clusters) {
    List<Long> out = new ArrayList<>(clusters.size());
    Map<Set<Long>, Long> exact = new HashMap<>();
    Map<Long, Long> personOf = new HashMap<>();
    previous.forEach(
        (id, records) -> {
          exact.put(records, id);
          for (Long r : records) {
            personOf.put(r, id);
          }
        });
    Set<Long> taken = new HashSet<>();
    for (Set<Long> c : clusters) {
      Long id = exact.get(c);
      out.add(id != null && taken.add(id) ? id : null);
    }
    // Overlaps of the clusters not matched exactly with earlier persons not taken.
    List<Map<Long, Integer>> overlaps = new ArrayList<>(clusters.size());
    Map<Long, Integer> bestForPerson = new HashMap<>();
    Map<Long, Integer> bestCount = new HashMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      Map<Long, Integer> o = new HashMap<>();
      if (out.get(i) == null) {
        for (Long r : clusters.get(i)) {
          Long p = personOf.get(r);
          if (p != null && !taken.contains(p)) {
            o.merge(p, 1, Integer::sum);
          }
        }
        for (Map.Entry<Long, Integer> e : o.entrySet()) {
          int best = bestForPerson.getOrDefault(e.getKey(), 0);
          if (e.getValue() > best) {
            bestForPerson.put(e.getKey(), e.getValue());
            bestCount.put(e.getKey(), 1);
          } else if (e.getValue() == best) {
            bestCount.merge(e.getKey(), 1, Integer::sum);
          }
        }
      }
      overlaps.add(o);
    }
    for (int i = 0; i < clusters.size(); i++) {
      if (out.get(i) != null || overlaps.get(i).isEmpty()) {
        continue;
      }
      Long bestPerson = null;
      int best = 0;
      boolean tie = false;
      for (Map.Entry<Long, Integer> e : overlaps.get(i).entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          bestPerson = e.getKey();
          tie = false;
        } else if (e.getValue() == best) {
          tie = true;
        }
      }
      if (!tie
          && bestForPerson.get(bestPerson) == best
          && bestCount.get(bestPerson) == 1
          && taken.add(bestPerson)) {
        out.set(i, bestPerson);
      }
    }
    return out;
  }
}
